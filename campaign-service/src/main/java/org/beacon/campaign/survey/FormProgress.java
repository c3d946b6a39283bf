package org.beacon.campaign.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.beacon.campaign.survey.odk.FormSession;

/**
 * One respondent's way through the pages of a {@link FormPlan}, from the answers their form sent: which pages and
 * questions they are asked (ODK's engine decides, with every answer given so far), where Next and Previous lead, and
 * the texts of the page with the answers they refer to filled in. Nothing is kept between requests: each request
 * rebuilds this from the answers the page carried.
 *
 * <p>An answer to a question that is no longer asked (the respondent went back and changed the answer it depended on)
 * is kept for the page to carry, so that changing one's mind twice loses nothing, but it is cleared from the
 * engine's instance, as ODK Collect clears it, so that no rule or calculation reads it, and it is never validated or
 * stored.
 */
public final class FormProgress implements AutoCloseable {

    private final FormPlan plan;
    private final FormSession session;
    /** Values as sent, by field, for every question of the form that was given one. */
    private final Map<String, List<String>> given = new LinkedHashMap<>();
    /** Fields whose value the engine refused as a value of the question's type. */
    private final Set<String> refused = new LinkedHashSet<>();

    /**
     * @param values the values sent for a field (null or empty when none; a null value is one that could not be read)
     */
    public FormProgress(FormPlan plan, FormSession session, Function<String, List<String>> values) {
        this.plan = plan;
        this.session = session;
        List<FormPlan.Question> answered = new ArrayList<>();
        for (FormPlan.Question question : plan.questions()) {
            if (question.display()) {
                continue;
            }
            List<String> sent = values.apply(question.field());
            if (sent == null || sent.isEmpty()) {
                continue;
            }
            given.put(question.field(), sent);
            List<String> readable = sent.stream().filter(Objects::nonNull).map(String::strip)
                    .filter(v -> !v.isEmpty()).toList();
            if (readable.isEmpty()) {
                continue;
            }
            String text = question.control().equals("select") ? String.join(" ", readable) : readable.get(0);
            if (!session.answer(question.path(), text)) {
                refused.add(question.field());
            }
            answered.add(question);
        }
        // relevance may hang on an answer that is itself no longer asked: clear until nothing changes
        boolean changed = true;
        while (changed) {
            changed = false;
            for (FormPlan.Question question : answered) {
                if (given.containsKey(question.field()) && !session.isRelevant(question.path())
                        && !session.value(question.path()).isEmpty()) {
                    session.answer(question.path(), null);
                    changed = true;
                }
            }
        }
    }

    public FormPlan plan() {
        return plan;
    }

    public FormSession session() {
        return session;
    }

    /** Hands the engine's session back for another respondent: the pages to show are computed by then. */
    @Override
    public void close() {
        session.close();
    }

    public boolean asked(FormPlan.Question question) {
        return session.isRelevant(question.path());
    }

    /** The questions of a page this respondent is asked, in form order. */
    public List<FormPlan.Question> asked(int page) {
        if (page < 1 || page > plan.pages().size()) {
            return List.of(); // a form without questions has no page, and a page number sent may be anything
        }
        return plan.page(page).questions().stream().filter(this::asked).toList();
    }

    /** The next page with something to ask after the given one (0 for before the first), or 0 when none is left. */
    public int next(int after) {
        for (int page = after + 1; page <= plan.pages().size(); page++) {
            if (!asked(page).isEmpty()) {
                return page;
            }
        }
        return 0;
    }

    /** The page with something to ask before the given one, or 0 when it is the first. */
    public int previous(int before) {
        for (int page = Math.min(before, plan.pages().size() + 1) - 1; page >= 1; page--) {
            if (!asked(page).isEmpty()) {
                return page;
            }
        }
        return 0;
    }

    /** The page's rank among the pages this respondent is asked: "page 2" of {@link #count()}. */
    public int rank(int page) {
        int rank = 0;
        for (int number = 1; number <= page; number++) {
            if (!asked(number).isEmpty()) {
                rank++;
            }
        }
        return rank;
    }

    /** How many pages this respondent is asked with the answers so far. */
    public int count() {
        return rank(plan.pages().size());
    }

    /**
     * Whether the count may still change: a later page has a question asked only under a condition that reads answers,
     * so answers still to come may add or remove pages.
     */
    public boolean countMayChange(int page) {
        for (int number = page + 1; number <= plan.pages().size(); number++) {
            for (FormPlan.Question question : plan.page(number).questions()) {
                if (!question.dependsOn().isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every value sent, asked or not, for the page to carry on. */
    public Map<String, List<String>> given() {
        return given;
    }

    /** The values of the questions this respondent is asked: what is validated and stored. */
    public List<String> answer(String field) {
        FormPlan.Question question = plan.byField(field);
        if (question == null || question.display() || !asked(question)) {
            return null;
        }
        return given.get(field);
    }

    /** Whether the engine refused the value sent for the field as a value of the question's type. */
    public boolean refused(String field) {
        return refused.contains(field);
    }

    /** The question's label in a language, with the answers it refers to filled in by the engine. */
    public String label(FormPlan.Question question, String language) {
        String label = session.label(question.path(), language);
        return label == null ? "" : label;
    }

    public String hint(FormPlan.Question question, String language) {
        return fill(plan.text(question.hintId(), language), language);
    }

    /** The names of the choices a select offers now (after its choice filter), in form order. */
    public List<String> choices(FormPlan.Question question) {
        return session.choices(question.path());
    }

    public String choiceLabel(FormPlan.Question question, String choice, String language) {
        String label = fill(plan.text(question.choices().get(choice), language), language);
        return label.isEmpty() ? choice : label;
    }

    /** A translated text with each output filled in: the answer, or the label of the chosen choice. */
    private String fill(List<FormPlan.Piece> pieces, String language) {
        StringBuilder text = new StringBuilder();
        for (FormPlan.Piece piece : pieces) {
            if (!piece.output()) {
                text.append(piece.text());
                continue;
            }
            Map.Entry<String, Boolean> target = FormPlan.outputTarget(piece.text());
            if (target == null) {
                continue;
            }
            String value;
            try {
                value = session.value(target.getKey());
            } catch (IllegalArgumentException e) {
                continue;
            }
            FormPlan.Question chosen = plan.question(target.getKey());
            if (target.getValue() && chosen != null && chosen.choices().containsKey(value)) {
                value = fill(plan.text(chosen.choices().get(value), language), language);
            }
            text.append(value);
        }
        return text.toString().strip();
    }
}
