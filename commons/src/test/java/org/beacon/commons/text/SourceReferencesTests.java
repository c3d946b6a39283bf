package org.beacon.commons.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class SourceReferencesTests {

    @Test
    void oneReferenceGoesWithTheSpaceBeforeIt() {
        assertEquals("Act, means and purpose.", SourceReferences.hidden("Act, means and purpose. (002 L185)"));
        assertEquals("Act, means and purpose.", SourceReferences.hidden("Act, means and purpose (002 L185)."));
    }

    @Test
    void listsRangesAndRunsOfReferencesGoToo() {
        assertEquals("Watch for these signs.",
                SourceReferences.hidden("Watch for these signs. (003 L1332, 003 L1333, 000 L3145, 003 L523)"));
        assertEquals("Text.", SourceReferences.hidden("Text. (000 L6474-6480)"));
        assertEquals("Text. Next sentence.", SourceReferences.hidden("Text. (000 L3883) (000 L3884) Next sentence."));
        assertEquals("| Act | Palermo Protocol |", SourceReferences.hidden("| Act (002 L17) | Palermo Protocol |"));
        assertEquals("نص.", SourceReferences.hidden("نص. (002 L17، 002 L19)"));
    }

    @Test
    void otherBracketsStay() {
        for (String text : List.of("Adopted in 2000 (2016 revision).", "Article 3 (a) applies.", "(Art. 3)",
                "A call (116) is free.", "Line L17 (see above)", "")) {
            assertEquals(text, SourceReferences.hidden(text), text);
        }
        assertNull(SourceReferences.hidden(null));
    }

    @Test
    void linesAndParagraphsKeepTheirBreaks() {
        assertEquals("First. \n\nSecond.", SourceReferences.hidden("First. (002 L17) \n\nSecond. (002 L19)"));
    }
}
