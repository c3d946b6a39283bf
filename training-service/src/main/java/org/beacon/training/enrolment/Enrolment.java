package org.beacon.training.enrolment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A trainee's enrolment in a course, pinned to the version published when they enrolled: later versions do not
 * change what they study or what their certificate says. The trainee is known by subject id and display name.
 */
@Entity
public class Enrolment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "course_id")
    public Long courseId;
    @Column(name = "version_id")
    public Long versionId;
    public String subject;
    @Column(name = "display_name")
    public String displayName;
    public String organization;
    public String language;
    @Enumerated(EnumType.STRING)
    public EnrolmentStatus status = EnrolmentStatus.active;
    @Column(name = "enrolled_at", insertable = false, updatable = false)
    public OffsetDateTime enrolledAt;
    @Column(name = "completed_at")
    public OffsetDateTime completedAt;
    /** Secret: names the answer options this trainee is shown ({@link AnswerOptions}); never leaves the service. */
    @Column(name = "option_key")
    public UUID optionKey = UUID.randomUUID();

    public boolean isCompleted() {
        return status == EnrolmentStatus.completed;
    }

    public void complete() {
        status = EnrolmentStatus.completed;
        completedAt = OffsetDateTime.now();
    }

    public static List<Enrolment> of(String subject) {
        return list("subject = ?1 order by id desc", subject);
    }

    public static Optional<Enrolment> active(String subject, long courseId) {
        return find("subject = ?1 and courseId = ?2 and status = ?3 order by id desc", subject, courseId,
                EnrolmentStatus.active)
                .firstResultOptional();
    }

    public static Optional<Enrolment> onVersion(String subject, long versionId) {
        return find("subject = ?1 and versionId = ?2", subject, versionId).firstResultOptional();
    }
}
