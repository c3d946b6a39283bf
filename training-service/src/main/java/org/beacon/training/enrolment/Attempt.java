package org.beacon.training.enrolment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** One submission of an assessment, scored on the server. */
@Entity
public class Attempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "enrolment_id")
    public Long enrolmentId;
    @Column(name = "assessment_id")
    public Long assessmentId;
    public String kind;
    public BigDecimal score;
    public boolean passed;
    @Column(name = "submitted_at", insertable = false, updatable = false)
    public OffsetDateTime submittedAt;

    public static List<Attempt> of(long enrolmentId) {
        return list("enrolmentId = ?1 order by id", enrolmentId);
    }

    public static Optional<Attempt> latest(long enrolmentId, long assessmentId) {
        return find("enrolmentId = ?1 and assessmentId = ?2 order by id desc", enrolmentId, assessmentId)
                .firstResultOptional();
    }
}
