package org.beacon.training.media;

/**
 * Whether a trainee or trainer studies a file: it is media of, or attached to a lesson of, a version that is
 * published or that they are enrolled in. The enrolment package answers (it knows courses and enrolments); this
 * package keeps files and knows neither.
 */
public interface MediaStudy {

    boolean studies(String subject, long attachmentId);
}
