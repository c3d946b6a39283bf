package org.beacon.training.cohort;

import java.time.LocalDate;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A trainer's blended workshop for one course: an institution, dates, trainees and sessions with attendance. */
@Entity
public class Cohort extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    @Column(name = "course_id")
    public Long courseId;
    public String institution;
    public String organization;
    @Column(name = "trainer_subject")
    public String trainerSubject;
    @Column(name = "trainer_name")
    public String trainerName;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    @Column(name = "ends_on")
    public LocalDate endsOn;

    public static List<Cohort> ofTrainer(String subject) {
        return list("trainerSubject = ?1 order by startsOn desc, id desc", subject);
    }
}
