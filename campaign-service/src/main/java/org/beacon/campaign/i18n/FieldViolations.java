package org.beacon.campaign.i18n;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.beacon.commons.web.Reason;

/**
 * A refused form field as a {@link Reason}: the field named by its label ({@code field.*} keys) and what is wrong
 * with it ({@code constraint.*} keys), the value as typed. Bean validation's own text stays the English of
 * problem+json ("slug: use lower-case letters, digits and dashes"); a page that shows its form again says it in the
 * reader's language ("Adresse : « Pas Une Adresse » : utilisez des minuscules, des chiffres et des tirets").
 */
public final class FieldViolations {

    /** The constraints' own English messages, each said by a key of its own in every language. */
    private static final Map<String, String> MESSAGES = Map.of(
            "use lower-case letters, digits and dashes", "constraint.token",
            "use lower-case words joined by dashes", "constraint.words",
            "must be an ISO 3166 two-letter country code", "constraint.country",
            "must be a BCP-47 language tag", "constraint.language-tag",
            "the period must not end before it starts", "constraint.period-ordered");

    private FieldViolations() {
    }

    /** Each violation in the current request's interface language, sorted as the page lists them. */
    public static List<String> readerMessages(ConstraintViolationException e) {
        return e.getConstraintViolations().stream().map(v -> reason(v).readerText()).sorted().toList();
    }

    static Reason reason(ConstraintViolation<?> violation) {
        String property = property(violation.getPropertyPath());
        Reason label = Reason.known("field." + property) ? Reason.of("field." + property) : null;
        Reason problem = problem(violation);
        return label == null ? Reason.of("field.problem-unnamed", property, problem)
                : Reason.of("field.problem", label, problem);
    }

    private static Reason problem(ConstraintViolation<?> violation) {
        String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        Object value = violation.getInvalidValue();
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        String known = MESSAGES.get(violation.getMessage());
        if (known != null) {
            return Reason.of(known, String.valueOf(value));
        }
        return switch (constraint) {
            case "NotBlank", "NotNull", "NotEmpty" -> Reason.of("constraint.required");
            case "Size" -> Reason.of(value instanceof CharSequence ? "constraint.too-long" : "constraint.too-many",
                    attributes.get("max"));
            case "PastOrPresent" -> Reason.of("constraint.past-or-present", value);
            case "Pattern" -> {
                String regexp = String.valueOf(attributes.get("regexp"));
                // A closed list of words ("hotline|shelter|referral") is named word by word.
                yield regexp.matches("[a-z-]+(\\|[a-z-]+)+")
                        ? Reason.of("constraint.one-of", String.valueOf(value), Arrays.asList(regexp.split("\\|")))
                        : Reason.of("constraint.not-accepted", String.valueOf(value));
            }
            default -> Reason.of("constraint.not-accepted", String.valueOf(value));
        };
    }

    /** The form field: the last property of the path ("places[0].country" is the country, a list item its list). */
    private static String property(Path path) {
        String name = path.toString();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PROPERTY) {
                name = node.getName();
            }
        }
        return name;
    }
}
