package org.beacon.commons.web;

/**
 * Page numbers from a query string ({@code ?page=N}, counted from 0). A number beyond {@link #MAX_PAGE} is refused
 * with a 400: multiplied by a page size it would overflow an int and fail the request as a 500, and no list shown a
 * page at a time is meant to be read that deep.
 */
public final class Paging {

    /** 100,000 pages of 50 are 5,000,000 entries, far within an int. */
    public static final int MAX_PAGE = 100_000;

    private Paging() {
    }

    /** The page to read: a negative number reads the first page, as it always has; a huge one is refused. */
    public static int page(int requested) {
        if (requested > MAX_PAGE) {
            throw ProblemException.badRequest("The page number must be between 0 and " + MAX_PAGE + ".");
        }
        return Math.max(requested, 0);
    }
}
