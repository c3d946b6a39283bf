package org.beacon.campaign.survey.odk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.beacon.campaign.survey.odk.FormSession.Problem;
import org.beacon.campaign.survey.odk.FormSession.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Forms converted by Beacon, answered in JavaRosa: the behaviour ODK Collect would show a respondent. */
class FormSessionTests {

    private static final String HEARD = """
            type,name,label::English (en),label::Français (fr),relevant,constraint,constraint_message::English (en),constraint_message::Français (fr),required
            select_one yn,heard,Have you heard of the campaign?,Avez-vous entendu parler de la campagne ?,,,,,yes
            select_multiple channel,where,Where?,Où ?,${heard} = 'yes',"not(selected(., 'none') and count-selected(.) > 1)",'None' goes alone,« Nulle part » va seul,yes
            """;
    private static final String CHANNELS = """
            list_name,name,label::English (en),label::Français (fr)
            yn,yes,Yes,Oui
            yn,no,No,Non
            channel,radio,Radio,Radio
            channel,poster,Poster,Affiche
            channel,none,Nowhere,Nulle part
            """;

    @Test
    void relevanceHidesAQuestionUntilItsConditionHolds() {
        FormSession session = TestForms.session("survey", HEARD, "choices", CHANNELS);

        assertFalse(session.isRelevant("/data/where"));
        session.answer("/data/heard", "no");
        assertFalse(session.isRelevant("/data/where"));
        session.answer("/data/heard", "yes");
        assertTrue(session.isRelevant("/data/where"));
    }

    @Test
    void answeringTheValueAQuestionHoldsComputesNothingAgainWhileANewValueDoes() {
        // random() shows whether the engine recomputed what depends on the answer
        FormSession session = TestForms.session("survey", """
                type,name,label::English (en),calculation
                integer,age,Age?,
                calculate,draw,,"if(${age} > 0, random(), 0)"
                """);
        session.answer("/data/age", "30");
        String drawn = session.value("/data/draw");

        session.answer("/data/age", " 30 ");
        assertEquals(drawn, session.value("/data/draw"), "the same answer again: nothing recomputed");
        session.answer("/data/age", "31");
        assertNotEquals(drawn, session.value("/data/draw"), "a new answer: recomputed");
        assertEquals("31", session.value("/data/age"));
    }

    @Test
    void aRequiredQuestionThatIsNotRelevantNeedsNoAnswer() {
        FormSession session = TestForms.session("survey", HEARD, "choices", CHANNELS);

        session.answer("/data/heard", "no");

        assertEquals(List.of(), session.violations("en"));
    }

    @Test
    void anAnswerToAQuestionThatWasNotAskedIsReported() {
        FormSession session = TestForms.session("survey", HEARD, "choices", CHANNELS);

        session.answer("/data/heard", "no");
        session.answer("/data/where", "radio");

        assertEquals(List.of(Problem.NOT_RELEVANT), problems(session.violations("en")));
    }

    @Test
    void aConstraintRefusesWithItsMessageInTheRespondentsLanguage() {
        FormSession session = TestForms.session("survey", HEARD, "choices", CHANNELS);

        session.answer("/data/heard", "yes");
        session.answer("/data/where", "radio none");

        assertEquals(List.of(new Violation("/data/where", Problem.CONSTRAINT, "« Nulle part » va seul")),
                session.violations("fr"));
        assertEquals("'None' goes alone", session.violations("en").get(0).message());
        session.answer("/data/where", "radio poster");
        assertEquals(List.of(), session.violations("fr"));
    }

    @Test
    void aRequiredQuestionLeftEmptyGetsItsTranslatedMessage() {
        FormSession session = TestForms.session("survey", """
                type,name,label::English (en),label::Français (fr),required,required_message::English (en),required_message::Français (fr)
                integer,age,Age,Âge,yes,Please give your age,Merci d'indiquer votre âge
                text,town,Town,Ville,yes,,
                """);

        assertEquals(List.of(new Violation("/data/age", Problem.REQUIRED, "Merci d'indiquer votre âge"),
                new Violation("/data/town", Problem.REQUIRED, "Désolé, cette réponse est obligatoire.")),
                session.violations("fr"));
    }

