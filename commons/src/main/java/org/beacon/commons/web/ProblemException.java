package org.beacon.commons.web;

import java.time.Duration;
import java.util.List;

/**
 * A request the user can fix: answered with its status and a message the user can act on (problem+json for the
 * API, a readable page for HTML). Thrown before anything is changed, so the transaction rolls back. The message is
 * a {@link Reason}: the page shows it in the reader's language, problem+json in English. The constructor and
 * factories taking a written sentence are for texts that already are the reader's (a parser's line-by-line
 * report); {@code ServiceArchitecture.refusalsCarryAReason} keeps the services' own refusals on {@link Reason}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final Reason reason;
    private final List<String> errors;
    private final List<Reason> errorReasons;
    /** Seconds after which the same request may succeed (a 503's {@code Retry-After}); 0 when it will not. */
    private long retryAfter;

    public ProblemException(int status, String title, Reason reason, List<String> errors) {
        this(status, title, reason, errors, null);
    }

    /** {@code errorReasons}, when given, are the rows of {@code errors} in every language. */
    private ProblemException(int status, String title, Reason reason, List<String> errors, List<Reason> errorReasons) {
        super(reason.english());
        this.status = status;
        this.title = title;
        this.reason = reason;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.errorReasons = errorReasons == null ? null : List.copyOf(errorReasons);
    }

    public ProblemException(int status, String title, Reason reason) {
        this(status, title, reason, List.of());
    }

    /** A refusal whose sentence is written already, the same in every language. */
    public ProblemException(int status, String title, String detail, List<String> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.reason = null;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.errorReasons = null;
    }

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public static ProblemException badRequest(Reason reason) {
        return new ProblemException(400, "Bad request", reason);
    }

    public static ProblemException invalid(Reason reason, List<String> errors) {
        return new ProblemException(400, "Invalid input", reason, errors);
    }

    /**
     * A refusal listing several problems, each a {@link Reason} of its own: the page lists them in the reader's
     * language, problem+json's {@code errors} in English.
     */
    public static ProblemException listing(int status, String title, Reason reason, List<Reason> problems) {
        return new ProblemException(status, title, reason, problems.stream().map(Reason::english).toList(), problems);
    }

    /**
     * A form refused field by field: problem+json's {@code errors} name each field as the API spells it
     * ({@code englishErrors}, stable for programs), a page says the same of each field by its label in the reader's
     * language ({@code problems}, in the same order).
     */
    public static ProblemException fields(Reason reason, List<String> englishErrors, List<Reason> problems) {
        return new ProblemException(400, "Invalid input", reason, englishErrors, problems);
    }

    /** Refused by role or organization: a 403 with the service's own explanation. */
    public static ProblemException forbidden(Reason reason) {
        return new ProblemException(403, "Not allowed", reason);
    }

    public static ProblemException notFound(Reason reason) {
        return new ProblemException(404, "Not found", reason);
    }

    public static ProblemException conflict(Reason reason) {
        return new ProblemException(409, "Conflict", reason);
    }

    public static ProblemException tooLarge(Reason reason) {
        return new ProblemException(413, "Too large", reason);
    }

    /**
     * The answer is being worked out and is not ready yet: 503 with {@code Retry-After}, so that a client asks again
     * instead of giving up, and a reader is told when to come back.
     */
    public static ProblemException notReadyYet(Reason reason, Duration retryAfter) {
        ProblemException notReady = new ProblemException(503, "Not ready yet", reason);
        notReady.retryAfter = Math.max(1, retryAfter.toSeconds());
        return notReady;
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

    /** Seconds after which the same request may succeed; 0 when it will not. */
    public long retryAfter() {
        return retryAfter;
    }

    /** Why, as a key and arguments; null when the sentence was written already. */
    public Reason reason() {
        return reason;
    }

    /** The explanation in an interface language: the reason's text, or the sentence as written. */
    public String text(String language) {
        return reason == null ? getMessage() : reason.text(language);
    }

    /** The explanation in the current request's interface language, for a page that shows it in a form. */
    public String readerText() {
        return text(Reason.readerLanguage());
    }

    /** The problems listed, in English (problem+json's {@code errors}). */
    public List<String> errors() {
        return errors;
    }

    /** The problems listed, in an interface language when each is a {@link Reason}, else as written. */
    public List<String> errors(String language) {
        return errorReasons == null ? errors : errorReasons.stream().map(r -> r.text(language)).toList();
    }

    /** The problems listed, in the current request's interface language, for a page that shows them in a form. */
    public List<String> readerErrors() {
        return errors(Reason.readerLanguage());
    }
}
