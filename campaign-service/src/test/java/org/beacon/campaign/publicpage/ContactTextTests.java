package org.beacon.campaign.publicpage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.beacon.campaign.publicpage.ContactText.Part;
import org.junit.jupiter.api.Test;

class ContactTextTests {

    @Test
    void aNumberBecomesATelAddressOfItsDigitsKeepingThePlus() {
        assertEquals(List.of(new Part("+221 33 889-12.34", "tel:+221338891234")),
                ContactText.parts("+221 33 889-12.34"));
        assertEquals(List.of(new Part("(0)800 123 456", "tel:0800123456")), ContactText.parts("(0)800 123 456"));
    }

    @Test
    void textAroundNumbersStaysTextAndShortCodesAreNumbers() {
        assertEquals(List.of(new Part("Call ", null), new Part("116", "tel:116"), new Part(" or ", null),
                new Part("+33 1 23 45 67 89", "tel:+33123456789"), new Part(", any day", null)),
                ContactText.parts("Call 116 or +33 1 23 45 67 89, any day"));
    }

    @Test
    void timesDatesAndWordsAreNotNumbers() {
        for (String text : List.of("Open 8:00-18:00", "From 18h to 22h", "Since 06/12/2026", "Room B12", "Two digits 42",
                "DEMO — replace with the verified national hotline", "contact@help.example")) {
            assertEquals(List.of(new Part(text, null)), ContactText.parts(text), text);
        }
    }
}
