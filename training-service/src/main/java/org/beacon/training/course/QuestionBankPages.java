package org.beacon.training.course;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.beacon.commons.i18n.RequestLanguage;
import org.beacon.commons.security.Roles;
import org.beacon.commons.web.Forms;
import org.beacon.commons.web.ReaderFormats;
import org.beacon.commons.web.ProblemException;
import org.beacon.training.assessment.Gift.GiftException;
import org.beacon.commons.web.Reason;
import org.beacon.training.assessment.GiftQuestion;
import org.beacon.training.assessment.GiftQuestion.GiftAnswer;
import org.beacon.training.assessment.GiftRefusal;
import org.beacon.training.assessment.QuestionBank;
import org.beacon.training.assessment.QuestionType;
import org.beacon.training.assessment.Scoring;
import org.beacon.training.i18n.ReaderMessages;
import org.beacon.training.i18n.TrainingMessages;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A version's question bank on pages: browse, search and filter it, and write or correct one question of any type
 * the bank stores (choices, true or false, short answer, numerical, matching, description) in one language in a
 * form. A saved question goes through the same GIFT rules as an imported file (it is written as GIFT and imported),
 * so the form and a file can never disagree on what a valid question is. GIFT stays for bulk import and export.
 */
@Path("/training/author/versions/{id}/questions")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.AUTHOR, Roles.ADMIN })
public class QuestionBankPages {

    /** Rows of answers a form offers; rows left empty are dropped. */
    static final int ANSWER_ROWS = 8;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance questions(BankView bank);

