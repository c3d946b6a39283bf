package org.beacon.campaign.material;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkdownTextTests {

    static final String SCRIPT = """
            **PRESENTER:** Domestic work is real work. (000 L7346, 000 L3141)

            | Sign | What to do |
            | --- | --- |
            | Papers kept by the employer (003 L1332) | Call the hotline |
            | <script>alert(1)</script> | <img src=x onerror=alert(2)> |
            """;

    @Test
    void aPipeTableIsATableInsideItsScrollBoxAndItsCellsAreSanitised() {
        String html = MarkdownText.toSafeHtml(SCRIPT);
        assertTrue(html.contains("<div class=\"table-scroll\"><table>"), html);
        assertTrue(html.contains("<th>Sign</th>"), html);
        assertTrue(html.contains("</table></div>"), html);
        assertFalse(html.contains("<script") || html.contains("<img") || html.contains("onerror"), html);
    }

    @Test
    void managersReadTheReferencesThePublicDoesNot() {
        assertTrue(MarkdownText.toSafeHtml(SCRIPT).contains("(000 L7346, 000 L3141)"));
        String html = MarkdownText.toPublicHtml(SCRIPT);
        assertFalse(html.matches("(?s).*\\d{3} L\\d+.*"), html);
        assertTrue(html.contains("Domestic work is real work.</p>"), html);
        assertTrue(html.contains("<td>Papers kept by the employer</td>"), html);
    }

    @Test
    void rawHtmlTablesGetNoScrollBoxClassFromAnAuthor() {
        String html = MarkdownText.toSafeHtml("<div class=\"table-scroll\" onclick=\"x()\">text</div>");
        assertFalse(html.contains("class="), html);
        assertFalse(html.contains("onclick"), html);
    }
}
