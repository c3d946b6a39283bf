package org.beacon.campaign.survey.odk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.javarosa.core.model.Constants;
import org.javarosa.core.model.FormDef;
import org.javarosa.core.model.FormIndex;
import org.javarosa.core.model.GroupDef;
import org.javarosa.core.model.IFormElement;
import org.javarosa.core.model.QuestionDef;
import org.javarosa.core.model.SelectChoice;
import org.javarosa.core.model.data.IAnswerData;
import org.javarosa.core.model.data.helper.Selection;
import org.javarosa.core.model.instance.TreeElement;
import org.javarosa.core.model.instance.TreeReference;
import org.javarosa.form.api.FormEntryController;
import org.javarosa.form.api.FormEntryModel;
import org.javarosa.form.api.FormEntryPrompt;
import org.javarosa.model.xform.XFormSerializingVisitor;
import org.javarosa.xform.util.XFormAnswerDataParser;

/**
 * One respondent's answers to a form, evaluated by JavaRosa: which questions are relevant, which answers break a
 * constraint or leave a required question empty (with the form's message in the respondent's language), what the
 * calculations give, and the submission ODK Collect would send. Answers can be given in any order; each is judged
 * against all the others when {@link #violations} is asked, as a submission is judged as a whole.
 *
 * <p>A session is used by one thread. {@link #close() Closing} it hands its copy of the form back to its engine for
 * the next respondent; a closed session refuses to be used, since its copy may already hold someone else's answers.
 */
public final class FormSession implements AutoCloseable {

    private static final Pattern ITEXT = Pattern.compile("jr:itext\\(\\s*'([^']*)'\\s*\\)");
    /** Said when a form gives no message of its own; ODK Collect's words. */
    private static final Map<String, String[]> DEFAULT_MESSAGES = Map.of(
            "en", new String[] {"Sorry, this response is required!", "Sorry, this answer is not allowed."},
            "fr", new String[] {"Désolé, cette réponse est obligatoire.", "Désolé, cette réponse n'est pas acceptée."},
            "es", new String[] {"Lo sentimos, esta respuesta es obligatoria.", "Lo sentimos, esta respuesta no está permitida."},
            "pt", new String[] {"Desculpe, esta resposta é obrigatória.", "Desculpe, esta resposta não é permitida."},
            "ar", new String[] {"عذرًا، هذه الإجابة مطلوبة.", "عذرًا، هذه الإجابة غير مقبولة."});

    /** Why an answer or a question fails. */
    public enum Problem { REQUIRED, CONSTRAINT, NOT_RELEVANT, UNKNOWN_CHOICE, NOT_A_VALUE }

    /**
     * A question the answers do not satisfy.
     *
     * @param path the question's path in the instance, {@code /data/group/name}
     * @param message what to tell the respondent, in the language asked for
     */
    public record Violation(String path, Problem problem, String message) {
    }

    private final FormEngine engine;
    private FormEngine.Copy copy;
    private final FormDef form;
    private final FormEntryModel model;
    private final FormEntryController controller;
    private final Map<String, String> translations;
    /** Questions by path (without JavaRosa's [1] multiplicities), in form order. */
    private final Map<String, FormIndex> questions;
    private final Set<String> answered = new LinkedHashSet<>();
    private final List<Violation> refusedValues = new ArrayList<>();

    FormSession(FormEngine engine, FormEngine.Copy copy, Map<String, String> translations) {
        this.engine = engine;
        this.copy = copy;
        this.form = copy.form();
        this.model = new FormEntryModel(form);
        this.controller = new FormEntryController(model);
        this.translations = translations;
        Map<String, FormIndex> known = engine.questionIndexes();
        this.questions = known != null ? known : walk();
    }

    /**
     * The form's questions found by walking it, which JavaRosa does element by element. Without a repeat, where
     * each question is is the same for every respondent (an index names the question's place in the definition
     * and its path, not the answers), so the engine keeps the first walk's for every later session.
     */
    private Map<String, FormIndex> walk() {
        Map<String, FormIndex> found = new LinkedHashMap<>();
        boolean repeats = false;
        FormIndex index = model.incrementIndex(FormIndex.createBeginningOfFormIndex(), true);
        while (!index.isEndOfFormIndex()) {
            IFormElement element = form.getChild(index);
            if (element instanceof QuestionDef) {
                found.put(path(index.getReference()), index);
            } else if (element instanceof GroupDef group && group.getRepeat()) {
                repeats = true;
            }
            index = model.incrementIndex(index, true);
        }
        Map<String, FormIndex> questions = Collections.unmodifiableMap(found);
        if (!repeats) {
            engine.rememberQuestionIndexes(questions);
        }
        return questions;
    }

