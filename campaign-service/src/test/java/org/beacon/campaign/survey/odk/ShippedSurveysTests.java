package org.beacon.campaign.survey.odk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;

import org.beacon.campaign.survey.odk.FormSession.Problem;
import org.beacon.campaign.survey.odk.FormSession.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * The two surveys shipped in content/ use real form logic (issue 11, point 4): converted from their CSV sheets and
 * answered in JavaRosa, they behave as a respondent on ODK Collect or on the public form would see them.
 */
class ShippedSurveysTests {

    private static final String HEARD_FROM = "/data/heard_from";
    private static final String PEOPLE_TOLD = "/data/people_told";
    private static final String TOLD_WHOM = "/data/told_whom";

    private static FormSession session(String campaign) {
        return FormEngine.load(XlsFormConverter.convert(TestForms.shipped(campaign)).xml()).start();
    }

    @ParameterizedTest
    @ValueSource(strings = {"know-the-signs", "safe-journeys"})
    void notHavingHeardOfTheCampaignCannotBeTickedWithAChannelInAnyLanguage(String campaign) {
        FormSession session = session(campaign);

        session.answer(HEARD_FROM, "radio not_heard");

        assertEquals(List.of(new Violation(HEARD_FROM, Problem.CONSTRAINT,
                "« Je n'en ai pas entendu parler » ne peut pas être coché avec une autre réponse.")),
                violationsOf(session, HEARD_FROM, "fr"));
        assertEquals(List.of(new Violation(HEARD_FROM, Problem.CONSTRAINT, "لا يمكن اختيار «لم أسمع بها» مع إجابة أخرى.")),
                violationsOf(session, HEARD_FROM, "ar"));
        assertEquals("“I have not heard of it” cannot be combined with another answer.",
                violationsOf(session, HEARD_FROM, "en").get(0).message());
        assertEquals("«No he oído hablar de ella» no puede marcarse junto con otra respuesta.",
                violationsOf(session, HEARD_FROM, "es").get(0).message());
        assertEquals("«Não ouvi falar dela» não pode ser assinalado juntamente com outra resposta.",
                violationsOf(session, HEARD_FROM, "pt").get(0).message());

        session.answer(HEARD_FROM, "not_heard");
        assertEquals(List.of(), violationsOf(session, HEARD_FROM, "fr"), "not having heard of it, alone, is an answer");
        session.answer(HEARD_FROM, "radio community_meetings");
        assertEquals(List.of(), violationsOf(session, HEARD_FROM, "fr"), "several channels are an answer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"know-the-signs", "safe-journeys"})
    void whoTheRespondentToldIsAskedOnlyOfSomeoneWhoToldSomebody(String campaign) {
        FormSession session = session(campaign);
        session.answer(HEARD_FROM, "radio");

        assertFalse(session.isRelevant(TOLD_WHOM), "not asked before the number is known");
        session.answer(PEOPLE_TOLD, "0");
        assertFalse(session.isRelevant(TOLD_WHOM));
        session.answer(TOLD_WHOM, "family");
        assertTrue(violationsOf(session, TOLD_WHOM, "en").stream().anyMatch(v -> v.problem() == Problem.NOT_RELEVANT),
                "an answer to it is refused when it was not asked");

        session.answer(PEOPLE_TOLD, "3");
        assertTrue(session.isRelevant(TOLD_WHOM));
        assertEquals(List.of(), violationsOf(session, TOLD_WHOM, "en"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"know-the-signs", "safe-journeys"})
    void whoTheRespondentToldNamesNoMoreKindsOfPeopleThanPeopleTold(String campaign) {
        FormSession session = session(campaign);
        session.answer(HEARD_FROM, "radio");
        session.answer(PEOPLE_TOLD, "1");

        session.answer(TOLD_WHOM, "family friends");
        List<Violation> violations = violationsOf(session, TOLD_WHOM, "pt");
        assertEquals(List.of(Problem.CONSTRAINT), violations.stream().map(Violation::problem).toList());
        assertTrue(violations.get(0).message().startsWith("Não assinale mais respostas do que o número de pessoas"),
                violations.get(0).message());
        session.answer(TOLD_WHOM, "family");
        assertEquals(List.of(), violationsOf(session, TOLD_WHOM, "pt"));
    }

    @Test
    void safeJourneysAsksAboutTalkingOfTheCampaignOnlyOfSomeoneWhoHeardOfIt() {
        FormSession session = session("safe-journeys");

        session.answer(HEARD_FROM, "not_heard");
        assertFalse(session.isRelevant(PEOPLE_TOLD));
        assertTrue(violationsOf(session, PEOPLE_TOLD, "fr").isEmpty(), "a required question not asked needs no answer");

        session.answer(HEARD_FROM, "sms");
        assertTrue(session.isRelevant(PEOPLE_TOLD));
        assertEquals(List.of(Problem.REQUIRED), violationsOf(session, PEOPLE_TOLD, "fr").stream()
                .map(Violation::problem).toList(), "asked, it is required again");
    }

    @Test
    void knowTheSignsAsksHowManyPeopleWereToldOfEveryone() {
        FormSession session = session("know-the-signs");

        session.answer(HEARD_FROM, "not_heard");

        assertTrue(session.isRelevant(PEOPLE_TOLD), "the question is about the signs, not about the campaign");
    }

    @ParameterizedTest
    @ValueSource(strings = {"know-the-signs", "safe-journeys"})
    void theNumberOfPeopleToldIsRepeatedInTheNextQuestionInEveryLanguage(String campaign) {
        FormSession session = session(campaign);
        session.answer(HEARD_FROM, "radio");
        session.answer(PEOPLE_TOLD, "7");

        for (String language : List.of("en", "fr", "es", "pt", "ar")) {
            String label = session.label(TOLD_WHOM, language);
            assertTrue(label.contains(": 7."), language + ": " + label);
            assertFalse(label.contains("${") || label.contains("people_told"), language + ": " + label);
        }
        assertEquals(campaign.equals("know-the-signs")
                ? "Nombre de personnes à qui vous en avez parlé : 7. Qui étaient-elles ?"
                : "Nombre de personnes avec qui vous en avez parlé : 7. Qui étaient-elles ?",
                session.label(TOLD_WHOM, "fr"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"know-the-signs", "safe-journeys"})
    void theAttitudeStatementsAreOneFieldListGroupAndKeepTheirNames(String campaign) throws Exception {
        ConvertedForm form = XlsFormConverter.convert(TestForms.shipped(campaign));
        FormSession session = FormEngine.load(form.xml()).start();

        List<String> attitudes = session.questions().stream().filter(p -> p.startsWith("/data/attitudes/")).toList();
        assertEquals(4, attitudes.size(), session.questions().toString());
        assertTrue(attitudes.stream().allMatch(p -> p.matches("/data/attitudes/l_[a-z_]+")), attitudes.toString());
        Document xml = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(form.xml())));
        assertEquals("field-list", XPathFactory.newInstance().newXPath()
                .evaluate("//*[local-name()='group'][@ref='/data/attitudes']/@appearance", xml));
        // the questions results and the demo answers rely on stay where they were
        for (String name : List.of("age_band", "gender", "region", "heard_from", "people_told", "suggestion")) {
            assertTrue(session.questions().contains("/data/" + name), name + " in " + session.questions());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"know-the-signs", "safe-journeys"})
    void aCompleteAnswerPassesEveryRule(String campaign) {
        FormSession session = session(campaign);
        String group = "";
        for (XlsFormRows.Row row : TestForms.shipped(campaign).survey()) {
            String type = row.get("type");
            if (type.equals("begin group")) {
                group = row.get("name") + "/";
            } else if (type.equals("end group")) {
                group = "";
            } else if (type.startsWith("select_")) {
                String path = "/data/" + group + row.get("name");
                List<String> choices = session.choices(path);
                session.answer(path, choices.get(0).equals("not_heard") ? choices.get(1) : choices.get(0));
            }
        }
        session.answer(PEOPLE_TOLD, "2");
        session.answer(TOLD_WHOM, "friends leaders");

        assertEquals(List.of(), session.violations("ar"));
    }

    private static List<Violation> violationsOf(FormSession session, String path, String language) {
        return session.violations(language).stream().filter(v -> v.path().equals(path)).toList();
    }
}
