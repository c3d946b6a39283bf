package org.beacon.commons.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** An audit summary is stored as a key and typed arguments, and read back in any interface language. */
class AuditSummaryTests {

    private static final AuditSummary PUBLISHED = AuditSummary.of("thing.published", "poster-2026", 12,
            AuditSummary.languages(List.of("fr", "pt")), LocalDate.of(2026, 3, 1), AuditSummary.word("status.draft"));

    @Test
    void argumentsAreRenderedInTheReadersLanguage() {
        assertEquals("Version 12 of poster-2026 published in French, Portuguese on Mar 1, 2026, draft.",
                PUBLISHED.english());
        assertEquals("Version 12 de poster-2026 publiée en français, portugais le 1 mars 2026, brouillon.",
                PUBLISHED.text("fr"));
        // Arabic digits and comma; the slug isolated so that its direction does not disturb the sentence.
        assertEquals("نُشرت النسخة ١٢ من \u2068poster-2026\u2069 باللغات: الفرنسية، البرتغالية في "
                + "٠١\u200f/٠٣\u200f/٢٠٢٦، مسودة.", PUBLISHED.text("ar"));
        // A language Beacon has no texts in reads English; Spanish has no file here, so English texts, Spanish names.
        assertEquals(PUBLISHED.english(), PUBLISHED.text("de"));
    }

    @Test
    void storedArgumentsReadBackAsTheyWereWritten() {
        String json = PUBLISHED.argumentsJson();
        assertEquals("[\"poster-2026\",12,[{\"language\":\"fr\"},{\"language\":\"pt\"}],{\"date\":\"2026-03-01\"},"
                + "{\"key\":\"status.draft\",\"arguments\":[]}]", json);
        AuditSummary read = AuditSummary.read("thing.published", json);
        assertEquals(PUBLISHED.text("fr"), read.text("fr"));
        assertEquals(PUBLISHED.text("ar"), read.text("ar"));
        AuditSummary nested = AuditSummary.of("thing.count", AuditSummary.of("thing.period", LocalDate.of(2026, 1, 2)));
        assertEquals("Éléments : à partir du 2 janv. 2026.",
                AuditSummary.read(nested.key(), nested.argumentsJson()).text("fr"));
    }

    @Test
    void anEntryWithoutKeyOrWithAKeyNoLongerKnownIsShownAsStored() {
        assertEquals("Created poster.", AuditSummary.shown(null, null, "Created poster.", "fr"));
        assertEquals("Old words.", AuditSummary.shown("thing.retired", "[]", "Old words.", "fr"));
        assertEquals("Unreadable.", AuditSummary.shown("thing.count", "{not json", "Unreadable.", "fr"));
        assertEquals("Éléments : 1 234.", AuditSummary.shown("thing.count", "[1234]", "Items: 1,234.", "fr")
                .replace('\u202f', ' ').replace('\u00a0', ' '));
    }

    @Test
    void aWordTheBundleDoesNotKnowIsShownAsItsCode() {
        assertEquals("Items: submitted.", AuditSummary.of("thing.count", AuditSummary.word("status.submitted"))
                .english());
    }
}
