package org.beacon.training.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import org.beacon.training.assessment.GiftMessages;
import org.junit.jupiter.api.Test;

/**
 * A number reaches a training message only as text already written in the reader's notation: a message that took an
 * {@code int} would print it with Latin digits on an Arabic page, and a bundle that wrote digits into its own words
 * would too. Both are refused here, for every message at once.
 */
class ReaderNumbersRuleTests {

    /**
     * Tokens of the Arabic bundle that are not numbers a reader reads but names and syntax typed as they are: a
     * standard's name, a character's code point, a GIFT weight as the file writes it.
     */
    private static final Pattern IDENTIFIERS = Pattern.compile("BCP-47|U\\+0000|~%50%");

    /** Every message bundle of the service. */
    private static final List<Class<?>> BUNDLES = List.of(TrainingMessages.class, GiftMessages.class);

    @Test
    void noMessageTakesARawNumber() {
        List<String> raw = new ArrayList<>();
        for (Method method : BUNDLES.stream().flatMap(b -> Arrays.stream(b.getDeclaredMethods())).toList()) {
            for (Parameter parameter : method.getParameters()) {
                Class<?> type = parameter.getType();
                boolean numeric = Number.class.isAssignableFrom(type)
                        || (type.isPrimitive() && type != boolean.class && type != char.class);
                if (numeric) {
                    raw.add(method.getName() + "(" + type.getSimpleName() + " " + parameter.getName() + ")");
                }
            }
        }
        assertEquals(List.of(), raw, "format the number with ReaderFormats or {fmt:number} and pass the text");
    }

    @Test
    void theArabicWordsHaveNoLatinDigits() throws IOException {
        Properties arabic = new Properties();
        for (String bundle : List.of("msg", "gift")) {
            try (InputStream in = getClass().getResourceAsStream("/messages/" + bundle + "_ar.properties")) {
                arabic.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        List<String> latin = arabic.stringPropertyNames().stream().sorted()
                .filter(key -> IDENTIFIERS.matcher(arabic.getProperty(key)).replaceAll("").matches("(?s).*[0-9].*"))
                .toList();
        assertEquals(List.of(), latin, "write numbers in the Arabic bundle with Arabic digits (٠١٢٣٤٥٦٧٨٩)");
    }

    /**
     * Quarkus 3.33 splits a bundle's generated resolver every 300 messages and the split one fails the JVM's
     * verifier when the service starts (VerifyError in {@code TrainingMessages_Bundle}): a bundle past 300 is
     * refused here, by name, before any service test starts.
     */
    @Test
    void everyBundleStaysWithinOneResolverOfQuarkus() {
        for (Class<?> bundle : BUNDLES) {
            int messages = bundle.getDeclaredMethods().length;
            assertTrue(messages <= 300, bundle.getSimpleName() + " has " + messages
                    + " messages; start a bundle of its own, as GiftMessages");
        }
    }
}
