package org.beacon.campaign.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "survey_question")
public class SurveyQuestion extends PanacheEntityBase {

    public static final String LIKERT = "likert";
    public static final String SINGLE = "single";
    public static final String MULTIPLE = "multiple";
    public static final String INTEGER = "integer";
    public static final String TEXT = "text";
    public static final String KNOWLEDGE = "knowledge";
    public static final String NOTE = "note";
    public static final String DECIMAL = "decimal";
    public static final String DATE = "date";
    /** An XLSForm time: the time of day, without a date. */
    public static final String TIME = "time";
    /** An XLSForm dateTime: a date and a time of day (as the respondent's clock showed it). */
    public static final String DATE_TIME = "datetime";
    /** An XLSForm acknowledge: one choice, "OK", stored like a single choice. */
    public static final String ACKNOWLEDGE = "acknowledge";
    /** An XLSForm calculate: computed by the form; it has a slot (its number stored) only with beacon_kind result. */
    public static final String CALCULATE = "calculate";

    /** Whether answers of this kind are moments (a date, a time, a date-time): distributed by month or hour. */
    public static boolean isMoment(String kind) {
        return DATE.equals(kind) || TIME.equals(kind) || DATE_TIME.equals(kind);
    }

    public static final String AGE_BAND = "age_band";
    public static final String GENDER = "gender";
    public static final String REGION = "region";
    public static final String CHANNEL = "channel";
    /** A background question other than the three fixed dimensions (nationality, district, ...). */
    public static final String BACKGROUND = "background";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne
    @JoinColumn(name = "survey_id")
    public Survey survey;
    public int position;
    public Integer slot;
    public String name;
    /** The question's node in the form's XForm instance, e.g. /data/grp/q1; unique in a survey, unlike the name. */
    public String path;
    public String kind;
    public String role;
    public boolean required;
    /** The question or a group around it has a relevant rule, so a respondent may not be asked it. */
    public boolean conditional;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> label;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> hint;
    @Column(name = "answer_key")
    public Integer answerKey;
    @Column(name = "choice_count")
    public int choiceCount;
    /** A negatively worded Likert item: its means count answer 1 as 5 and 5 as 1 (V35). */
    public boolean reversed;

    @OneToMany(mappedBy = "question", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<SurveyChoice> choices = new ArrayList<>();
}
