package org.beacon.campaign.survey;

import java.util.Map;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "survey_choice")
public class SurveyChoice extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne
    @JoinColumn(name = "question_id")
    public SurveyQuestion question;
    public int position;
    public String name;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> label;
    /** Part credit of a knowledge item's option in percent of a right answer (25, 50 or 75); null for none. */
    public Integer credit;
}
