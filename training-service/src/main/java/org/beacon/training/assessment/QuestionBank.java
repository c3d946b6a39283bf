package org.beacon.training.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.beacon.commons.web.ReaderFormats;
import org.beacon.commons.web.Reason;
import org.beacon.training.assessment.GiftQuestion.GiftAnswer;
import org.beacon.training.i18n.ReaderMessages;
import org.beacon.training.i18n.TrainingMessages;

/**
 * A version's question bank, one language at a time. A question's name links its translations; a translation
 * must agree with the default language on the type and the key (the weights of its choices, the truth of a
 * true/false statement), so that a trainee is scored the same in every language. The default language defines the
 * key: importing it again into a draft may correct the key, and the other languages must then be imported again
 * with the corrected key before the version can go to review ({@link #keyProblems}).
 */
@ApplicationScoped
public class QuestionBank {

    @Inject
    QuestionTexts texts;

    /**
     * Adds or replaces the {@code language} texts of the given questions. Problems are added to {@code errors},
     * each naming the question's line; the caller rolls back when there is any.
     */
    public void store(BankVersion version, String language, List<GiftQuestion> questions,
            List<GiftRefusal> errors) {
        int next = Question.of(version.bankVersionId()).stream().mapToInt(q -> q.position + 1).max().orElse(0);
        for (GiftQuestion gift : questions) {
            Question question = Question.named(version.bankVersionId(), gift.name()).orElse(null);
            if (question == null) {
                question = new Question();
                question.versionId = version.bankVersionId();
                question.position = next++;
                question.name = gift.name();
                question.type = gift.type().code;
                question.truth = gift.truth();
                question.persist();
            } else {
                Function<GiftRefusal.Words, String> disagreement = disagreement(version, question, gift, language);
                if (disagreement != null) {
                    errors.add(new GiftRefusal(gift.line(), disagreement));
                    continue;
                }
                if (gift.type() == QuestionType.TRUEFALSE && question.truth != null
                        && !Objects.equals(question.truth, gift.truth())) {
                    // The default language turned the statement around: the other languages' feedback was written
                    // for the old answer. It goes, so trainees read the default language's (marked as a fallback)
                    // until each translation is imported again with the new key.
                    for (String other : texts.questionText(question.id, QuestionTexts.STEM).keySet()) {
                        if (!other.equals(language)) {
                            for (String field : List.of(QuestionTexts.FEEDBACK_RIGHT, QuestionTexts.FEEDBACK_WRONG, QuestionTexts.GENERAL_FEEDBACK)) {
                                texts.putQuestionText(version.bankVersionId(), question.id, field, other, null);
                            }
                        }
                    }
                }
                // Agreeing with the other languages, or defining the key: the file's type and truth hold.
                question.type = gift.type().code;
                question.truth = gift.truth();
            }
            if (gift.legalSource() != null && (question.legalSource == null || language.equals(version.keyLanguage()))) {
                question.legalSource = gift.legalSource();
            }
            if (gift.sourceRef() != null && (question.sourceRef == null || language.equals(version.keyLanguage()))) {
                question.sourceRef = gift.sourceRef();
            }
            texts.putQuestionText(version.bankVersionId(), question.id, QuestionTexts.STEM, language, gift.stem());
            texts.putQuestionText(version.bankVersionId(), question.id, QuestionTexts.FEEDBACK_RIGHT, language, gift.feedbackRight());
            texts.putQuestionText(version.bankVersionId(), question.id, QuestionTexts.FEEDBACK_WRONG, language, gift.feedbackWrong());
            texts.putQuestionText(version.bankVersionId(), question.id, QuestionTexts.GENERAL_FEEDBACK, language,
                    gift.generalFeedback());
            QuestionAnswer.delete("questionId = ?1 and language = ?2", question.id, language);
            QuestionAnswer.flush();
            int position = 0;
            for (GiftAnswer answer : gift.answers()) {
                QuestionAnswer row = new QuestionAnswer();
                row.questionId = question.id;
                row.language = language;
                row.position = position++;
                row.text = answer.text();
                row.fraction = BigDecimal.valueOf(answer.fraction());
                row.feedback = answer.feedback();
                row.tolerance = answer.tolerance();
                row.match = answer.match();
                row.persist();
            }
        }
    }

