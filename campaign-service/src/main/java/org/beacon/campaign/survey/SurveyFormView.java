package org.beacon.campaign.survey;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.beacon.commons.i18n.Languages;
import org.beacon.commons.web.ReaderFormats;

/**
 * What one page of the public survey form shows: the questions the form's logic asks on it, each with its input,
 * options, the answer given so far in the respondent's notation and any problem; the answers of other pages as
 * hidden fields; the languages to switch to. {@link PublicSurveyPage} decides which page to show, this builds it.
 */
@ApplicationScoped
class SurveyFormView {

    /** Question types typed as numbers, which the reader writes in their own notation ("12,5"). */
    static final Set<String> NUMBER_TYPES = Set.of("int", "integer", "decimal");

    /** A choice; its label as the form writes it, styling included (see {@link LabelMarkup}). */
    public record Option(String id, String value, String label, boolean checked) {

        public String labelHtml() {
            return LabelMarkup.toHtml(label);
        }

        /** The label without styling, for a drop-down's option, which holds text only. */
        public String plainLabel() {
            return LabelMarkup.toPlain(label);
        }
    }

    /**
     * A question on the page. input is note, radio, dropdown, checkbox, acknowledge, number, decimal, date, time,
     * datetime or text; label and hint are as the form writes them, styling included (see {@link LabelMarkup});
     * problem is an {@link AnswerSheet.Issue} code, message the form's own text for it (else the page's standard one).
     */
    public record Field(String name, String id, String input, String label, String hint, boolean required,
            String problem, String message, String value, List<Option> options, String min, String max, String step,
            boolean inline) {

        /** The label with the form's styling, as phrasing HTML (see {@link LabelMarkup}). */
        public String labelHtml() {
            return LabelMarkup.toHtml(label);
        }

        /** The label without styling, for attributes. */
        public String plainLabel() {
            return LabelMarkup.toPlain(label);
        }

        public String hintHtml() {
            return LabelMarkup.toHtml(hint);
        }
    }

    public record Hidden(String name, String value) {
    }

    public record LanguageLink(String code, String name) {
    }

    public record FormPage(String survey, String wave, String lang, String dir, String title, String consent,
            String key, int page, int rank, int count, boolean countMayChange, boolean last, boolean hasPrevious,
            List<Field> fields, List<Hidden> hidden, String shown, int problems, boolean busy,
            List<LanguageLink> languages, boolean languageLinks, int maxText) {

        /** The consent text with the form's styling (see {@link LabelMarkup}). */
        public String consentHtml() {
            return LabelMarkup.toHtml(consent);
        }
    }

    @Inject
    SurveyForms forms;

    @Inject
    SurveysConfig surveysConfig;

    /**
     * The given page of the plan as the respondent sees it, with the problems found on it; page 0 (nothing left to
     * ask) shows the first page's frame. busy says that the answers were not stored because too many came at once.
     */
    FormPage page(SurveyForm form, Wave wave, String language, UUID key, FormProgress progress, int page,
            Map<String, AnswerSheet.Issue> problems, boolean busy) {
        String fallback = form.defaultLanguage();
        String consent = SurveyForm.text(form.consent(), language, fallback);
        int shownPage = page == 0 ? 1 : page;
        int rank = Math.max(1, progress.rank(shownPage));
        List<Field> fields = new ArrayList<>();
        Set<String> visible = new HashSet<>();
        if (page != 0) {
            for (FormPlan.Question question : progress.asked(page)) {
                if (question.display() && question.field().equals("consent") && !consent.isEmpty()) {
                    continue; // shown as the consent text at the top of the first page
                }
                fields.add(field(progress, question, language, problems.get(question.field())));
                visible.add(question.field());
            }
        }
        // every other answer given so far travels on, unseen, to be sent with this page
        List<Hidden> hidden = new ArrayList<>();
        progress.given().forEach((field, values) -> {
            if (!visible.contains(field)) {
                values.stream().filter(v -> v != null && !v.isEmpty())
                        .forEach(v -> hidden.add(new Hidden(PublicSurveyPage.QUESTION + field, v)));
            }
        });
        List<LanguageLink> languages = form.languages().stream().filter(l -> !l.equals(language))
                .map(l -> new LanguageLink(l, Locale.forLanguageTag(l).getDisplayLanguage(Locale.forLanguageTag(l))))
                .toList();
        int count = Math.max(rank, progress.count());
        return new FormPage(form.slug(), wave.id(), language, Languages.direction(language),
                forms.title(form, language), rank == 1 ? consent : "", key.toString(), shownPage, rank, count,
                progress.countMayChange(shownPage), progress.next(shownPage) == 0, progress.previous(shownPage) != 0,
                fields, hidden, String.join(" ", visible), problems.size(), busy, languages,
                progress.given().isEmpty(), surveysConfig.maxTextLength());
    }

