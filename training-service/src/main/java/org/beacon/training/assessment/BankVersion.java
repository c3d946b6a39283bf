package org.beacon.training.assessment;

import java.util.List;

/**
 * The course version a question bank belongs to, as the bank reads it. The course package's {@code CourseVersion}
 * is one; naming it here instead would make the two packages depend on each other.
 */
public interface BankVersion {

    /** The version's id: its questions and their texts are kept under it. */
    long bankVersionId();

    /** The version's default language, which defines the key that every translation keeps. */
    String keyLanguage();

    /** Every language the version offers. */
    List<String> languageList();
}
