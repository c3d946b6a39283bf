package org.beacon.campaign.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.quarkus.qute.TemplateInstance;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import org.beacon.commons.web.Forms;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/**
 * A refusal with a list of what is wrong (the checklist items not confirmed, what a campaign still lacks), each item
 * a {@link Reason}: problem+json lists the items in English as before, a page that shows its form again lists them
 * in the reader's language ({@link #submit}).
 */
public class ListedRefusal extends ProblemException {

    private final transient List<Reason> items;

    public ListedRefusal(int status, String title, Reason reason, List<Reason> items) {
        this(status, title, reason, items.stream().map(Reason::english).toList(), items);
    }

    /**
     * With problem+json's English rows given apart, for an item whose English keeps a parser's own sentence where the
     * reader is told a fixed one (as commons' JsonProblems does for Jackson's).
     */
    public ListedRefusal(int status, String title, Reason reason, List<String> english, List<Reason> items) {
        super(status, title, reason, english);
        this.items = List.copyOf(items);
    }

    public static ListedRefusal invalidItems(Reason reason, List<Reason> items) {
        return new ListedRefusal(400, "Invalid input", reason, items);
    }

    /**
     * Items joined into one sentence with semicolons ("a; b; c", "أ؛ ب" in Arabic), for a refusal that names them
     * in its text: a reason whose arguments are the first items and the rest, so each item keeps its own language.
     */
    public static Reason joined(List<Reason> items) {
        Reason joined = items.get(items.size() - 1);
        for (int i = items.size() - 2; i >= 0; i--) {
            joined = Reason.of("list.semicolon", items.get(i), joined);
        }
        return joined;
    }

    /** Each item in the current request's interface language. */
    public List<String> readerItems() {
        return items.stream().map(Reason::readerText).toList();
    }

    /** The explanation and then each item, in the current request's interface language. */
    public List<String> readerMessages() {
        return Stream.concat(Stream.of(readerText()),
                items.stream().map(Reason::readerText)).toList();
    }

    /**
     * {@link Forms#submit}, with the items of a listed refusal and the refused fields in the reader's language on
     * the page shown again (Forms.submit itself lists them as the API does, in English, by the record's field names).
     */
    public static Response submit(Supplier<String> action, Function<List<String>, TemplateInstance> page) {
        List<List<String>> reader = new ArrayList<>(1);
        return Forms.submit(() -> {
            try {
                return action.get();
            } catch (ListedRefusal refusal) {
                reader.add(refusal.readerMessages());
                throw refusal;
            } catch (ConstraintViolationException invalid) {
                reader.add(FieldViolations.readerMessages(invalid));
                throw invalid;
            }
        }, messages -> page.apply(reader.isEmpty() ? messages : reader.get(0)));
    }
}
