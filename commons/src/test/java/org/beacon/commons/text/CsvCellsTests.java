package org.beacon.commons.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvCellsTests {

    @Test
    void everyFormulaStartGetsASingleQuoteInFront() {
        for (String planted : List.of("=HYPERLINK(\"http://x.test\",\"open\")", "+1+cmd|' /C calc'!A0", "-2+3",
                "@SUM(1,2)", "\t=1+1", "\r=1+1")) {
            assertEquals("'" + planted, CsvCells.neutralise(planted), planted);
            assertTrue(CsvCells.isFormulaLike(planted));
        }
    }

    @Test
    void ordinaryTextAndNumbersStayAsTheyAre() {
        for (String text : List.of("Radio", "< 10", "25-49", "50+", "“=quoted”", " =1", "", "'already")) {
            assertEquals(text, CsvCells.neutralise(text), text);
        }
        assertFalse(CsvCells.isFormulaLike(""));
        assertEquals("", CsvCells.neutralise(null));
        // A change of -3.5 points stays a number a spreadsheet can add; the same figure as text is quoted.
        assertEquals(Arrays.asList(-3.5, 12L, "", "'-3.5 pp", "Dakar"),
                CsvCells.record(-3.5, 12L, null, "-3.5 pp", "Dakar"));
    }
}
