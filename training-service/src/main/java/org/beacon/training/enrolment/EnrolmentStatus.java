package org.beacon.training.enrolment;

/**
 * Where an enrolment stands. The constants are spelled as they are stored (enrolment.status) and published in the
 * API and the reports' SQL, so that one name serves the database, the JSON and the code.
 */
public enum EnrolmentStatus {
    /** Studying: the post-test is not passed yet. */
    active,
    /** The post-test is passed and the certificate issued. */
    completed;

    public boolean isCompleted() {
        return this == completed;
    }
}
