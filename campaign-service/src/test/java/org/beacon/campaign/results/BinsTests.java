package org.beacon.campaign.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.beacon.campaign.survey.SurveyQuestion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bins of decimal and date answers: the same in Java as in survey_response_cell (V33), tails pooled to k. */
class BinsTests {

    @ParameterizedTest
    @CsvSource({"0, 100", "1, 101", "2, 102", "5, 103", "1000, 110", "1999, 110", "2000, 111", "4999, 111",
            "5000, 112", "40000, 114", "1000000000, 128", "-1, 99", "-1500, 90"})
    void decimalsFallOnAOneTwoFiveScaleOfThousandths(long thousandths, int bin) {
        assertEquals(bin, Bins.fineBin(SurveyQuestion.DECIMAL, thousandths));
    }

    @Test
    void datesFallInTheirMonth() {
        assertEquals(2026 * 12 + 11, Bins.fineBin(SurveyQuestion.DATE, LocalDate.parse("2026-12-05").toEpochDay()));
        assertEquals(1969 * 12 + 11, Bins.fineBin(SurveyQuestion.DATE, -1));
    }

    @Test
    void bothTailsArePooledUntilTheyHoldKAnswers() {
        TreeMap<Integer, Long> counts = new TreeMap<>();
        counts.put(101, 3L);   // 0.001 - 0.002
        counts.put(110, 12L);  // 1 - 2
        counts.put(111, 10L);  // 2 - 5
        counts.put(114, 9L);   // 20 - 50
        counts.put(116, 1L);   // 100 - 200
        List<List<Integer>> bins = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Bins.of(SurveyQuestion.DECIMAL, counts, 10, ResultsWording.ENGLISH, bins, labels);
        assertEquals(List.of("< 2", "2 – 5", "5 – 10", "10 – 20", "≥ 20"), labels);
        assertEquals(List.of(101, 102, 103, 104, 105, 106, 107, 108, 109, 110), bins.get(0));
        assertEquals(List.of(114, 115, 116), bins.get(4));
    }

    @Test
    void fewerThanKAnswersMakeOneRow() {
        TreeMap<Integer, Long> counts = new TreeMap<>();
        counts.put(110, 3L);
        counts.put(114, 4L);
        List<List<Integer>> bins = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Bins.of(SurveyQuestion.DECIMAL, counts, 10, ResultsWording.ENGLISH, bins, labels);
        assertEquals(List.of("all answers"), labels);
        assertEquals(List.of(110, 111, 112, 113, 114), bins.get(0));
    }

    @Test
    void longDateSpansAreShownByYear() {
        TreeMap<Integer, Long> counts = new TreeMap<>();
        counts.put(2020 * 12, 20L);
        counts.put(2023 * 12 + 5, 20L);
        List<List<Integer>> bins = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Bins.of(SurveyQuestion.DATE, counts, 10, ResultsWording.ENGLISH, bins, labels);
        assertEquals(List.of("2020", "2021", "2022", "2023"), labels);
        assertEquals(12, bins.get(1).size());
    }

    /** The page writes bin labels as the reader writes numbers and dates, and in the reader's words. */
    @Test
    void labelsAreInTheReadersFormatsAndLanguage() {
        ResultsWording french = new ResultsWording(ResultsWording.ENGLISH.waves(), "Répondants", "Ont répondu",
                "Moyenne (1-5)", "Score moyen", "Non précisé", "Tous", "Score de connaissances", "masqué",
                "Bonnes réponses", "Autres", ResultsWording.ENGLISH.marking(), FigureText.reader(Locale.FRENCH),
                new ResultsWording.Rows("Personnes interrogées", "Moyenne", "Plus petite valeur", "Plus grande valeur",
                        "toutes les réponses"));
        TreeMap<Integer, Long> decimals = new TreeMap<>();
        decimals.put(Bins.fineBin(SurveyQuestion.DECIMAL, 1500), 12L);   // 1 - 2
        decimals.put(Bins.fineBin(SurveyQuestion.DECIMAL, 2500), 12L);   // 2 - 5
        decimals.put(Bins.fineBin(SurveyQuestion.DECIMAL, 250), 12L);    // 0.2 - 0.5
        List<String> labels = new ArrayList<>();
        Bins.of(SurveyQuestion.DECIMAL, decimals, 10, french, new ArrayList<>(), labels);
        assertEquals("0,2 – 0,5", labels.get(0));
        assertEquals("2 – 5", labels.get(labels.size() - 1));
        TreeMap<Integer, Long> months = new TreeMap<>();
        months.put(Bins.fineBin(SurveyQuestion.DATE, LocalDate.parse("2026-03-10").toEpochDay()), 12L);
        months.put(Bins.fineBin(SurveyQuestion.DATE, LocalDate.parse("2026-04-10").toEpochDay()), 12L);
        labels.clear();
        Bins.of(SurveyQuestion.DATE, months, 10, french, new ArrayList<>(), labels);
        assertEquals(List.of("mars 2026", "avr. 2026"), labels);
        TreeMap<Integer, Long> few = new TreeMap<>();
        few.put(110, 3L);
        labels.clear();
        Bins.of(SurveyQuestion.DECIMAL, few, 10, french, new ArrayList<>(), labels);
        assertEquals(List.of("toutes les réponses"), labels);
    }
}
