package org.beacon.campaign.collect;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.beacon.campaign.survey.Wave;

/** Until when a closed wave still takes submissions collected offline while it was open. */
@Entity
@Table(name = "collection_late_window")
@IdClass(LateWindow.Key.class)
public class LateWindow extends PanacheEntityBase {

    @Id
    @Column(name = "survey_id")
    public Long surveyId;
    @Id
    public String wave;
    @Column(name = "accept_until")
    public OffsetDateTime acceptUntil;
    @Column(name = "allowed_by")
    public String allowedBy;
    @Column(name = "allowed_at")
    public OffsetDateTime allowedAt;

    public boolean isOpenAt(OffsetDateTime time) {
        return time.isBefore(acceptUntil);
    }

    public static Optional<LateWindow> of(long surveyId, Wave wave) {
        return find("surveyId = ?1 and wave = ?2", surveyId, wave.id()).firstResultOptional();
    }

    public static class Key implements Serializable {
        public Long surveyId;
        public String wave;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(surveyId, key.surveyId) && Objects.equals(wave, key.wave);
        }

        @Override
        public int hashCode() {
            return Objects.hash(surveyId, wave);
        }
    }
}
