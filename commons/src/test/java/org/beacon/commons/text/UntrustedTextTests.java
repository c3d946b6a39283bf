package org.beacon.commons.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;

class UntrustedTextTests {

    @Test
    void overridesIsolatesAndZeroWidthCharactersAreRemoved() {
        // "invoice<RLO>fdp.exe" shows as "invoiceexe.pdf".
        assertEquals("invoicefdp.exe", UntrustedText.stripSpoofing("invoice\u202Efdp.exe"));
        assertEquals("ab", UntrustedText.stripSpoofing("\u2066a\u200B\u2060\uFEFFb\u2069"));
        assertEquals("", UntrustedText.stripSpoofing("\u202A\u202B\u202C\u202D\u202E\u2067\u2068"));
        assertNull(UntrustedText.stripSpoofing(null));
    }

    @Test
    void rightToLeftTextAndItsMarksStay() {
        String arabic = "\u0627\u0644\u0627\u062A\u062C\u0627\u0631 \u0628\u0627\u0644\u0628\u0634\u0631\u200F (2026)\u200E";
        assertSame(arabic, UntrustedText.stripSpoofing(arabic));
        assertEquals("\u05E9\u05DC\u05D5\u05DD", UntrustedText.stripSpoofing("\u05E9\u05DC\u05D5\u05DD"));
    }

    record Course(String title, List<String> sectors, Map<String, String> summary) {
    }

    @Test
    void jsonStringsWithNulAreRefusedWithTheirPath() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(UntrustedText.jacksonModule());
        InvalidFormatException title = assertThrows(InvalidFormatException.class,
                () -> mapper.readValue("{\"title\":\"a\\u0000b\"}", Course.class));
        assertEquals("title", title.getPath().get(0).getFieldName());
        InvalidFormatException sector = assertThrows(InvalidFormatException.class,
                () -> mapper.readValue("{\"sectors\":[\"police\",\"\\u0000\"]}", Course.class));
        assertEquals(1, sector.getPath().get(1).getIndex());
        assertThrows(InvalidFormatException.class,
                () -> mapper.readValue("{\"summary\":{\"e\\u0000n\":\"x\"}}", Course.class));
        assertEquals("a b", mapper.readValue("{\"title\":\"a b\"}", Course.class).title());
    }
}