    @Test
    void aCalculationComputesFromTheAnswers() {
        FormSession session = TestForms.session("survey", """
                type,name,label,calculation
                integer,adults,Adults,
                integer,children,Children,
                calculate,household,,${adults} + ${children}
                note,summary,Your household has ${household} people,
                """);

        session.answer("/data/adults", "2");
        session.answer("/data/children", "3");

        assertEquals("5", session.value("/data/household"));
        assertEquals("Your household has 5 people", session.label("/data/summary", "en"));
    }

    @Test
    void aChoiceFilterOffersOnlyTheMatchingChoices() {
        FormSession session = TestForms.session(
                "survey", "type,name,label,choice_filter\nselect_one region,region,Region,\nselect_one town,town,Town,region=${region}",
                "choices", "list_name,name,label,region\nregion,north,North,\nregion,south,South,\ntown,n1,N1,north\ntown,n2,N2,north\ntown,s1,S1,south");

        session.answer("/data/region", "south");
        assertEquals(List.of("s1"), session.choices("/data/town"));
        session.answer("/data/town", "n1");
        assertEquals(List.of(Problem.UNKNOWN_CHOICE), problems(session.violations("en")));
        session.answer("/data/region", "north");
        assertEquals(List.of("n1", "n2"), session.choices("/data/town"));
        assertEquals(List.of(), session.violations("en"));
    }

    @Test
    void aLabelReferenceShowsTheAnswerAndTheChoiceLabelForASelect() {
        FormSession session = TestForms.session(
                "survey", """
                        type,name,label::English (en),label::Français (fr)
                        select_one yn,heard,Heard?,Entendu ?
                        text,town,Town,Ville
                        note,thanks,"You answered ${heard} in ${town}","Vous avez répondu ${heard} à ${town}"
                        """,
                "choices", CHANNELS);

        session.answer("/data/heard", "yes");
        session.answer("/data/town", "Thiès");

        assertEquals("You answered Yes in Thiès", session.label("/data/thanks", "en"));
        assertEquals("Vous avez répondu Oui à Thiès", session.label("/data/thanks", "fr"));
    }

    @Test
    void orOtherAddsAnOtherChoiceAndATextQuestionAskedOnlyWhenItIsChosen() {
        FormSession session = TestForms.session(
                "survey", "type,name,label::English (en),label::Français (fr)\nselect_multiple channel or_other,where,Where?,Où ?",
                "choices", CHANNELS);

        assertEquals(List.of("radio", "poster", "none", "other"), session.choices("/data/where"));
        assertTrue(session.questions().contains("/data/where_other"));
        assertFalse(session.isRelevant("/data/where_other"));
        assertEquals("Précisez.", session.label("/data/where_other", "fr"));
        session.answer("/data/where", "radio other");
        assertTrue(session.isRelevant("/data/where_other"));
        session.answer("/data/where_other", "a market stall");
        assertTrue(session.submission().contains("<where_other>a market stall</where_other>"), session.submission());
    }

