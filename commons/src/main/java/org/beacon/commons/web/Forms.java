package org.beacon.commons.web;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.quarkus.qute.TemplateInstance;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.beacon.commons.web.ProblemException;

/**
 * Post/Redirect/Get for every service's form pages: a successful form redirects; a refused one shows the same page
 * again with the reasons and the 4xx status, so the browser's back button and reloads never repeat a change.
 * Refusals that are not about the form (403, 404) go to the shared error page.
 */
public final class Forms {

    private Forms() {
    }

    /**
     * 303 See Other to a path of the site. The Location stays relative (JAX-RS would make it absolute against the
     * service's own address), so the browser stays on the gateway it came through.
     */
    public static Response seeOther(String path) {
        return Response.status(Response.Status.SEE_OTHER).header("Location", path).build();
    }

    /** Runs the change; {@code action} answers where to go next. */
    public static Response submit(Supplier<String> action, Function<List<String>, TemplateInstance> page) {
        try {
            return seeOther(action.get());
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            List<String> messages = e.errors().isEmpty() ? List.of(e.readerText())
                    : Stream.concat(Stream.of(e.readerText()), e.readerErrors().stream())
                            .toList();
            return failed(e.status(), page.apply(messages));
        } catch (ConstraintViolationException e) {
            List<String> messages = e.getConstraintViolations().stream()
                    .map(v -> field(v.getPropertyPath().toString()) + ": " + v.getMessage())
                    .sorted()
                    .toList();
            return failed(400, page.apply(messages));
        }
    }

    /** One item per non-blank line, as key messages and places are typed into a text area. */
    public static List<String> lines(String text) {
        return text == null ? List.of()
                : text.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
    }

    /** Items separated by commas, for the "other" target groups and channels. */
    public static List<String> commaSeparated(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    private static Response failed(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render())
                .build();
    }

    private static String field(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
