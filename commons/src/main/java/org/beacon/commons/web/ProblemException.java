package org.beacon.commons.web;

import java.util.List;

/**
 * A request the user can fix: answered with its status and a message the user can act on (problem+json for the
 * API, a readable page for HTML). Thrown before anything is changed, so the transaction rolls back.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<String> errors;

    public ProblemException(int status, String title, String detail, List<String> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad request", detail);
    }

    public static ProblemException invalid(String detail, List<String> errors) {
        return new ProblemException(400, "Invalid input", detail, errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "Too large", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<String> errors() {
        return errors;
    }
}
