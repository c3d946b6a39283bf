package org.beacon.training.certificate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The native SQL of the certificate package: the refresher flag set or cleared for many certificates at once. */
@ApplicationScoped
public class CertificateQueries {

    @Inject
    EntityManager em;

    /** A holder who completed version {@code number} needs no refresher for older versions of the course. */
    int clearRefresherBefore(String holderSubject, long courseId, int number) {
        return em.createNativeQuery("update certificate set refresher_due = false where holder_subject = ?1"
                + " and course_id = ?2 and course_version < ?3")
                .setParameter(1, holderSubject).setParameter(2, courseId).setParameter(3, number).executeUpdate();
    }

    /** A legal change published as version {@code number} calls every older certificate of the course for a refresher. */
    int flagRefresherBefore(long courseId, int number) {
        return em.createNativeQuery("update certificate set refresher_due = true where course_id = ?1"
                + " and course_version < ?2 and not refresher_due")
                .setParameter(1, courseId).setParameter(2, number).executeUpdate();
    }
}
