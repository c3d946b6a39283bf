package org.beacon.commons.web;

import java.util.List;

/**
 * What the header of every page shows, in the reader's language: the areas the user's roles may open, the
 * language chooser, and who is signed in with the way out. Built once per request by {@link PageFrame}.
 * {@code signInHref} starts the login in the reader's language and comes back to the page.
 */
public record PageHeader(String language, String direction, boolean signedIn, String userName, List<Link> links,
        List<Link> languages, Texts texts, String signInHref) {

    /** A link of the header; {@code lang} is set for a language's own name, {@code current} for the open area. */
    public record Link(String href, String label, String lang, boolean current) {
    }

    /** The header's own words. */
    public record Texts(String navigation, String language, String signIn, String signOut, String signedInAs) {
    }
}
