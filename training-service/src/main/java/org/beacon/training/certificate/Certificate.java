package org.beacon.training.certificate;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
public class Certificate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;
    @Column(name = "holder_subject")
    public String holderSubject;
    @Column(name = "holder_name")
    public String holderName;
    @Column(name = "course_title")
    public String courseTitle;
    @Column(name = "course_version")
    public int courseVersion;
    @Column(name = "issued_on")
    public LocalDate issuedOn;
    @Column(name = "enrolment_id")
    public Long enrolmentId;
    @Column(name = "course_id")
    public Long courseId;
    public String language;
    /** A later version of the course was published as a legal change: the holder should take it again. */
    @Column(name = "refresher_due")
    public boolean refresherDue;

    public static Optional<Certificate> byCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public static Optional<Certificate> ofEnrolment(long enrolmentId) {
        return find("enrolmentId", enrolmentId).firstResultOptional();
    }

    public static List<Certificate> of(String subject) {
        return list("holderSubject = ?1 order by issuedOn desc, id desc", subject);
    }
}
