package org.beacon.commons.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A refusal's reason reads in the reader's language, with numbers in the reader's digits; the API keeps English. */
class ReasonTests {

    @Test
    void aReasonIsEnglishForProgramsAndTheReadersLanguageOnAPage() {
        Reason reason = Reason.of("detail.unavailable", "training");
        assertEquals("This part of Beacon (training) is not answering right now. Please try again in a minute.",
                reason.english());
        assertEquals("Cette partie de Beacon (training) ne répond pas pour le moment. Veuillez réessayer dans une"
                + " minute.", reason.text("fr"));
        assertEquals(reason.english(), reason.text("de"), "a language Beacon has no texts in reads English");
    }

    @Test
    void numbersTakeTheReadersDigitsAndTextStaysAsWritten() {
        assertEquals("This part of Beacon (1,234) is not answering right now. Please try again in a minute.",
                Reason.of("detail.unavailable", 1234).english());
        String arabic = Reason.of("detail.unavailable", 1234).text("ar");
        assertTrue(arabic.contains("(١٬٢٣٤)"), arabic);
        assertTrue(Reason.of("detail.unavailable", "1234").text("ar").contains("(1234)"),
                "an identifier passed as text reads as in the address");
    }

    @Test
    void aNestedReasonAndAListAreWrittenInTheSameLanguage() {
        Reason nested = Reason.of("detail.unavailable", Reason.of("home"));
        assertTrue(nested.text("fr").contains("(Retour à la page d'accueil)"), nested.text("fr"));
        assertTrue(Reason.of("detail.unavailable", List.of(1, 2)).text("ar").contains("(١، ٢)"),
                Reason.of("detail.unavailable", List.of(1, 2)).text("ar"));
    }

    @Test
    void anUnknownKeyFailsLoudly() {
        assertThrows(IllegalStateException.class, () -> Reason.of("no.such.key").english());
    }

    @Test
    void aProblemWithAReasonKeepsEnglishAsItsMessage() {
        ProblemException problem = ProblemException.conflict(Reason.of("detail.unavailable", 3));
        assertEquals(409, problem.status());
        assertEquals(Reason.of("detail.unavailable", 3).english(), problem.getMessage());
        assertTrue(problem.text("ar").contains("(٣)"), problem.text("ar"));
        assertEquals("As written", new ProblemException(400, "Bad request", "As written").text("fr"));
    }
}
