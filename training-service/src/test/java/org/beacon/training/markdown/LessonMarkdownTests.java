package org.beacon.training.markdown;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class LessonMarkdownTests {

    static final String TABLE = """
            Compare the two crimes:

            | | Trafficking | Smuggling |
            | --- | :---: | ---: |
            | Consent | irrelevant | **given** |
            | Border | not needed | <script>alert(1)</script> crossed |
            """;

    @Test
    void aPipeTableIsATableInsideItsScrollBox() {
        String html = LessonMarkdown.render(TABLE, Map.of());
        assertTrue(html.contains("<div class=\"table-scroll\"><table>"), html);
        assertTrue(html.contains("</table></div>"), html);
        assertTrue(html.contains("<th>Trafficking</th>") || html.contains("<th align=\"center\">Trafficking</th>"), html);
        assertTrue(html.contains("<strong>given</strong>"), html);
        assertFalse(html.contains("| --- |"), "no raw pipe text is left: " + html);
    }

    @Test
    void aTableCellIsSanitisedAsAnyOtherText() {
        String html = LessonMarkdown.render(TABLE, Map.of());
        assertFalse(html.contains("<script"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
    }

    @Test
    void rawHtmlTablesAndClassesStayText() {
        String html = LessonMarkdown.render("<table class=\"evil\"><tr><td>x</td></tr></table>\n\n<div class=\"table-scroll\">y</div>",
                Map.of());
        assertFalse(html.contains("<table"), html);
        assertFalse(html.contains("<div"), html);
    }

    @Test
    void theOfflinePackageGetsTheSameTables() {
        String html = LessonMarkdown.renderOffline(TABLE, name -> null);
        assertTrue(html.contains("<div class=\"table-scroll\"><table>"), html);
    }
}
