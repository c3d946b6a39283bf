package org.beacon.training.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.beacon.commons.web.ProblemException;
import org.beacon.training.assessment.GiftQuestion.GiftAnswer;
import org.junit.jupiter.api.Test;

/** Credit for numerical and matching questions, as Moodle grades them. */
class ScoringTests {

    static Question question(QuestionType type) {
        Question question = new Question();
        question.id = 7L;
        question.type = type.code;
        return question;
    }

    /** Answers as the bank stores them, from the GIFT that wrote them. */
    static List<QuestionAnswer> answers(String gift) {
        List<QuestionAnswer> rows = new ArrayList<>();
        int position = 0;
        for (GiftAnswer answer : EnglishWords.parse(gift).get(0).answers()) {
            QuestionAnswer row = new QuestionAnswer();
            row.position = position++;
            row.text = answer.text();
            row.fraction = BigDecimal.valueOf(answer.fraction());
            row.tolerance = answer.tolerance();
            row.match = answer.match();
            rows.add(row);
        }
        return rows;
    }

    @Test
    void aNumberWithinToleranceEarnsItsAnswersCreditAndTheEdgesCount() {
        Question q = question(QuestionType.NUMERICAL);
        List<QuestionAnswer> pi = answers("::pi:: Pi to two decimals? {#3.14:0.01}");
        assertEquals(1.0, Scoring.credit(q, pi, List.of("3.14")));
        assertEquals(1.0, Scoring.credit(q, pi, List.of("3.15")));
        assertEquals(1.0, Scoring.credit(q, pi, List.of("3,13")));
        assertEquals(0.0, Scoring.credit(q, pi, List.of("3.151")));
        assertEquals(0.0, Scoring.credit(q, pi, List.of()));
    }

    @Test
    void aRangeAcceptsEveryNumberFromItsStartToItsEnd() {
        Question q = question(QuestionType.NUMERICAL);
        List<QuestionAnswer> range = answers("::r:: Between one and five? {#1..5}");
        assertEquals(1.0, Scoring.credit(q, range, List.of("1")));
        assertEquals(1.0, Scoring.credit(q, range, List.of("4.99")));
        assertEquals(1.0, Scoring.credit(q, range, List.of("5")));
        assertEquals(0.0, Scoring.credit(q, range, List.of("5.01")));
        assertEquals(0.0, Scoring.credit(q, range, List.of("0")));
    }

    @Test
    void severalNumericalAnswersAreTriedInTheOrderWrittenAsMoodleDoes() {
        Question q = question(QuestionType.NUMERICAL);
        List<QuestionAnswer> weighted = answers("::w:: How many? {#=%50%3:1 =4}");
        assertEquals(0.5, Scoring.credit(q, weighted, List.of("2")));
        assertEquals(0.5, Scoring.credit(q, weighted, List.of("3.5")));
        // 4 is within 3 ± 1, written first: Moodle gives the first answer that holds the number.
        assertEquals(0.5, Scoring.credit(q, weighted, List.of("4")));
        List<QuestionAnswer> exactFirst = answers("::e:: Born in? {#=1822:0 =%50%1822:2}");
        assertEquals(1.0, Scoring.credit(q, exactFirst, List.of("1822")));
        assertEquals(0.5, Scoring.credit(q, exactFirst, List.of("1820")));
        assertEquals(0.0, Scoring.credit(q, exactFirst, List.of("1819")));
    }

    @Test
    void somethingThatIsNotANumberIsRefusedNotScored() {
        Question q = question(QuestionType.NUMERICAL);
        List<QuestionAnswer> pi = answers("::pi:: Pi? {#3.14:0.01}");
        ProblemException e = assertThrows(ProblemException.class, () -> Scoring.credit(q, pi, List.of("three")));
        assertEquals(400, e.status());
        assertEquals("Question 7 takes a number; 'three' is not one.", e.getMessage());
    }

