package org.beacon.training.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.beacon.training.assessment.GiftQuestion.GiftAnswer;
import org.beacon.training.course.ContentText;
import org.beacon.training.course.CourseVersion;
import org.beacon.training.course.Texts;

/**
 * A version's question bank, one language at a time. A question's name links its translations; a translation
 * must agree with the others on the type and the key (the weights of its choices, the truth of a true/false
 * statement), so that a trainee is scored the same in every language.
 */
@ApplicationScoped
public class QuestionBank {

    static final String STEM = "stem";
    static final String FEEDBACK_RIGHT = "feedback_right";
    static final String FEEDBACK_WRONG = "feedback_wrong";
    static final String GENERAL_FEEDBACK = "general_feedback";

    @Inject
    Texts texts;

    /**
     * Adds or replaces the {@code language} texts of the given questions. Problems are added to {@code errors},
     * each starting with {@code where} and the question's line; the caller rolls back when there is any.
     */
    public void store(CourseVersion version, String language, List<GiftQuestion> questions, String where,
            List<String> errors) {
        int next = Question.of(version.id).stream().mapToInt(q -> q.position + 1).max().orElse(0);
        for (GiftQuestion gift : questions) {
            String at = where + "line " + gift.line() + ": ";
            Question question = Question.named(version.id, gift.name()).orElse(null);
            if (question == null) {
                question = new Question();
                question.versionId = version.id;
                question.position = next++;
                question.name = gift.name();
                question.type = gift.type().code;
                question.truth = gift.truth();
                question.persist();
            } else if (!disagreement(question, gift, language).isEmpty()) {
                errors.add(at + "'" + gift.name() + "' " + disagreement(question, gift, language));
                continue;
            }
            if (gift.legalSource() != null && (question.legalSource == null || language.equals(version.defaultLanguage))) {
                question.legalSource = gift.legalSource();
            }
            if (gift.sourceRef() != null && (question.sourceRef == null || language.equals(version.defaultLanguage))) {
                question.sourceRef = gift.sourceRef();
            }
            texts.put(version.id, ContentText.QUESTION, question.id, STEM, language, gift.stem());
            texts.put(version.id, ContentText.QUESTION, question.id, FEEDBACK_RIGHT, language, gift.feedbackRight());
            texts.put(version.id, ContentText.QUESTION, question.id, FEEDBACK_WRONG, language, gift.feedbackWrong());
            texts.put(version.id, ContentText.QUESTION, question.id, GENERAL_FEEDBACK, language,
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
                row.persist();
            }
        }
    }

    /** Why a translation cannot belong to an existing question, or "" when it can. */
    private String disagreement(Question question, GiftQuestion gift, String language) {
        if (!question.type.equals(gift.type().code)) {
            return "is a " + question.type + " question in another language but " + gift.type().code + " here.";
        }
        if (gift.type() == QuestionType.TRUEFALSE && !Objects.equals(question.truth, gift.truth())) {
            return "is " + question.truth + " in another language but " + gift.truth() + " here.";
        }
        if (gift.type() == QuestionType.SINGLE || gift.type() == QuestionType.MULTIPLE) {
            List<QuestionAnswer> other = QuestionAnswer.list(
                    "questionId = ?1 and language <> ?2 order by language, position", question.id, language);
            if (!other.isEmpty()) {
                String otherLanguage = other.get(0).language;
                List<Double> key = other.stream().filter(a -> a.language.equals(otherLanguage))
                        .map(a -> a.fraction.doubleValue()).toList();
                List<Double> here = gift.answers().stream().map(GiftAnswer::fraction).toList();
                if (!sameKey(key, here)) {
                    return "has answers weighted " + key + " in " + otherLanguage + " but " + here
                            + " here; translations must keep the answers in the same order.";
                }
            }
        }
        return "";
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
    public List<GiftQuestion> read(CourseVersion version, String language) {
        List<GiftQuestion> questions = new ArrayList<>();
        for (Question question : Question.of(version.id)) {
            Map<String, String> stem = texts.all(ContentText.QUESTION, question.id, STEM);
            if (!stem.containsKey(language)) {
                continue;
            }
            List<GiftAnswer> answers = QuestionAnswer.of(question.id, language).stream()
                    .map(a -> new GiftAnswer(a.text, a.fraction.doubleValue(), a.feedback)).toList();
            questions.add(new GiftQuestion(question.name, question.questionType(), stem.get(language), answers,
                    question.truth,
                    texts.all(ContentText.QUESTION, question.id, FEEDBACK_RIGHT).get(language),
                    texts.all(ContentText.QUESTION, question.id, FEEDBACK_WRONG).get(language),
                    texts.all(ContentText.QUESTION, question.id, GENERAL_FEEDBACK).get(language),
                    question.sourceRef, question.legalSource, 0));
        }
        return questions;
    }
}
