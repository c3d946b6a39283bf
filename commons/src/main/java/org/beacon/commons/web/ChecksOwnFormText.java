package org.beacon.commons.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that reads its form body itself and answers a field it cannot store with its own page
 * (the anonymous survey form comes back with the question marked, in the respondent's language, and the other
 * answers kept), so {@link FormText}'s generic refusal must not answer first.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ChecksOwnFormText {
}
