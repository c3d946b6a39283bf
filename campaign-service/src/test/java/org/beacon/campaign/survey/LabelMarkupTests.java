package org.beacon.campaign.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The styling ODK allows in labels, as the public form shows it and as results write it. */
class LabelMarkupTests {

    @Test
    void emphasisStrongAndHeadingsAreShownInTheLabelsLine() {
        assertEquals("<strong>Have you</strong> heard of <em>the campaign</em> or <em>its</em> <strong>hotline</strong>?",
                LabelMarkup.toHtml("**Have you** heard of *the campaign* or _its_ __hotline__?"));
        assertEquals("<strong>Section 2</strong><br />Where were you?", LabelMarkup.toHtml("# Section 2\nWhere were you?"));
        assertEquals("First line<br />second line", LabelMarkup.toHtml("First line\nsecond line"));
    }

    @Test
    void aNumberedQuestionStaysNumberedAndPlainTextIsEscaped() {
        assertEquals("1. Have you heard of it?", LabelMarkup.toHtml("1. Have you heard of it?"));
        assertEquals("- or not", LabelMarkup.toHtml("- or not"));
        assertEquals("Under 18 &lt; 5 &amp; more", LabelMarkup.toHtml("Under 18 < 5 & more"));
        assertEquals("Age in years", LabelMarkup.toHtml("Age in years"));
    }

    @Test
    void linksKeepOnlySafeAddressesAndNoScriptOrColourReachesTheReader() {
        String link = LabelMarkup.toHtml("Call [the hotline](tel:+221800)");
        assertTrue(link.startsWith("Call <a href=\"tel:&#43;221800\" rel=\"") && link.endsWith("\">the hotline</a>")
                && link.contains("noopener") && link.contains("noreferrer"), link);
        String hostile = LabelMarkup.toHtml("<span style=\"color:red\">Warning</span> <script>alert(1)</script>"
                + " [x](javascript:alert(1)) <img src=x onerror=alert(1)>");
        assertFalse(hostile.contains("<script") || hostile.contains("javascript:") || hostile.contains("<img")
                || hostile.contains("style=") || hostile.contains("onerror"), hostile);
        assertEquals("Warning", LabelMarkup.toHtml("<span style=\"color:red\">Warning</span>"));
    }

    @Test
    void resultsAndFilesGetTheWordsWithoutStyling() {
        assertEquals("Have you heard of the campaign?", LabelMarkup.toPlain("**Have you** heard of *the campaign*?"));
        assertEquals("Warning: read this", LabelMarkup.toPlain("<span style=\"color:red\">Warning</span>: read this"));
        assertEquals("1. Have you heard of it?", LabelMarkup.toPlain("1. Have you heard of it?"));
        assertEquals("Under 18 < 5", LabelMarkup.toPlain("Under 18 < 5"));
    }
}