    /**
     * The functions forms use in practice (issue 11), each computed by JavaRosa from the same answers. JavaRosa
     * stores a true/false result in a text node as 1/0, and its regex() must match the whole text.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "selected(${where}, 'poster')|1",
            "count-selected(${where})|2",
            "selected-at(${where}, 1)|poster",
            "jr:choice-name(${heard}, '${heard}')|Yes",
            "string-length(${town})|5",
            "regex(${town}, '[A-Z][a-zè]+')|1",
            "contains(${town}, 'hi')|1",
            "starts-with(${town}, 'Th')|1",
            "concat(${town}, '/', ${heard})|Thiès/yes",
            "substr(${town}, 0, 2)|Th",
            "if(${people} > 3, 'many', 'few')|many",
            "coalesce(${missing}, ${town})|Thiès",
            "int(${people} div 3)|1",
            "${people} mod 3|1",
            "number('4.5') * 2|9",
            "round(2.567, 1)|2.6",
            "string(${people})|4",
            "date('2999-12-05') < today()|0",
            "decimal-date-time('1970-01-02')|1",
            "once(${people} + 1)|5",
            "not(${heard} = 'no') and ${people} >= 4 or false()|1"})
    void theFunctionsFormsUseAreComputed(String calculation, String expected) {
        FormSession session = TestForms.session(
                "survey", """
                        type,name,label,calculation
                        select_one yn,heard,Heard?,
                        select_multiple channel,where,Where?,
                        text,town,Town?,
                        integer,people,People?,
                        text,missing,Missing?,
                        """ + "calculate,result,,\"" + calculation.replace("\"", "\"\"") + "\"",
                "choices", CHANNELS);

        session.answer("/data/heard", "yes");
        session.answer("/data/where", "radio poster");
        session.answer("/data/town", "Thiès");
        session.answer("/data/people", "4");

        assertEquals(expected, session.value("/data/result"));
    }

    @Test
    void aNameThatIsNotAChoiceOfTheListIsReported() {
        FormSession session = TestForms.session("survey", HEARD, "choices", CHANNELS);

        assertFalse(session.answer("/data/heard", "maybe"));

        assertEquals(List.of(new Violation("/data/heard", Problem.UNKNOWN_CHOICE, "'maybe' is not a choice of this question")),
                session.violations("en"));
    }

    @Test
    void aDefaultIsTheAnswerUntilChanged() {
        FormSession session = TestForms.session("survey", "type,name,label,default\ninteger,people,People,1\ndate,when,When,today()");

        assertEquals("1", session.value("/data/people"));
        assertFalse(session.value("/data/when").isEmpty());
    }

    @Test
    void aGroupsRelevanceHidesItsQuestions() {
        FormSession session = TestForms.session("survey", """
                type,name,label,relevant,required
                integer,age,Age,,yes
                begin group,adult,Adults,${age} >= 18,
                text,job,Job,,yes
                end group,,,,
                """);

        session.answer("/data/age", "12");
        assertFalse(session.isRelevant("/data/adult/job"));
        assertEquals(List.of(), session.violations("en"));
        session.answer("/data/age", "30");
        assertEquals(List.of(new Violation("/data/adult/job", Problem.REQUIRED, "Sorry, this response is required!")),
                session.violations("en"));
    }

    @Test
    void anAnswerOfTheWrongTypeIsReported() {
        FormSession session = TestForms.session("survey", "type,name,label\ninteger,people,People\ndate,when,When");

        assertFalse(session.answer("/data/people", "many"));
        assertTrue(session.answer("/data/when", "2026-12-05"));
        assertEquals(List.of(Problem.NOT_A_VALUE), problems(session.violations("en")));
    }

    @Test
    void aRangeAndAnAcknowledgeAreAnswerable() {
        FormSession session = TestForms.session("survey", """
                type,name,label,parameters,constraint
                range,score,Score,start=0 end=10 step=1,. <= 10
                acknowledge,ok,I understand,,
                """);

        session.answer("/data/score", "7");
        session.answer("/data/ok", "OK");

        assertEquals("7", session.value("/data/score"));
        assertEquals("OK", session.value("/data/ok"));
    }

    @Test
    void theSubmissionIsTheInstanceWithAnInstanceIdAndWithoutWhatWasNotAsked() {
        FormSession session = TestForms.session("survey", HEARD, "choices", CHANNELS);

        session.answer("/data/heard", "no");
        String submission = session.submission();

        assertTrue(submission.contains("<heard>no</heard>"), submission);
        assertFalse(submission.contains("<where"), submission);
        assertTrue(submission.matches("(?s).*<meta><instanceID>uuid:[0-9a-f-]{36}</instanceID></meta>.*"), submission);
    }

    @Test
    void twoSessionsOfOneFormKeepTheirAnswersApart() {
        FormEngine engine = FormEngine.load(TestForms.convert("survey", HEARD, "choices", CHANNELS).xml());
        FormSession first = engine.start();
        FormSession second = engine.start();

        first.answer("/data/heard", "yes");

        assertTrue(first.isRelevant("/data/where"));
        assertFalse(second.isRelevant("/data/where"));
        assertEquals("", second.value("/data/heard"));
    }

    @Test
    void sessionsOfOneEngineRunInParallelThreads() throws Exception {
        FormEngine engine = FormEngine.load(TestForms.convert("survey", HEARD, "choices", CHANNELS).xml());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Problem>>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                boolean heard = i % 2 == 0;
                results.add(threads.submit(() -> {
                    FormSession session = engine.start();
                    session.answer("/data/heard", heard ? "yes" : "no");
                    session.answer("/data/where", "radio none");
                    return problems(session.violations("en"));
                }));
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals(List.of(i % 2 == 0 ? Problem.CONSTRAINT : Problem.NOT_RELEVANT), results.get(i).get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aPathThatIsNotAQuestionIsRefused() {
        FormSession session = TestForms.session("survey", HEARD, "choices", CHANNELS);

        assertThrows(IllegalArgumentException.class, () -> session.answer("/data/nothing", "1"));
    }

    @Test
    void copiesReusedInEitherLanguageSpeakItAndBuildEachLanguagesTextsOnce() {
        FormEngine engine = FormEngine.load(TestForms.convert("survey", HEARD, "choices", CHANNELS).xml());
        for (String language : List.of("fr", "en", "fr", "fr", "en", "fr")) {
            try (FormSession session = engine.start()) {
                session.answer("/data/heard", "yes");
                session.answer("/data/where", "radio none");
                assertEquals(language.equals("fr") ? "« Nulle part » va seul" : "'None' goes alone",
                        session.violations(language).get(0).message());
                assertEquals(language.equals("fr") ? "Où ?" : "Where?", session.label("/data/where", language));
            }
        }
        assertEquals(1, engine.idleCopies(), "one copy served every respondent");
        assertEquals(2, engine.textsBuilt(), "English and French, once each");
    }

    @Test
    void aClosedSessionsCopyStartsTheNextRespondentUnanswered() {
        FormEngine engine = FormEngine.load(TestForms.convert("survey", HEARD, "choices", CHANNELS).xml());
        FormSession first = engine.start();
        first.answer("/data/heard", "yes");
        first.answer("/data/where", "radio");
        String firstInstance = instanceId(first.submission());
        first.label("/data/heard", "fr");
        first.close();
        assertEquals(1, engine.idleCopies());

        FormSession next = engine.start();

        assertEquals(0, engine.idleCopies(), "the copy the first respondent used is reused");
        assertEquals("", next.value("/data/heard"));
        assertEquals("", next.value("/data/where"));
        assertFalse(next.isRelevant("/data/where"));
        assertEquals(List.of(Problem.REQUIRED), problems(next.violations("en")));
        assertNotEquals(firstInstance, instanceId(next.submission()), "a new instance gets a new instanceID");
    }

    @Test
    void copiesHandedFromThreadToThreadKeepRespondentsApart() throws Exception {
        FormEngine engine = FormEngine.load(TestForms.convert("survey", HEARD, "choices", CHANNELS).xml());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Problem>>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean heard = i % 2 == 0;
                results.add(threads.submit(() -> {
                    try (FormSession session = engine.start()) {
                        if (heard) {
                            session.answer("/data/heard", "yes");
                            session.answer("/data/where", "radio none");
                        }
                        return problems(session.violations("en"));
                    }
                }));
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals(List.of(i % 2 == 0 ? Problem.CONSTRAINT : Problem.REQUIRED), results.get(i).get());
            }
            assertTrue(engine.idleCopies() <= 4, "no more copies than sessions at once");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aClosedSessionCannotBeUsedAnyMore() {
        FormSession session = TestForms.session("survey", HEARD, "choices", CHANNELS);
        session.close();

        assertThrows(IllegalStateException.class, () -> session.answer("/data/heard", "yes"));
        assertThrows(IllegalStateException.class, () -> session.violations("en"));
        assertThrows(IllegalStateException.class, session::submission);
    }

    @Test
    void idleCopiesAreBoundedPerFormAndOverForms() {
        FormEngine one = FormEngine.load(TestForms.convert("survey", HEARD, "choices", CHANNELS).xml());
        FormEngine other = FormEngine.load(TestForms.convert("survey", HEARD, "choices", CHANNELS).xml());
        FormEngine.keep(1, 2);
        try {
            List<FormSession> sessions = List.of(one.start(), one.start(), one.start());
            sessions.forEach(FormSession::close);
            assertEquals(2, one.idleCopies(), "two kept, the third dropped");

            other.start().close();

            assertEquals(1, other.idleCopies());
            assertEquals(0, one.idleCopies(), "the form answered least recently loses its copies");
        } finally {
            FormEngine.keep(8, 8);
        }
    }

    @Test
    void aRetiredFormKeepsNoCopies() {
        FormEngine engine = FormEngine.load(TestForms.convert("survey", HEARD, "choices", CHANNELS).xml());
        engine.start().close();

        engine.retire();

        assertEquals(0, engine.idleCopies());
    }

    private static String instanceId(String submission) {
        return submission.replaceAll("(?s).*<instanceID>([^<]*)</instanceID>.*", "$1");
    }

    private static List<Problem> problems(List<Violation> violations) {
        return violations.stream().map(Violation::problem).toList();
    }
}
