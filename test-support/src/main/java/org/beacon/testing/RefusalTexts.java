package org.beacon.testing;

import static org.beacon.testing.MessageFiles.placeholders;
import static org.beacon.testing.MessageFiles.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The refusal texts of a service ({@code src/main/resources/i18n/refusals*.properties}, read by commons'
 * {@code Reason}) checked against its sources: every key a {@code Reason.of("…")} names has an English text (its
 * own or one of commons' {@code detail.*}), every English text has its French, Spanish, Portuguese and Arabic one
 * with the same placeholders, and no language has a text English lacks. A key built at run time
 * ({@code "status." + status}) is checked through the completeness of the translations only.
 */
public final class RefusalTexts {

    static final List<String> LANGUAGES = List.of("fr", "es", "pt", "ar");
    private static final Pattern KEY_IN_SOURCE = Pattern.compile("Reason\\.of\\(\\s*\"([^\"]+)\"\\s*[,)]");
    private static final String COMMONS_TEXTS = "org/beacon/commons/web/errors.properties";

    private RefusalTexts() {
    }

    /** What is wrong, one line per problem; empty when the texts are complete. Run from the module's directory. */
    public static List<String> problems(Path module) {
        List<String> problems = new ArrayList<>();
        Path folder = module.resolve("src/main/resources/i18n");
        Properties english = read(folder.resolve("refusals.properties"));
        Properties commons = commonsTexts();
        for (String key : keysInSources(module.resolve("src/main/java"))) {
            if (!english.containsKey(key) && !commons.containsKey(key)) {
                problems.add("Reason.of(\"" + key + "\") has no text in i18n/refusals.properties");
            }
        }
        for (String language : LANGUAGES) {
            Properties translated = read(folder.resolve("refusals_" + language + ".properties"));
            for (String key : english.stringPropertyNames()) {
                String text = translated.getProperty(key);
                if (text == null || text.isBlank()) {
                    problems.add(key + " has no text in refusals_" + language + ".properties");
                } else if (!placeholders(text).equals(placeholders(english.getProperty(key)))) {
                    problems.add(key + " in refusals_" + language + ".properties has the placeholders "
                            + placeholders(text) + ", English " + placeholders(english.getProperty(key)));
                }
            }
            for (String key : translated.stringPropertyNames()) {
                if (!english.containsKey(key)) {
                    problems.add(key + " in refusals_" + language + ".properties has no English text");
                }
            }
        }
        return problems;
    }

    private static Set<String> keysInSources(Path sources) {
        return MessageFiles.keysInSources(sources, source -> KEY_IN_SOURCE.matcher(source).results()
                .map(match -> match.group(1)).toList());
    }

    private static Properties commonsTexts() {
        Properties texts = new Properties();
        try (InputStream in = RefusalTexts.class.getClassLoader().getResourceAsStream(COMMONS_TEXTS)) {
            if (in != null) {
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
