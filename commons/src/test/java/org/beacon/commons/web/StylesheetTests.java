package org.beacon.commons.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** What the shared stylesheet promises phones and the Arabic interface, for every service's pages. */
class StylesheetTests {

    static String css() throws IOException {
        try (InputStream in = StylesheetTests.class.getResourceAsStream("/META-INF/resources/static/beacon.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("/\\*.*?\\*/", "");
        }
    }

    @Test
    void textFollowsItsOwnDirectionSoLtrContentInTheArabicInterfaceIsLeftAligned() throws IOException {
        String css = css();
        // A fixed "right" for rtl pages is inherited by French or English content marked dir="ltr".
        assertFalse(Pattern.compile("text-align\\s*:\\s*(right|left)").matcher(css).find(), css);
        assertTrue(css.contains("[dir=ltr]{text-align:start}"), css);
    }

    @Test
    void onANarrowScreenAWideTableScrollsInItsOwnBox() throws IOException {
        String css = css();
        assertTrue(Pattern.compile("@media \\(max-width:40rem\\)\\{table\\{[^}]*display:block[^}]*overflow-x:auto")
                .matcher(css).find(), css);
    }
}