    /** The paths of the form's questions (not of calculations, which have no control), in form order. */
    public List<String> questions() {
        return List.copyOf(questions.keySet());
    }

    /** Hands the copy of the form back to the engine for another respondent; this session is not used after. */
    @Override
    public void close() {
        FormEngine.Copy returned = copy;
        if (returned != null) {
            copy = null;
            engine.release(returned);
        }
    }

    /**
     * Records an answer as the respondent wrote it: a number, a date {@code 2026-12-05}, a choice name, or
     * space-separated choice names for a select_multiple. A blank answer clears the question.
     *
     * @return false when the text is not a value of the question's type (it is then reported by {@link #violations})
     * @throws IllegalArgumentException for a path that is not a question of the form
     */
    public boolean answer(String path, String text) {
        FormIndex index = index(path);
        refusedValues.removeIf(v -> v.path().equals(path));
        if (text == null || text.isBlank()) {
            answered.remove(path);
            controller.saveAnswer(index, null, true);
            return true;
        }
        QuestionDef question = (QuestionDef) form.getChild(index);
        TreeElement element = element(index);
        IAnswerData value = XFormAnswerDataParser.getAnswerData(text.strip(), element.getDataType(), question);
        if (value == null) {
            // the parser finds no value for a name that is not among a select's choices
            boolean select = question.getControlType() == Constants.CONTROL_SELECT_ONE
                    || question.getControlType() == Constants.CONTROL_SELECT_MULTI;
            refusedValues.add(select
                    ? new Violation(path, Problem.UNKNOWN_CHOICE, "'" + text + "' is not a choice of this question")
                    : new Violation(path, Problem.NOT_A_VALUE, "'" + text + "' is not a valid answer"));
            return false;
        }
        answered.add(path);
        IAnswerData held = element.getValue();
        if (held == null || held.getClass() != value.getClass()
                || !held.uncast().getString().equals(value.uncast().getString())) {
            // JavaRosa recomputes everything that depends on a question each time it is given a value, even the
            // value it holds (it skips only a blank given to a blank); the same value computes the same again
            controller.saveAnswer(index, value, true);
        }
        return true;
    }

    public boolean isRelevant(String path) {
        return model.isIndexRelevant(index(path));
    }

    /** The value of any node of the instance (a question, a calculation, a group's child), "" when empty. */
    public String value(String path) {
        open();
        TreeElement element = form.getMainInstance().resolveReference(reference(path));
        if (element == null) {
            throw new IllegalArgumentException("no node " + path + " in this form");
        }
        return element.getValue() == null ? "" : element.getValue().uncast().getString();
    }

    /** The names of the choices a select offers now, after its choice filter. */
    public List<String> choices(String path) {
        List<String> names = new ArrayList<>();
        for (SelectChoice choice : prompt(path).getSelectChoices()) {
            names.add(choice.getValue());
        }
        return names;
    }

    /** The question's label in a language (a BCP-47 tag), with every reference to an answer filled in. */
    public String label(String path, String language) {
        setLanguage(language);
        return prompt(path).getQuestionText();
    }

