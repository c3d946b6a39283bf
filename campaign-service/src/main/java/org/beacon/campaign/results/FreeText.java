package org.beacon.campaign.results;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.beacon.campaign.survey.SurveyForm;
import org.beacon.campaign.survey.SurveyQuestion;
import org.beacon.campaign.survey.Wave;
import org.beacon.commons.text.CsvCells;
import org.beacon.commons.web.Paging;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/**
 * Free-text answers for evaluators, a page at a time, masked. They are shown only once at least k people answered
 * the question in the wave, and without any background detail, so an answer cannot be tied to a small group. The
 * export holds the same masked answers as the pages, all of them, as CSV whose cells cannot run as formulas: a
 * respondent can type {@code =HYPERLINK(...)} as readily as anything else.
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
    ResultsQueries queries;

    public static final List<String> CSV_HEADER = List.of("question", "question_label", "wave", "answer");

    public TextPage page(SurveyForm form, String questionName, Wave wave, int page, int minCellSize,
            String language) {
        int from = Paging.page(page);
        SurveyForm.Question question = textQuestion(form, questionName);
        long answered = answered(question, wave);
        String label = question.label(language, form.defaultLanguage());
        if (answered < minCellSize) {
            return new TextPage(question.name(), label, wave.id(), null, "< " + minCellSize, false, List.of(), 0,
                    false);
        }
        List<String> texts = answers(question, wave, from * PAGE_SIZE, PAGE_SIZE + 1);
        boolean more = texts.size() > PAGE_SIZE;
        List<String> masked = texts.stream().limit(PAGE_SIZE).map(Masking::mask).toList();
        return new TextPage(question.name(), label, wave.id(), answered, Long.toString(answered), true, masked, from,
                more);
    }

    /**
     * Every masked answer of one question and wave as CSV, newest first. Below k there is nothing to export: the
     * request is refused (409) with the same reason the page gives, rather than answered with an empty file.
     */
    public String csv(SurveyForm form, String questionName, Wave wave, int minCellSize, String language) {
        SurveyForm.Question question = textQuestion(form, questionName);
        if (answered(question, wave) < minCellSize) {
            throw ProblemException.conflict(Reason.of("results.free-text-below-k", minCellSize));
        }
        String label = question.label(language, form.defaultLanguage());
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(CSV_HEADER.toArray(String[]::new)).get())) {
            for (String answer : answers(question, wave, 0, Integer.MAX_VALUE)) {
                csv.printRecord(CsvCells.record(question.name(), label, wave.id(), Masking.mask(answer)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static SurveyForm.Question textQuestion(SurveyForm form, String questionName) {
        return form.question(questionName)
                .filter(q -> q.kind().equals(SurveyQuestion.TEXT))
                .orElseThrow(() -> ProblemException.notFound(Reason.of("results.no-free-text-question", questionName)));
    }

    private long answered(SurveyForm.Question question, Wave wave) {
        return queries.textsAnswered(question.id(), wave);
    }

    private List<String> answers(SurveyForm.Question question, Wave wave, int first, int max) {
        return queries.texts(question.id(), wave, first, max);
    }
}
