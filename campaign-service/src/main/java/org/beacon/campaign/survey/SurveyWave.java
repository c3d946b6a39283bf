package org.beacon.campaign.survey;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The state of one wave of a survey; a wave without a row has never been opened. */
@Entity
@Table(name = "survey_wave")
public class SurveyWave extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "survey_id")
    public Long surveyId;
    public String wave;
    @Enumerated(EnumType.STRING)
    public WaveStatus status;
    @Column(name = "opened_at")
    public OffsetDateTime openedAt;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    public boolean isOpen() {
        return status == WaveStatus.open;
    }

    public static Optional<SurveyWave> of(long surveyId, Wave wave) {
        return find("surveyId = ?1 and wave = ?2", surveyId, wave.id()).firstResultOptional();
    }

    public static List<SurveyWave> ofSurvey(long surveyId) {
        return list("surveyId", surveyId);
    }
}