    @Test
    void matchingEarnsItsShareOfPairsMatchedRight() {
        Question q = question(QuestionType.MATCHING);
        List<QuestionAnswer> pairs = answers(
                "::m:: Match {=Deception -> false offer =Coercion -> threats =Abuse -> debt = -> contract}");
        // Choices are numbered alphabetically, whatever the pairs: nothing in a number points at its item.
        assertEquals(List.of("contract", "debt", "false offer", "threats"), Scoring.choices(pairs));
        assertEquals(1.0, Scoring.credit(q, pairs, List.of("0:2", "1:3", "2:1")));
        assertEquals(2.0 / 3, Scoring.credit(q, pairs, List.of("0:2", "1:3", "2:0")), 1e-9);
        assertEquals(1.0 / 3, Scoring.credit(q, pairs, List.of("2:1")), 1e-9);
        assertEquals(0.0, Scoring.credit(q, pairs, List.of("0:3", "1:2")));
        assertEquals(List.of("Deception → false offer", "Coercion → threats", "Abuse → debt"),
                Scoring.rightAnswers(q, pairs));
    }

    @Test
    void twoItemsWithTheSameMatchShareOneChoice() {
        Question q = question(QuestionType.MATCHING);
        List<QuestionAnswer> pairs = answers("::m:: Match {=Cat -> animal =Dog -> animal =Oak -> tree}");
        assertEquals(List.of("animal", "tree"), Scoring.choices(pairs));
        assertEquals(1.0, Scoring.credit(q, pairs, List.of("0:0", "1:0", "2:1")));
        assertEquals(1.0 / 3, Scoring.credit(q, pairs, List.of("0:1", "1:1", "2:1")), 1e-9);
    }

    @Test
    void aMatchingValueThatNamesNoItemOrIsGivenTwiceIsRefused() {
        Question q = question(QuestionType.MATCHING);
        List<QuestionAnswer> pairs = answers("::m:: Match {=a -> 1 =b -> 2 = -> 3}");
        for (String bad : List.of("9:0", "0:3", "0:-1", "2:0", "x", "0-1")) {
            ProblemException e = assertThrows(ProblemException.class, () -> Scoring.credit(q, pairs, List.of(bad)));
            assertEquals(400, e.status(), bad);
        }
        ProblemException twice = assertThrows(ProblemException.class,
                () -> Scoring.credit(q, pairs, List.of("0:0", "0:1")));
        assertEquals("Question 7: item 0 is matched more than once.", twice.getMessage());
    }

    @Test
    void shortAnswersInAFormatAreComparedAsReadersSeeThem() {
        Question q = question(QuestionType.SHORT);
        List<QuestionAnswer> answers = answers("::s:: [markdown]The **capital**? {Rabat}");
        assertEquals(1.0, Scoring.credit(q, answers, List.of(" rabat ")));
    }

    @Test
    void aNumberIsReadInTheReadersNotationAsInAPlainOne() {
        java.util.Locale arabic = java.util.Locale.forLanguageTag("ar");
        // What the Arabic form shows is read back as the number it shows, direction marks included.
        for (String shown : List.of(org.beacon.commons.web.ReaderFormats.editable(new BigDecimal("-33.5"), arabic),
                "-٣٣٫٥", "-33.5", "-33,5")) {
            assertEquals(new BigDecimal("-33.5"), new BigDecimal(Scoring.typedNumber(shown)), shown);
        }
        assertEquals("1234.5", Scoring.typedNumber("1\u202F234,5"));
        assertEquals("١٬٢٣٤", org.beacon.commons.web.ReaderFormats.number(1234, arabic));
        assertEquals("1234", Scoring.typedNumber("١٬٢٣٤"));
        Question q = question(QuestionType.NUMERICAL);
        List<QuestionAnswer> answers = answers("::n:: Age? {#18:0.5}");
        assertEquals(1.0, Scoring.credit(q, answers, List.of("١٨٫٤")));
    }
}
