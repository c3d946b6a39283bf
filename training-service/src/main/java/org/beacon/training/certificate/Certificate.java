package org.beacon.training.certificate;

import java.time.LocalDate;
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

    public static Optional<Certificate> byCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