    private static Field field(FormProgress progress, FormPlan.Question question, String language,
            AnswerSheet.Issue issue) {
        List<String> given = progress.given().getOrDefault(question.field(), List.of());
        // an unreadable value (null) is shown as blank, for the respondent to write again
        List<String> chosen = given.stream().map(v -> v == null ? "" : v).toList();
        if (!question.isSelect() && question.range() == null && NUMBER_TYPES.contains(question.type())) {
            Locale reader = Locale.forLanguageTag(SurveyForm.interfaceLanguage(language));
            chosen = chosen.stream().map(v -> inReadersNotation(v, reader)).toList();
        }
        String id = question.field().replaceAll("[^A-Za-z0-9_.-]", "-");
        List<Option> options = new ArrayList<>();
        String input = inputOf(question);
        String min = "";
        String max = "";
        String step = "";
        if (question.isSelect()) {
            List<String> offered = progress.choices(question);
            for (int index = 0; index < offered.size(); index++) {
                String name = offered.get(index);
                options.add(new Option(id + "-" + (index + 1), name, progress.choiceLabel(question, name, language),
                        chosen.contains(name)));
            }
        } else if (question.range() != null) {
            double[] range = question.range();
            double steps = (range[1] - range[0]) / range[2];
            if (steps <= 10) {
                input = "radio";
                int index = 0;
                for (double value = range[0]; value <= range[1] + 1e-9; value += range[2]) {
                    String text = number(value);
                    options.add(new Option(id + "-" + (++index), text, text, chosen.contains(text)));
                }
            } else {
                min = number(range[0]);
                max = number(range[1]);
                step = number(range[2]);
            }
        }
        String appearance = " " + question.appearance() + " ";
        boolean inline = appearance.contains(" likert ") || appearance.contains(" horizontal ")
                || appearance.contains(" horizontal-compact ") || question.range() != null;
        return new Field(question.field(), id, input, progress.label(question, language),
                progress.hint(question, language), question.required(), issue == null ? null : issue.code(),
                issue == null ? null : issue.message(), chosen.isEmpty() ? "" : chosen.get(0), options, min, max,
                step, inline);
    }

    private static String inputOf(FormPlan.Question question) {
        if (question.display()) {
            return "note";
        }
        return switch (question.control()) {
            case "select" -> "checkbox";
            case "select1" -> (" " + question.appearance() + " ").contains(" minimal ") ? "dropdown" : "radio";
            case "trigger" -> "acknowledge";
            default -> switch (question.type()) {
                case "int", "integer" -> "number";
                case "decimal" -> "decimal";
                case "date" -> "date";
                case "time" -> "time";
                case "dateTime" -> "datetime";
                default -> "text";
            };
        };
    }

    /** A number the engine holds ("12.5"), as the reader writes it ("12,5"); other text as it is. */
    private static String inReadersNotation(String value, Locale reader) {
        BigDecimal number = ReaderFormats.parseDecimal(value, Locale.ROOT);
        if (number == null) {
            return value;
        }
        NumberFormat format = NumberFormat.getNumberInstance(reader);
        format.setGroupingUsed(false);
        format.setMaximumFractionDigits(Math.max(0, number.scale()));
        return format.format(number);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