    /**
     * Why {@code gift} cannot be the question's text in {@code language}, or null when it can. It is compared with
     * the question's other languages only: re-importing the one language a question has may change anything, and
     * the default language may change the key (not the type) of a question its translations share.
     */
    private Function<GiftRefusal.Words, String> disagreement(BankVersion version, Question question, GiftQuestion gift,
            String language) {
        TreeSet<String> others = new TreeSet<>(texts.questionText(question.id, QuestionTexts.STEM).keySet());
        others.remove(language);
        String name = gift.name();
        if (others.isEmpty()) {
            return null;
        }
        if (!question.type.equals(gift.type().code)) {
            QuestionType stored = question.questionType();
            return w -> w.messages().gift_refused_type_differs(name, typeName(stored, w.reader()),
                    String.join(", ", others), typeName(gift.type(), w.reader()));
        }
        if (language.equals(version.keyLanguage())) {
            return null;
        }
        String reference = others.contains(version.keyLanguage()) ? version.keyLanguage() : others.first();
        if (gift.type() == QuestionType.TRUEFALSE && !Objects.equals(question.truth, gift.truth())) {
            Boolean key = question.truth;
            return w -> w.messages().gift_refused_key_fix(w.messages().gift_refused_truth_differs(name,
                    truth(key, w.messages()), reference, truth(gift.truth(), w.messages())), reference);
        }
        if (keyed(gift.type())) {
            List<Double> key = weights(question, reference);
            List<Double> here = gift.answers().stream().map(GiftAnswer::fraction).toList();
            if (!sameKey(key, here)) {
                return w -> w.messages().gift_refused_key_fix(w.messages().gift_refused_weights_differ(name,
                        percents(key, w), reference, percents(here, w)), reference);
            }
        }
        if (gift.type() == QuestionType.NUMERICAL) {
            List<String> key = numbers(QuestionAnswer.of(question.id, reference).stream()
                    .map(a -> new GiftAnswer(a.text, 0, null, a.tolerance, null)).toList());
            List<String> here = numbers(gift.answers());
            if (!key.equals(here)) {
                return w -> w.messages().gift_refused_key_fix(w.messages().gift_refused_numbers_differ(name,
                        String.join(" / ", key), reference, String.join(" / ", here)), reference);
            }
        }
        return null;
    }

    /** The type as the form's type list names it. */
    private static String typeName(QuestionType type, Locale reader) {
        TrainingMessages m = ReaderMessages.of(reader);
        return switch (type) {
            case SINGLE -> m.type_single();
            case MULTIPLE -> m.type_multiple();
            case TRUEFALSE -> m.type_truefalse();
            case SHORT -> m.type_short();
            case NUMERICAL -> m.type_numerical();
            case MATCHING -> m.type_matching();
            case DESCRIPTION -> m.type_description();
        };
    }

    private static String truth(Boolean truth, GiftMessages m) {
        return Boolean.TRUE.equals(truth) ? m.gift_true() : m.gift_false();
    }

    /** Answer weights as the credits a reader types: "100 %, 0 %" in French. */
    private static String percents(List<Double> fractions, GiftRefusal.Words w) {
        return String.join(", ", fractions.stream()
                .map(f -> new BigDecimal(Gift.percent(f)))
                .map(p -> ReaderFormats.percent(p, Math.max(0, p.scale()), w.reader())).toList());
    }

    /**
     * The choice questions whose answers in a language are weighted otherwise than in the default language: left
     * behind when the default language's key was corrected. A version with any of them cannot go to review.
     */
    public List<Reason> keyProblems(BankVersion version) {
        List<Reason> problems = new ArrayList<>();
        for (Question question : Question.of(version.bankVersionId())) {
            if (!keyed(question.questionType())) {
                continue;
            }
            List<Double> key = weights(question, version.keyLanguage());
            for (String language : version.languageList()) {
                List<Double> weights = weights(question, language);
                if (!language.equals(version.keyLanguage()) && !weights.isEmpty() && !key.isEmpty()
                        && !sameKey(key, weights)) {
                    problems.add(Reason.of("version.key-differs", question.name, weights, language, key,
                            version.keyLanguage()));
                }
            }
        }
        return problems;
    }

    /** The types whose key is the weights of their answers, in the same order in every language. */
    private static boolean keyed(QuestionType type) {
        return type == QuestionType.SINGLE || type == QuestionType.MULTIPLE || type == QuestionType.NUMERICAL
                || type == QuestionType.MATCHING;
    }

    private static List<String> numbers(List<GiftAnswer> answers) {
        return answers.stream().map(a -> a.text() + (a.tolerance() == null || a.tolerance().signum() == 0 ? ""
                : " ± " + Gift.plainNumber(a.tolerance()))).toList();
    }

    private static List<Double> weights(Question question, String language) {
        return QuestionAnswer.of(question.id, language).stream().map(a -> a.fraction.doubleValue()).toList();
    }

    private static boolean sameKey(List<Double> a, List<Double> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (Math.abs(a.get(i) - b.get(i)) > 0.00001) {
                return false;
            }
        }
        return true;
    }

    /** The questions that exist in {@code language}, as GIFT questions, in bank order. */
    public List<GiftQuestion> read(BankVersion version, String language) {
        List<GiftQuestion> questions = new ArrayList<>();
        for (Question question : Question.of(version.bankVersionId())) {
            Map<String, String> stem = texts.questionText(question.id, QuestionTexts.STEM);
            if (!stem.containsKey(language)) {
                continue;
            }
            List<GiftAnswer> answers = QuestionAnswer.of(question.id, language).stream()
                    .map(a -> new GiftAnswer(a.text, a.fraction.doubleValue(), a.feedback,
                            a.tolerance == null ? null : new BigDecimal(Gift.plainNumber(a.tolerance)), a.match))
                    .toList();
            questions.add(new GiftQuestion(question.name, question.questionType(), stem.get(language), answers,
                    question.truth,
                    texts.questionText(question.id, QuestionTexts.FEEDBACK_RIGHT).get(language),
                    texts.questionText(question.id, QuestionTexts.FEEDBACK_WRONG).get(language),
                    texts.questionText(question.id, QuestionTexts.GENERAL_FEEDBACK).get(language),
                    question.sourceRef, question.legalSource, 0));
        }
        return questions;
    }
}
