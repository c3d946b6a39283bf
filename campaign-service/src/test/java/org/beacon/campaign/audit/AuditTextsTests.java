package org.beacon.campaign.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Every audit text exists in the five interface languages, with the same arguments as in English. */
class AuditTextsTests {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");

    private static Properties texts(String suffix) throws IOException {
        try (InputStream in = AuditTextsTests.class.getResourceAsStream("/i18n/audit" + suffix + ".properties")) {
            assertNotNull(in, "i18n/audit" + suffix + ".properties");
            Properties texts = new Properties();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return texts;
        }
    }

    private static Set<String> arguments(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    @Test
    void everyLanguageHasEveryTextWithTheSameArguments() throws IOException {
        Properties english = texts("");
        for (String language : new String[] { "fr", "es", "pt", "ar" }) {
            Properties translated = texts("_" + language);
            assertEquals(english.stringPropertyNames(), translated.stringPropertyNames(), language);
            for (String key : english.stringPropertyNames()) {
                String text = translated.getProperty(key);
                assertFalse(text.isBlank(), language + " " + key);
                assertEquals(arguments(english.getProperty(key)), arguments(text), language + " " + key);
            }
        }
    }
}