        static native TemplateInstance question(QuestionForm form, List<String> errors);
    }

    /** One question of the list, in the language shown; {@code languages} are those it is written in. */
    public record BankRow(String name, String type, String stem, boolean translated, List<String> languages,
            String legalSource) {
    }

    public record BankView(long versionId, String course, int number, boolean editable, List<String> languages,
            String language, String search, String type, List<BankRow> questions, List<String> types) {
    }

    /**
     * One answer row of the form as typed: the answer (a choice, an accepted short answer, an accepted number or
     * range, a matching item), what a matching item matches, how far from a number an answer may be, the credit in
     * percent and the feedback. A type uses the fields it has and ignores the others.
     */
    public record AnswerRow(String text, String match, String tolerance, String weight, String feedback) {
    }

    public record QuestionForm(long versionId, String course, int number, boolean isNew, String language,
            List<String> languages, String name, String type, String stem, String truth, String feedbackRight,
            String feedbackWrong, String generalFeedback, String legalSource, String sourceRef, List<AnswerRow> answers,
            List<String> types) {
    }

    /** Every type the bank stores (and GIFT reads): the form writes each of them. */
    private static final List<String> TYPES = Arrays.stream(QuestionType.values()).map(t -> t.code)
            .toList();

    @Inject
    QuestionBank bank;

    @Inject
    DraftEditing editing;

    @Inject
    RequestLanguage language;

    /** The bank in one language; {@code q} searches names and question texts, {@code type} keeps one type. */
    @GET
    @Transactional
    public TemplateInstance questions(@PathParam("id") long id, @QueryParam("lang") String lang,
            @QueryParam("q") String search, @QueryParam("type") String type) {
        CourseVersion version = CourseVersion.require(id);
        String shown = lang != null && version.offers(lang) ? lang : version.defaultLanguage;
        String wanted = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        String kept = type != null && TYPES.contains(type) ? type : "";
        Map<String, GiftQuestion> translated = VersionReading.byName(bank.read(version, shown));
        Map<String, List<String>> languages = new java.util.HashMap<>();
        for (String l : version.languageList()) {
            bank.read(version, l).forEach(q -> languages.computeIfAbsent(q.name(), n -> new ArrayList<>()).add(l));
        }
        List<BankRow> rows = bank.read(version, version.defaultLanguage).stream()
                .map(original -> {
                    GiftQuestion q = translated.getOrDefault(original.name(), original);
                    return new BankRow(q.name(), q.type().code, org.beacon.training.assessment.QuestionText.plain(q.stem()), translated.containsKey(q.name()),
                            languages.getOrDefault(q.name(), List.of()), q.legalSource());
                })
                .filter(r -> kept.isEmpty() || r.type().equals(kept))
                .filter(r -> wanted.isEmpty() || r.name().toLowerCase(Locale.ROOT).contains(wanted)
                        || r.stem().toLowerCase(Locale.ROOT).contains(wanted))
                .toList();
        Course course = Course.findById(version.courseId);
        return Templates.questions(new BankView(version.id, course.slug, version.number, version.isDraft(),
                version.languageList(), shown, search == null ? "" : search.strip(), kept, rows, TYPES))
                .setLocale(language.locale());
    }

    /**
     * The form of one question in one language: filled with that language's text, or with the default language's
     * when not yet translated (the key is shared), or empty for a new question.
     */
    @GET
    @Path("/edit")
    @Transactional
    public TemplateInstance edit(@PathParam("id") long id, @QueryParam("name") String name,
            @QueryParam("lang") String lang) {
        CourseVersion version = CourseVersion.require(id);
        version.requireEditable();
        String shown = lang != null && version.offers(lang) ? lang : version.defaultLanguage;
        GiftQuestion question = name == null || name.isBlank() ? null
                : VersionReading.byName(bank.read(version, shown)).getOrDefault(name,
                        VersionReading.byName(bank.read(version, version.defaultLanguage)).get(name));
        if (name != null && !name.isBlank() && question == null) {
            throw ProblemException.notFound(Reason.of("question.not-found", version.number, name));
        }
        return Templates.question(form(version, shown, question, language.locale()), List.of())
                .setLocale(language.locale());
    }

    /** Saves one question in one language with the GIFT import's rules; a refused form is shown again as typed. */
    @POST
    @Path("/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") long id, @RestForm("language") String lang, @RestForm("isNew") String isNew,
            @RestForm("name") String name, @RestForm("type") String type, @RestForm("stem") String stem,
            @RestForm("truth") String truth, @RestForm("feedbackRight") String feedbackRight,
            @RestForm("feedbackWrong") String feedbackWrong, @RestForm("generalFeedback") String generalFeedback,
            @RestForm("legalSource") String legalSource, @RestForm("sourceRef") String sourceRef,
            @RestForm("answer") List<String> answers, @RestForm("match") List<String> matches,
            @RestForm("tolerance") List<String> tolerances, @RestForm("weight") List<String> weights,
            @RestForm("answerFeedback") List<String> answerFeedback) {
        List<AnswerRow> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(size(answers), size(matches)); i++) {
            rows.add(new AnswerRow(at(answers, i), at(matches, i), at(tolerances, i), at(weights, i),
                    at(answerFeedback, i)));
        }
        try {
            GiftQuestion question = question(ReaderMessages.of(language.locale()), name, type, stem, truth,
                    feedbackRight, feedbackWrong, generalFeedback, legalSource, sourceRef, rows);
            editing.saveQuestion(id, lang, question);
            String shown = lang == null ? "" : lang;
            return Forms.seeOther("/training/author/versions/" + id + "/questions?lang=" + shown);
        } catch (ProblemException e) {
            if (e.status() != 400) {
                throw e;
            }
            CourseVersion version = CourseVersion.require(id);
            Course course = Course.findById(version.courseId);
            QuestionForm typed = new QuestionForm(id, course.slug, version.number, isNew != null,
                    lang == null ? version.defaultLanguage : lang, version.languageList(), name, type, stem, truth,
                    feedbackRight, feedbackWrong, generalFeedback, legalSource, sourceRef, padded(rows), TYPES);
            GiftRefusal.Words words = GiftRefusal.Words.of(language.locale());
            // A refusal of the GIFT the form wrote names no line: the form's question is the only one.
            List<String> errors = e instanceof GiftException gift
                    ? gift.refusals().stream().map(r -> r.reason(words)).toList()
                    : e.errors().isEmpty() ? List.of(e.readerText()) : e.readerErrors();
            return Response.status(400).entity(Templates.question(typed, errors).setLocale(language.locale())).build();
        }
    }

    /**
     * The question the form describes, for the GIFT import's rules to accept or refuse: the form itself refuses only
     * what GIFT cannot be written without (a name, a text, a type, a credit that is a number). Credits are typed in
     * percent, as GIFT writes them; numbers and tolerances as a trainee types a number (a decimal comma is a point).
     */
    static GiftQuestion question(TrainingMessages m, String name, String type, String stem, String truth,
            String feedbackRight, String feedbackWrong, String generalFeedback, String legalSource, String sourceRef,
            List<AnswerRow> rows) {
        List<String> errors = new ArrayList<>();
        if (blank(name)) {
            errors.add(m.question_field_refused(m.question_name(), m.question_refused_name()));
        }
        if (blank(stem)) {
            errors.add(m.question_field_refused(m.question_stem(), m.question_refused_stem()));
        }
        QuestionType kind = type != null && TYPES.contains(type) ? QuestionType.of(type) : null;
        if (kind == null) {
            errors.add(m.question_field_refused(m.question_type(), m.question_refused_type()));
        }
        List<GiftAnswer> answers = new ArrayList<>();
        for (AnswerRow row : rows) {
            GiftAnswer answer = kind == QuestionType.MATCHING ? pair(row) : answer(m, kind, row, errors);
            if (answer != null) {
                answers.add(answer);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(Reason.of("question.invalid"), errors);
        }
        boolean trueFalse = kind == QuestionType.TRUEFALSE;
        boolean description = kind == QuestionType.DESCRIPTION;
        return new GiftQuestion(name.strip(), kind, stem.strip(), trueFalse || description ? List.of() : answers,
                trueFalse ? Boolean.valueOf("true".equals(truth)) : null, trueFalse ? trimmed(feedbackRight) : null,
                trueFalse ? trimmed(feedbackWrong) : null, description ? null : trimmed(generalFeedback),
                trimmed(sourceRef), trimmed(legalSource), 0);
    }

    /**
     * A matching row: the item (empty for a wrong choice) and what it matches; a row without either is dropped. A
     * pair earns nothing by itself (the share of items matched right is the score), and feedback typed on it is
     * left for GIFT to refuse, as a file's would be.
     */
    private static GiftAnswer pair(AnswerRow row) {
        if (blank(row.text()) && blank(row.match())) {
            return null;
        }
        String item = blank(row.text()) ? "" : row.text().strip();
        return new GiftAnswer(item, item.isEmpty() ? 0.0 : 1.0, trimmed(row.feedback()), null,
                blank(row.match()) ? "" : row.match().strip());
    }

    /**
     * A choice, an accepted short answer or an accepted number with its credit; a row without an answer is dropped.
     * A number goes to GIFT as GIFT writes it ({@code 3.14:0.01}, {@code 1..5}), so that GIFT alone says what a
     * valid number, tolerance or range is.
     */
    private static GiftAnswer answer(TrainingMessages m, QuestionType kind, AnswerRow row, List<String> errors) {
        if (blank(row.text())) {
            return null;
        }
        double fraction;
        if (blank(row.weight())) {
            fraction = kind == QuestionType.SHORT || kind == QuestionType.NUMERICAL ? 1.0 : 0.0;
        } else {
            try {
                // BigDecimal, not Double: "NaN" and "Infinity" are not credits, nor is 1e400.
                fraction = new BigDecimal(Scoring.typedNumber(row.weight())).movePointLeft(2).doubleValue();
                if (!Double.isFinite(fraction)) {
                    throw new NumberFormatException(row.weight());
                }
            } catch (NumberFormatException e) {
                errors.add(m.question_field_refused(m.answer_credit(), m.question_refused_weight(row.weight())));
                return null;
            }
        }
        if (kind != QuestionType.NUMERICAL) {
            return new GiftAnswer(row.text().strip(), fraction, trimmed(row.feedback()));
        }
        String number = String.join("..", Arrays.stream(row.text().split("\\.\\.", -1))
                .map(Scoring::typedNumber).toList());
        String written = blank(row.tolerance()) ? number : number + ":" + Scoring.typedNumber(row.tolerance());
        return new GiftAnswer(written, fraction, trimmed(row.feedback()), null, null);
    }

    /**
     * The form of a stored question; its numbers (accepted numbers, tolerances, credits) in the reader's notation,
     * as {@link Scoring#typedNumber} reads them back.
     */
    private static QuestionForm form(CourseVersion version, String shown, GiftQuestion q, Locale reader) {
        Course course = Course.findById(version.courseId);
        if (q == null) {
            return new QuestionForm(version.id, course.slug, version.number, true, shown, version.languageList(), "",
                    QuestionType.SINGLE.code, "", "true", "", "", "", "", "", padded(List.of()), TYPES);
        }
        List<AnswerRow> rows = q.answers().stream().map(a -> new AnswerRow(
                q.type() == QuestionType.NUMERICAL ? ReaderFormats.editable(new BigDecimal(a.text()), reader) : a.text(),
                orEmpty(a.match()),
                a.tolerance() == null || a.tolerance().signum() == 0 ? "" : ReaderFormats.editable(a.tolerance(), reader),
                q.type() == QuestionType.MATCHING ? "" : ReaderFormats.editable(VersionReading.credit(a.fraction()), reader),
                orEmpty(a.feedback())))
                .toList();
        return new QuestionForm(version.id, course.slug, version.number, false, shown, version.languageList(),
                q.name(), q.type().code, q.stem(), Boolean.TRUE.equals(q.truth()) ? "true" : "false",
                orEmpty(q.feedbackRight()), orEmpty(q.feedbackWrong()), orEmpty(q.generalFeedback()),
                orEmpty(q.legalSource()), orEmpty(q.sourceRef()), padded(rows), TYPES);
    }

    /** The typed rows followed by empty ones, so that an answer can always be added. */
    private static List<AnswerRow> padded(List<AnswerRow> rows) {
        List<AnswerRow> all = new ArrayList<>(rows);
        while (all.size() < Math.max(ANSWER_ROWS, rows.size() + 2)) {
            all.add(new AnswerRow("", "", "", "", ""));
        }
        return all;
    }

    /** A question name as a query parameter's value in a link. */
    @TemplateExtension
    static String queryValue(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int size(List<String> values) {
        return values == null ? 0 : values.size();
    }

    private static String at(List<String> values, int index) {
        return values != null && index < values.size() ? values.get(index) : "";
    }

    private static String trimmed(String text) {
        return blank(text) ? null : text.strip();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