    /**
     * Every way the answers fail the form, in form order, with messages in the language (a BCP-47 tag; the form's
     * default when it lacks that language): answers to questions that are not relevant, required questions left
     * empty, constraints broken and choices the question does not offer.
     */
    public List<Violation> violations(String language) {
        open();
        setLanguage(language);
        List<Violation> violations = new ArrayList<>(refusedValues);
        for (Map.Entry<String, FormIndex> question : questions.entrySet()) {
            String path = question.getKey();
            FormIndex index = question.getValue();
            if (refusedValues.stream().anyMatch(v -> v.path().equals(path))) {
                continue; // its refused text is the one thing to tell
            }
            if (!model.isIndexRelevant(index)) {
                if (answered.contains(path)) {
                    violations.add(new Violation(path, Problem.NOT_RELEVANT, "this question was not asked"));
                }
                continue;
            }
            FormEntryPrompt prompt = model.getQuestionPrompt(index);
            // the stored value, not the prompt's: the prompt hides a choice its filter no longer offers
            IAnswerData value = element(index).getValue();
            if (value == null) {
                if (prompt.isRequired()) {
                    violations.add(new Violation(path, Problem.REQUIRED, requiredMessage(index, language)));
                }
                continue;
            }
            String unknown = unknownChoice(prompt, value);
            if (unknown != null) {
                violations.add(new Violation(path, Problem.UNKNOWN_CHOICE, "'" + unknown + "' is not a choice of this question"));
            } else if (!form.evaluateConstraint(index.getReference(), value)) {
                String message = prompt.getConstraintText();
                violations.add(new Violation(path, Problem.CONSTRAINT,
                        message != null ? message : defaultMessage(language, 1)));
            }
        }
        return violations;
    }

    /** The instance as ODK Collect submits it ({@code xml_submission_file}): questions that were not relevant are left out. */
    public String submission() {
        open();
        try {
            return new String(new XFormSerializingVisitor(true).serializeInstance(form.getInstance()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void open() {
        if (copy == null) {
            throw new IllegalStateException("this session was closed: its copy of the form may hold other answers");
        }
    }

    private String unknownChoice(FormEntryPrompt prompt, IAnswerData value) {
        int control = prompt.getControlType();
        if (control != Constants.CONTROL_SELECT_ONE && control != Constants.CONTROL_SELECT_MULTI) {
            return null;
        }
        Set<String> offered = new LinkedHashSet<>();
        for (SelectChoice choice : prompt.getSelectChoices()) {
            offered.add(choice.getValue());
        }
        Object selected = value.getValue();
        List<Selection> selections = selected instanceof Selection one ? List.of(one) : castSelections(selected);
        for (Selection selection : selections) {
            if (!offered.contains(selection.getValue())) {
                return selection.getValue();
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<Selection> castSelections(Object selected) {
        return (List<Selection>) selected;
    }

    private String requiredMessage(FormIndex index, String language) {
        String written = element(index).getBindAttributeValue(XlsFormConverter.JR, "requiredMsg");
        if (written != null) {
            Matcher itext = ITEXT.matcher(written);
            if (!itext.matches()) {
                return written;
            }
            String text = form.getLocalizer().getText(itext.group(1));
            if (text != null) {
                return text;
            }
        }
        return defaultMessage(language, 0);
    }

    /**
     * Whether a violation's message is ODK Collect's default wording rather than the form's own text, so that a page
     * can say it in its own words instead.
     */
    public static boolean isDefaultMessage(String message) {
        return DEFAULT_MESSAGES.values().stream().anyMatch(texts -> List.of(texts).contains(message));
    }

    private static String defaultMessage(String language, int which) {
        String primary = language == null ? "en" : language.split("-")[0];
        return DEFAULT_MESSAGES.getOrDefault(primary, DEFAULT_MESSAGES.get("en"))[which];
    }

    private void setLanguage(String language) {
        String translation = language == null ? null : translations.get(language);
        if (translation == null && form.getLocalizer() != null) {
            translation = form.getLocalizer().getDefaultLocale();
        }
        // JavaRosa loads a translation's texts again on every call, even for the translation it has: once is enough
        if (translation != null && !translation.equals(form.getLocalizer().getLocale())) {
            controller.setLanguage(translation);
        }
    }

    private FormEntryPrompt prompt(String path) {
        return model.getQuestionPrompt(index(path));
    }

    private FormIndex index(String path) {
        open();
        FormIndex index = questions.get(path);
        if (index == null) {
            throw new IllegalArgumentException("no question " + path + " in this form");
        }
        return index;
    }

    private TreeElement element(FormIndex index) {
        return form.getMainInstance().resolveReference(index.getReference());
    }

    private static TreeReference reference(String path) {
        TreeReference reference = new TreeReference();
        reference.setRefLevel(TreeReference.REF_ABSOLUTE);
        for (String step : path.substring(1).split("/")) {
            reference.add(step, 0);
        }
        return reference;
    }

    private static String path(TreeReference reference) {
        return reference.toString(false);
    }
}
