package org.beacon.training.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.beacon.training.assessment.Gift.GiftException;
import org.beacon.training.assessment.GiftQuestion.GiftAnswer;
import org.junit.jupiter.api.Test;

/** GIFT as Moodle documents it (https://docs.moodle.org/en/GIFT_format), for the question types Beacon has. */
class GiftTests {

    /** Examples from Moodle's GIFT documentation, for multiple choice, true/false and short answer. */
    static final String MOODLE_EXAMPLES = """
            // true/false
            ::Q1:: 1+1=2 {T}

            // multiple choice with specified feedback for right and wrong answers
            ::Q2:: What's between orange and green in the spectrum?
            { =yellow # right; good! ~red # wrong, it's yellow ~blue # wrong, it's yellow }

            // fill-in-the-blank
            ::Q3:: Two plus {=two =2} equals four.

            Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}

            Grant is {~buried =entombed ~living} in Grant's tomb.

            Grant is buried in Grant's tomb.{F}

            The sun rises in the east.{T}

            Who's buried in Grant's tomb?{=no one =nobody}

            When was Ulysses S. Grant born?{#1822:5}

            What two people are entombed in Grant's tomb? {
               ~%-100%No one
               ~%50%Grant
               ~%50%Grant's wife
               ~%-100%Grant's father
            }

            What's the answer to this multiple-choice question? {
            ~wrong answer#feedback comment on the wrong answer
            ~another wrong answer#feedback comment on this wrong answer
            =right answer#Very good!}

            Who's buried in Grant's tomb?{
            =no one#excellent answer!
            =nobody#excellent answer!}

            Grant is buried in Grant's tomb.{FALSE#No, he's buried elsewhere.}

            Difficult multiple choice question.{
                 ~wrong answer           #comment on wrong answer
                 ~%50%half credit answer #comment on answer
                 =full credit answer     #well done!}

            ::Kanji Origins::Japanese characters originally
            came from what country? {=China}

            ::Thanksgiving Date::Thanksgiving is celebrated on the fourth Thursday of November in the United States. {T}

            Which answer equals 5? {
                ~ \\= 2 + 2
                = \\= 2 + 3
                ~ \\= 2 + 4
            }
            """;

