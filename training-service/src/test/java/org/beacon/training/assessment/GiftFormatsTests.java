package org.beacon.training.assessment;

import static org.beacon.training.assessment.GiftTests.named;
import static org.beacon.training.assessment.GiftTests.withoutLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.beacon.training.assessment.Gift.GiftException;
import org.beacon.training.assessment.GiftQuestion.GiftAnswer;
import org.junit.jupiter.api.Test;

/**
 * What Moodle's GIFT page describes beyond choices, true/false and short answers: text formats, numerical and
 * matching questions, descriptions and {@code {One}} short answers. The examples follow the page's, in this
 * project's words.
 */
class GiftFormatsTests {

    /** One item of each feature, as Moodle writes them. */
    static final String BANK = """
            ::intro:: The next questions are about the hotline. Keep the card with its number at hand.

            ::hotline-digits:: How many digits does the national hotline number have? {#6}

            ::hours:: How many hours may a labour inspector keep a workplace closed without a court order? {#48:2}

            ::age:: At what age does a person stop being a child under the Protocol? {#17.5..18.5}

            ::shelters:: How many shelters did the ministry list in the capital? {#
               =12 # Right: twelve, of which three for men.
               =%50%12:3 # Close: the list has twelve.
            }

            ::means:: Match each means with an example. {
               =Deception -> a false job offer
               =Coercion -> threats against the family
               =Abuse of vulnerability -> a debt that cannot be repaid
               = -> a signed contract
               #### Article 3(a) lists the means.
            }

            [markdown]The **capital** of the country is {Rabat}.

            ::fmt-md::[markdown]Which document proves **identity**? {
               =A passport # *Right*
               ~[plain]A <b>bus</b> ticket # Not an identity document.
               ####See [the guide](https://example.org/guide).
            }

            ::fmt-html::[html]<p>Is <strong>consent</strong> relevant once deception was used?</p><script>alert(1)</script> {F#[html]<em>No</em>: consent obtained by deception does not count.}

            ::fmt-moodle::[moodle]First line
            second line {=one ~two}

            ::fmt-plain::[plain]Is 2 < 3 and <b>bold</b> shown as written? {T}

            ::thirds:: Which are elements of trafficking for an adult victim? {
               ~%33.33333%The act
               ~%33.33333%The means
               ~%33.33334%The purpose
               ~%-100%The victim's consent
            }
            """;

    @Test
    void numericalQuestionsKeepNumberToleranceRangeAndWeights() {
        List<GiftQuestion> questions = EnglishWords.parse(BANK);
        assertEquals(List.of(new GiftAnswer("6", 1.0, null, BigDecimal.ZERO, null)),
                named(questions, "hotline-digits").answers());
        assertEquals(List.of(new GiftAnswer("48", 1.0, null, new BigDecimal("2"), null)),
                named(questions, "hours").answers());
        // A range is its middle and half its width, as Moodle stores it.
        assertEquals(List.of(new GiftAnswer("18", 1.0, null, new BigDecimal("0.5"), null)),
                named(questions, "age").answers());
        GiftQuestion shelters = named(questions, "shelters");
        assertEquals(QuestionType.NUMERICAL, shelters.type());
        assertEquals(List.of(new GiftAnswer("12", 1.0, "Right: twelve, of which three for men.", BigDecimal.ZERO, null),
                new GiftAnswer("12", 0.5, "Close: the list has twelve.", new BigDecimal("3"), null)),
                shelters.answers());
    }

    @Test
    void matchingPairsKeepTheirOrderDistractorAndGeneralFeedback() {
        GiftQuestion means = named(EnglishWords.parse(BANK), "means");
        assertEquals(QuestionType.MATCHING, means.type());
        assertEquals(List.of(new GiftAnswer("Deception", 1.0, null, null, "a false job offer"),
                new GiftAnswer("Coercion", 1.0, null, null, "threats against the family"),
                new GiftAnswer("Abuse of vulnerability", 1.0, null, null, "a debt that cannot be repaid"),
                new GiftAnswer("", 0.0, null, null, "a signed contract")), means.answers());
        assertEquals("Article 3(a) lists the means.", means.generalFeedback());
    }

    @Test
    void descriptionsAreKeptBetweenQuestionsInTheirPlace() {
        List<GiftQuestion> questions = EnglishWords.parse(BANK);
        GiftQuestion intro = questions.get(0);
        assertEquals("intro", intro.name());
        assertEquals(QuestionType.DESCRIPTION, intro.type());
        assertEquals("The next questions are about the hotline. Keep the card with its number at hand.", intro.stem());
        assertTrue(intro.answers().isEmpty());
        // Unnamed, it is named after its text, as a question is.
        GiftQuestion unnamed = EnglishWords.parse("Read the case below before answering.\n\n::q:: Ready? {T}").get(0);
        assertEquals("Read the case below before answering.", unnamed.name());
    }

    @Test
    void aSingleAnswerWithoutEqualsIsAShortAnswerAsInMoodle() {
        GiftQuestion capital = EnglishWords.parse("::c:: The capital is {Rabat}.").get(0);
        assertEquals(QuestionType.SHORT, capital.type());
        assertEquals("The capital is _____ .", capital.stem());
        assertEquals(List.of(new GiftAnswer("Rabat", 1.0, null)), capital.answers());
        GiftQuestion both = EnglishWords.parse("::c:: Name the city {Rabat =Ribat#old spelling}").get(0);
        assertEquals(List.of(new GiftAnswer("Rabat", 1.0, null), new GiftAnswer("Ribat", 1.0, "old spelling")),
                both.answers());
    }

