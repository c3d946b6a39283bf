package org.beacon.commons.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.beacon.commons.text.UntrustedText;
import org.junit.jupiter.api.Test;

/** The messages a client gets for a JSON body the services cannot take, read with the services' mapper settings. */
class JsonProblemsTests {

    record Module(String slug, Map<String, String> title) {
    }

    record Draft(Integer passMark, Boolean legalChange, Module module, List<Module> modules) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        new StrictJson().customize(MAPPER);
    }

    private static String problem(String json) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> MAPPER.readValue(json, Draft.class));
        return JsonProblems.describe(e);
    }

    @Test
    void aWrongTypeNamesTheFieldAndWhatWasExpected() {
        assertEquals("passMark: expected a whole number, got \"seventy\".", problem("{\"passMark\":\"seventy\"}"));
        assertEquals("module: expected an object, got a list.", problem("{\"module\":[1,2]}"));
        assertEquals("modules[1].title: expected an object, got a number.",
                problem("{\"modules\":[{\"slug\":\"a\"},{\"title\":7}]}"));
        assertEquals("(body): expected an object, got a list.", problem("[1,2]"));
    }

    @Test
    void aDuplicateKeyIsRefused() {
        assertEquals("(body): the key 'passMark' appears twice; send each key once.",
                problem("{\"passMark\":90,\"passMark\":10}"));
        assertEquals("module: the key 'slug' appears twice; send each key once.",
                problem("{\"module\":{\"slug\":\"a\",\"slug\":\"b\"}}"));
    }

    @Test
    void contentAfterTheValueIsRefused() {
        assertEquals("(body): unexpected content after the JSON value; send exactly one JSON value.",
                problem("{\"passMark\":70} {\"passMark\":10}"));
        assertEquals("(body): malformed JSON (line 1, column 16): Unrecognized token 'garbage': was expecting"
                + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                problem("{\"passMark\":70}garbage"));
    }

    @Test
    void malformedJsonSaysWhereAndWhat() {
        String problem = problem("{\"passMark\":70,}");
        assertEquals("passMark: malformed JSON (line 1, column 16): Unexpected character ('}' (code 125)): was"
                + " expecting double-quote to start field name", problem);
    }

    @Test
    void nulInAStringNamesTheField() {
        assertEquals("module.slug: " + UntrustedText.NUL_MESSAGE, problem("{\"module\":{\"slug\":\"a\\u0000\"}}"));
    }

    @Test
    void aPageReadsTheProblemInTheReadersLanguage() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> MAPPER.readValue("{\"passMark\":\"seventy\"}", Draft.class));
        assertEquals("passMark : valeur attendue : un nombre entier ; reçu : \"seventy\".",
                JsonProblems.reason(e).text("fr"));
        assertEquals("passMark: المتوقع: عدد صحيح، والوارد: \"seventy\".", JsonProblems.reason(e).text("ar"));
        JsonProcessingException twice = assertThrows(JsonProcessingException.class,
                () -> MAPPER.readValue("{\"passMark\":1,\"passMark\":2}", Draft.class));
        assertEquals("(body) : la clé « passMark » apparaît deux fois ; envoyez chaque clé une seule fois.",
                JsonProblems.reason(twice).text("fr"));
    }

    @Test
    void aPageReadsAFixedSentenceInsteadOfJacksonsOwn() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> MAPPER.readValue("{\"passMark\":70,}", Draft.class));
        // problem+json keeps Jackson's sentence; the page has none of it, only the place in the reader's digits.
        assertEquals("passMark : le JSON est mal formé à la ligne 1, colonne 16 : vérifiez les crochets, accolades,"
                + " virgules et guillemets à cet endroit.", JsonProblems.readerReason(e).text("fr"));
        assertEquals("passMark: بنية JSON غير سليمة في السطر ١، العمود ١٦: تحقّق من الأقواس والفواصل وعلامات الاقتباس"
                + " هناك.", JsonProblems.readerReason(e).text("ar"));
        assertEquals("passMark: the JSON is not well formed at line 1, column 16: check the brackets, commas and"
                + " quotes there.", JsonProblems.readerReason(e).english());
        JsonProcessingException wrongType = assertThrows(JsonProcessingException.class,
                () -> MAPPER.readValue("{\"passMark\":\"seventy\"}", Draft.class));
        assertEquals(JsonProblems.reason(wrongType), JsonProblems.readerReason(wrongType));
    }
}
