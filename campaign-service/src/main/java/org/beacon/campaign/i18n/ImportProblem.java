package org.beacon.campaign.i18n;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.beacon.commons.i18n.Languages;
import org.beacon.commons.web.Problem;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/**
 * A problem of an imported content archive (campaigns, help resources): {@code english} for problem+json's
 * {@code errors}, where a YAML parser's or the validator's own English sentence is kept as before; {@code reader}
 * for the person running the import, a reason said in their language ({@code errorsText}), a fixed sentence with the
 * place where the parser's sentence would be (as commons' JsonProblems does for Jackson's).
 */
public record ImportProblem(Reason english, Reason reader) {

    /**
     * The annotations' own messages on the records an import checks (NewCampaign, CampaignSettings,
     * HelpResourceInput): English, as the JSON API says them; the reader's text by key.
     */
    private static final Map<String, String> CONSTRAINT_KEYS = Map.of(
            "use lower-case letters, digits and dashes", "import.value-slug",
            "must be a BCP-47 language tag", "import.value-language-tag",
            "use lower-case words joined by dashes", "import.value-words",
            "must be an ISO 3166 two-letter country code", "import.value-country",
            "the period must not end before it starts", "import.value-period",
            "must be hotline, shelter or referral", "import.value-help-kind");

    /** Sorts problems by their English, the order problem+json has always listed them in. */
    public static final Comparator<ImportProblem> BY_ENGLISH = Comparator.comparing(p -> p.english().english());

    /** A problem Beacon says in every language, the English included. */
    public static ImportProblem of(Reason reason) {
        return new ImportProblem(reason, reason);
    }

    /** The problem in a file of the archive, or an entry of it, named as written ({@code path}, {@code path slug}). */
    public ImportProblem in(String where) {
        return new ImportProblem(Reason.of("import.problem-in", where, english),
                Reason.of("import.problem-in", where, reader));
    }

    /** A YAML file the parser refused: its English sentence for problem+json, the line and column for a person. */
    public static ImportProblem unreadableYaml(IOException e) {
        JsonLocation place = e instanceof JsonProcessingException json ? json.getLocation() : null;
        Reason reader = place != null && place.getLineNr() > 0
                ? Reason.of("import.yaml-invalid-at", place.getLineNr(), Math.max(1, place.getColumnNr()))
                : Reason.of("import.yaml-invalid-here");
        String sentence = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return new ImportProblem(Reason.of("import.yaml-invalid", sentence), reader);
    }

    /** A constraint violation: the validator's English for problem+json, what the constraint asks for a person. */
    public static ImportProblem violation(ConstraintViolation<?> violation) {
        String field = violation.getPropertyPath().toString();
        return new ImportProblem(
                Reason.of("import.field-problem", field, Reason.of("import.as-written", violation.getMessage())),
                Reason.of("import.field-problem", field, asked(violation)));
    }

    /** What a violated constraint asks of the value, in words every language has. */
    private static Reason asked(ConstraintViolation<?> violation) {
        String key = CONSTRAINT_KEYS.get(violation.getMessageTemplate());
        if (key != null) {
            return Reason.of(key);
        }
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        if (constraint instanceof NotBlank || constraint instanceof NotNull || constraint instanceof NotEmpty) {
            return Reason.of("import.value-required");
        }
        if (constraint instanceof Pattern pattern && pattern.regexp().equals(Languages.TAG)) {
            return Reason.of("import.value-language-tag");
        }
        if (constraint instanceof PastOrPresent) {
            return Reason.of("import.value-not-future");
        }
        if (constraint instanceof Size size) {
            boolean text = violation.getInvalidValue() instanceof CharSequence;
            return size.min() > 0
                    ? Reason.of(text ? "import.value-characters-between" : "import.value-items-between", size.min(),
                            size.max())
                    : Reason.of(text ? "import.value-characters-at-most" : "import.value-items-at-most", size.max());
        }
        return Reason.of("import.as-written", violation.getMessage());
    }

    /** The 400 of an archive with problems: nothing was imported. */
    public static ListedRefusal refusal(Reason reason, List<ImportProblem> problems) {
        return new ListedRefusal(400, "Invalid input", reason,
                problems.stream().map(problem -> problem.english().english()).toList(),
                problems.stream().map(ImportProblem::reader).toList());
    }

    /**
     * A refused import as problem+json: {@code detail} and {@code errors} the English of every Beacon API, with
     * {@code detailText} and {@code errorsText} beside them in the request's language ({@code Accept-Language}), as
     * a report has {@code publishingText}: whoever runs the import reads what to fix in their language.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Refused(String type, String title, int status, String detail, String detailText, String instance,
            List<String> errors, List<String> errorsText) {
    }

    /** {@link Refused} for a refusal of an import resource (its own {@code @ServerExceptionMapper}). */
    public static Response refused(ProblemException e, UriInfo uri) {
        List<String> errorsText = e instanceof ListedRefusal listed ? listed.readerItems() : e.readerErrors();
        return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(new Refused("about:blank", e.title(),
                e.status(), e.getMessage(), e.readerText(), uri.getPath(), e.errors(), errorsText)).build();
    }
}