    @Test
    void formatsAreReadNeverKeptAsLiteralTextAndAnswersInheritTheStemsFormat() {
        List<GiftQuestion> questions = EnglishWords.parse(BANK);
        GiftQuestion md = named(questions, "fmt-md");
        assertEquals("[markdown]Which document proves **identity**?", md.stem());
        assertEquals("Which document proves identity?", QuestionText.plain(md.stem()));
        assertEquals("Which document proves <strong>identity</strong>?", QuestionText.html(md.stem()));
        assertEquals("[markdown]A passport", md.answers().get(0).text());
        assertEquals("[markdown]*Right*", md.answers().get(0).feedback());
        assertEquals("A <b>bus</b> ticket", md.answers().get(1).text());
        assertEquals("A &lt;b&gt;bus&lt;/b&gt; ticket", QuestionText.html(md.answers().get(1).text()));
        assertEquals("[markdown]See [the guide](https://example.org/guide).", md.generalFeedback());
        // The name made from a formatted text is what a reader sees, not the markup.
        assertEquals("The capital of the country is _____ .",
                named(questions, "The capital of the country is _____ .").name());

        GiftQuestion html = named(questions, "fmt-html");
        String shown = QuestionText.html(html.stem());
        assertTrue(shown.contains("<strong>consent</strong>"), shown);
        assertFalse(shown.contains("script") || shown.contains("alert"), shown);
        assertEquals("<em>No</em>: consent obtained by deception does not count.",
                QuestionText.html(html.feedbackWrong()));

        GiftQuestion moodle = named(questions, "fmt-moodle");
        assertEquals("First line<br />\nsecond line", QuestionText.html(moodle.stem()));

        GiftQuestion plain = named(questions, "fmt-plain");
        assertEquals("Is 2 < 3 and <b>bold</b> shown as written?", plain.stem());
        assertEquals("Is 2 &lt; 3 and &lt;b&gt;bold&lt;/b&gt; shown as written?", QuestionText.html(plain.stem()));
    }

    @Test
    void exportWritesFormatsNumbersPairsAndDescriptionsBackAndReadsTheSame() {
        List<GiftQuestion> imported = EnglishWords.parse(BANK);
        String exported = Gift.write(imported);
        assertTrue(exported.contains("::fmt-md:: [markdown]Which document proves **identity**? {"), exported);
        assertTrue(exported.contains("  ~[plain]A <b>bus</b> ticket #Not an identity document."), exported);
        assertTrue(exported.contains("  =%50%12:3 #Close\\: the list has twelve."), exported);
        assertTrue(exported.contains("  =18:0.5\n"), exported);
        assertTrue(exported.contains("  =Deception -> a false job offer\n"), exported);
        assertTrue(exported.contains("  = -> a signed contract\n"), exported);
        assertTrue(exported.startsWith("::intro:: The next questions are about the hotline. Keep the card with its"
                + " number at hand.\n"), exported);
        List<GiftQuestion> again = EnglishWords.parse(exported);
        assertEquals(withoutLines(imported), withoutLines(again));
        assertEquals(exported, Gift.write(again));
    }

    @Test
    void weightsKeepEveryDecimalMoodleWrites() {
        assertTrue(Gift.write(EnglishWords.parse(BANK)).contains("  ~%33.33334%The purpose\n"));
        String gift = "::third:: Pick the two {~%33.33333%a ~%66.66667%b ~%-33.33333%c}";
        GiftQuestion question = EnglishWords.parse(gift).get(0);
        String exported = Gift.write(List.of(question));
        assertTrue(exported.contains("~%33.33333%a"), exported);
        assertTrue(exported.contains("~%66.66667%b"), exported);
        assertTrue(exported.contains("~%-33.33333%c"), exported);
        assertEquals("0.001", Gift.percent(0.00001));
        assertEquals("70", Gift.percent(0.7000000000000001));
    }

    @Test
    void refusalsNameLineAndFeature() {
        String broken = """
                ::essay:: Describe the case {}

                ::num-word:: How many? {#twelve}

                ::num-range:: Between? {#5..1}

                ::num-none:: Which? {#=%50%3 =%20%4}

                ::pair-missing:: Match {=a -> 1 =b}

                ::pair-feedback:: Match {=a -> 1 #good =b -> 2}

                ::one-pair:: Match {=a -> 1 = -> 2}

                ::empty-description:: [markdown]
                """;
        GiftException e = assertThrows(GiftException.class, () -> EnglishWords.parse(broken));
        assertEquals(List.of(
                "line 1: essay questions ({}) are not supported: no one could mark them here; use short answer"
                        + " ({=answer}).",
                "line 3: numerical question: 'twelve' is not a number, a number:tolerance or a range min..max.",
                "line 5: numerical question: the range '5..1' ends below its start.",
                "line 7: numerical question: no answer is worth 100%.",
                "line 9: matching question: 'b' is not a pair written '=item -> match'.",
                "line 11: matching question: pairs have no feedback ('#'); give the question's feedback after '####'.",
                "line 13: a matching question needs at least two pairs '=item -> match'.",
                "line 15: the description has no text."), e.errors());
    }

    @Test
    void aPlainTextThatStartsLikeAFormatStaysPlain() {
        String stored = QuestionText.stored(QuestionText.Format.PLAIN, "[html] is how Moodle marks HTML");
        assertEquals(QuestionText.Format.PLAIN, QuestionText.format(stored));
        assertEquals("[html] is how Moodle marks HTML", QuestionText.plain(stored));
        GiftQuestion q = new GiftQuestion("q", QuestionType.TRUEFALSE, stored, List.of(), true, null, null, null, null,
                null, 0);
        assertEquals(withoutLines(List.of(q)), withoutLines(EnglishWords.parse(Gift.write(List.of(q)))));
        assertNull(QuestionText.html(null));
    }
}