    static GiftQuestion named(List<GiftQuestion> questions, String name) {
        return questions.stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyExampleOfMoodlesPageIsRead() {
        List<GiftQuestion> questions = EnglishWords.parse(MOODLE_EXAMPLES);
        assertEquals(17, questions.size());
        GiftQuestion born = named(questions, "When was Ulysses S. Grant born?");
        assertEquals(QuestionType.NUMERICAL, born.type());
        assertEquals(List.of(new GiftAnswer("1822", 1.0, null, new BigDecimal("5"), null)), born.answers());
    }

    @Test
    void everySupportedTypeIsReadAsMoodleReadsIt() {
        List<GiftQuestion> questions = EnglishWords.parse(MOODLE_EXAMPLES.replace("When was Ulysses S. Grant born?{#1822:5}\n", ""));
        assertEquals(16, questions.size());

        GiftQuestion q1 = named(questions, "Q1");
        assertEquals(QuestionType.TRUEFALSE, q1.type());
        assertEquals(Boolean.TRUE, q1.truth());
        assertEquals("1+1=2", q1.stem());

        GiftQuestion q2 = named(questions, "Q2");
        assertEquals(QuestionType.SINGLE, q2.type());
        assertEquals(new GiftAnswer("yellow", 1.0, "right; good!"), q2.answers().get(0));
        assertEquals(new GiftAnswer("red", 0.0, "wrong, it's yellow"), q2.answers().get(1));

        GiftQuestion q3 = named(questions, "Q3");
        assertEquals(QuestionType.SHORT, q3.type());
        assertEquals("Two plus _____ equals four.", q3.stem());
        assertEquals(List.of("two", "2"), q3.answers().stream().map(GiftAnswer::text).toList());

        GiftQuestion weighted = named(questions, "What two people are entombed in Grant's tomb?");
        assertEquals(QuestionType.MULTIPLE, weighted.type());
        assertEquals(List.of(-1.0, 0.5, 0.5, -1.0), weighted.answers().stream().map(GiftAnswer::fraction).toList());

        GiftQuestion partial = named(questions, "Difficult multiple choice question.");
        assertEquals(QuestionType.SINGLE, partial.type());
        assertEquals(0.5, partial.answers().get(1).fraction());
        assertEquals("half credit answer", partial.answers().get(1).text());

        GiftQuestion falseWithFeedback = named(questions, "Grant is buried in Grant's tomb. (2)");
        assertEquals(Boolean.FALSE, falseWithFeedback.truth());
        assertEquals("No, he's buried elsewhere.", falseWithFeedback.feedbackWrong());
        assertNull(falseWithFeedback.feedbackRight());

        GiftQuestion kanji = named(questions, "Kanji Origins");
        assertEquals("Japanese characters originally\ncame from what country?", kanji.stem());

        GiftQuestion escaped = named(questions, "Which answer equals 5?");
        assertEquals("= 2 + 3", escaped.answers().get(1).text());
        assertEquals(1.0, escaped.answers().get(1).fraction());
    }

    @Test
    void importThenExportRoundTrips() {
        List<GiftQuestion> imported = EnglishWords.parse(MOODLE_EXAMPLES);
        String exported = Gift.write(imported);
        List<GiftQuestion> again = EnglishWords.parse(exported);
        assertEquals(withoutLines(imported), withoutLines(again));
        assertEquals(exported, Gift.write(again));
    }

    @Test
    void theContentRepositorysCommentsBecomeSourcesAndSurviveTheRoundTrip() {
        String gift = """
                // source: (002 L40)
                // legal: UN Trafficking Protocol, Art. 3(b)
                ::fc-q01:: A victim said she agreed to the job. Is the consent relevant once deception was used? {
                  =It is irrelevant: deception as a means makes consent irrelevant. #Right: consent obtained by deception does not count.
                  ~It is a full defence for the recruiter. #No: consent obtained by deception has no effect.
                  ####Article 3(b) settles this.
                }
                """;
        GiftQuestion question = EnglishWords.parse(gift).get(0);
        assertEquals("(002 L40)", question.sourceRef());
        assertEquals("UN Trafficking Protocol, Art. 3(b)", question.legalSource());
        assertEquals("Article 3(b) settles this.", question.generalFeedback());
        assertEquals("It is irrelevant: deception as a means makes consent irrelevant.", question.answers().get(0).text());
        String exported = Gift.write(List.of(question));
        assertTrue(exported.startsWith("// source: (002 L40)\n// legal: UN Trafficking Protocol, Art. 3(b)\n::fc-q01::"), exported);
        assertTrue(exported.contains("=It is irrelevant\\: deception"), exported);
        assertEquals(withoutLines(List.of(question)), withoutLines(EnglishWords.parse(exported)));
    }

    @Test
    void errorsNameTheLineAndEveryProblemIsReported() {
        String broken = """
                ::ok:: A fine question {T}

                ::open:: The answers are never closed {
                  =yes
                  ~no

                ::none:: Which is right? {~a ~b ~c}

                ::weights:: Choose {~%fifty%a ~%50%b}

                ::sum:: Choose both {~%50%a ~%20%b ~c}

                ::ok:: Duplicate name {F}

                ::matching:: Match {=a -> 1}

                ::essay:: Write an essay {}
                """;
        GiftException e = assertThrows(GiftException.class, () -> EnglishWords.parse(broken));
        assertEquals(List.of(
                "line 3: the answer block opened here is not closed with '}'.",
                "line 7: the question has no correct answer: mark one with '=' or give weights such as ~%50%.",
                "line 9: the weight '%fifty%' is not a number.",
                "line 11: the positive weights add up to 70%, not 100%.",
                "line 13: the question name 'ok' is used twice in this file.",
                "line 15: a matching question needs at least two pairs '=item -> match'.",
                "line 17: essay questions ({}) are not supported: no one could mark them here; use short answer"
                        + " ({=answer})."), e.errors());
        assertEquals(400, e.status());
    }

    @Test
    void aShortAnswerNeedsAFullCreditAnswer() {
        GiftException e = assertThrows(GiftException.class, () -> EnglishWords.parse("\n\n::s:: Name it {=%50%almost}"));
        assertEquals(List.of("line 3: the question has no correct answer (an answer worth 100%)."), e.errors());
    }

    @Test
    void theLineOfAnAnswerBlockIsTheLineWhereItOpens() {
        GiftException e = assertThrows(GiftException.class,
                () -> EnglishWords.parse("// c\n::q:: A question\nwhose text\ngoes on {\n~a\n~b\n}"));
        assertEquals(List.of("line 4: the question has no correct answer: mark one with '=' or give weights such as ~%50%."),
                e.errors());
    }

    @Test
    void anAnswerLongerThanItsColumnNamesTheQuestionAndTheLimit() {
        String longAnswer = "x".repeat(Gift.ANSWER_LIMIT + 1);
        GiftException e = assertThrows(GiftException.class,
                () -> EnglishWords.parse("::q1:: Fine {=a ~b}\n\n::q2:: Too long {\n=a\n~" + longAnswer + "\n}"));
        assertEquals(List.of("line 3: question 'q2': answer 2 is 2,001 characters long; the limit is 2,000."),
                e.errors());
        assertEquals(1, EnglishWords.parse("::q:: Just fits {=a ~" + "x".repeat(Gift.ANSWER_LIMIT) + "}").size());
        GiftException feedback = assertThrows(GiftException.class,
                () -> EnglishWords.parse("::q:: Long feedback {=a #" + longAnswer + " ~b}"));
        assertEquals(List.of("line 1: question 'q': the feedback of answer 1 is 2,001 characters long; the limit is"
                + " 2,000."), feedback.errors());
    }

    @Test
    void answersPerQuestionAndQuestionsPerFileAreLimited() {
        StringBuilder many = new StringBuilder("::many:: Pick one {=right");
        for (int i = 0; i < Gift.MAX_ANSWERS; i++) {
            many.append(" ~wrong").append(i);
        }
        GiftException answers = assertThrows(GiftException.class, () -> EnglishWords.parse(many + "}"));
        assertEquals(List.of("line 1: question 'many' has more than 20 answers, the limit for one question."),
                answers.errors());
        StringBuilder bank = new StringBuilder();
        for (int i = 0; i <= Gift.MAX_QUESTIONS; i++) {
            bank.append("::q").append(i).append(":: Question ").append(i).append(" {T}\n\n");
        }
        GiftException questions = assertThrows(GiftException.class, () -> EnglishWords.parse(bank.toString()));
        assertEquals(List.of("line 1,001: the file has more than 500 questions, the limit for one file; split it."),
                questions.errors());
    }

    @Test
    void nulIsRefusedWithItsLine() {
        GiftException e = assertThrows(GiftException.class, () -> EnglishWords.parse("::q:: One {T}\n\n::r:: Two\0 {F}"));
        assertEquals(List.of("line 3: contains the character U+0000 (NUL), which cannot be stored; remove it."),
                e.errors());
    }

    static List<GiftQuestion> withoutLines(List<GiftQuestion> questions) {
        return questions.stream().map(q -> q.withLine(0)).toList();
    }
}
