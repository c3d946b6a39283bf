package org.beacon.campaign.results;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.beacon.campaign.survey.SurveyForm;
import org.beacon.campaign.survey.SurveyQuestion;
import org.beacon.campaign.survey.Wave;
import org.beacon.commons.web.Paging;
import org.beacon.commons.web.ProblemException;

/**
 * Free-text answers for evaluators, a page at a time, masked. They are shown only once at least k people answered
 * the question in the wave, and without any background detail, so an answer cannot be tied to a small group.
 */
@ApplicationScoped
public class FreeText {

    public static final int PAGE_SIZE = 50;

    /**
     * {@code answered} is the exact number only when the answers are shown: below k it is null and
     * {@code answeredDisplay} reads "< k", as every other small count does in the page, JSON and CSV.
     */
    public record TextPage(String question, String label, String wave, Long answered, String answeredDisplay,
            boolean shown, List<String> answers, int page, boolean hasMore) {
    }

    @Inject
    EntityManager entityManager;

    public TextPage page(SurveyForm form, String questionName, Wave wave, int page, int minCellSize,
            String language) {
        int from = Paging.page(page);
        SurveyForm.Question question = form.question(questionName)
                .filter(q -> q.kind().equals(SurveyQuestion.TEXT))
                .orElseThrow(() -> ProblemException.notFound("The survey has no free-text question '" + questionName
                        + "'."));
        long answered = ((Number) entityManager.createNativeQuery("""
                select count(*) from survey_text_answer t join survey_response r on r.id = t.response_id
                where t.question_id = ?1 and r.wave = ?2""")
                .setParameter(1, question.id()).setParameter(2, (short) wave.code())
                .getSingleResult()).longValue();
        String label = question.label(language, form.defaultLanguage());
        if (answered < minCellSize) {
            return new TextPage(question.name(), label, wave.id(), null, "< " + minCellSize, false, List.of(), 0,
                    false);
        }
        @SuppressWarnings("unchecked")
        List<String> texts = entityManager.createNativeQuery("""
                select t.answer from survey_text_answer t join survey_response r on r.id = t.response_id
                where t.question_id = ?1 and r.wave = ?2 order by t.response_id desc""")
                .setParameter(1, question.id()).setParameter(2, (short) wave.code())
                .setFirstResult(from * PAGE_SIZE).setMaxResults(PAGE_SIZE + 1)
                .getResultList();
        boolean more = texts.size() > PAGE_SIZE;
        List<String> masked = texts.stream().limit(PAGE_SIZE).map(Masking::mask).toList();
        return new TextPage(question.name(), label, wave.id(), answered, Long.toString(answered), true, masked, from,
                more);
    }
}
