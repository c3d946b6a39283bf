package org.beacon.testing;

import static org.beacon.testing.MessageFiles.placeholders;
import static org.beacon.testing.MessageFiles.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit texts of a service ({@code src/main/resources/i18n/audit*.properties}, read by commons'
 * {@code AuditSummary}) checked against its sources: every key an {@code AuditSummary.of("…")} or
 * {@code AuditSummary.word("…")} names (either key of a {@code cond ? "a" : "b"} too) has an English text, every
 * English text has its French, Spanish, Portuguese and Arabic one with the same placeholders, and no language has a
 * text English lacks. A key built at run time ({@code "wave." + wave.id()}) is checked through the completeness of
 * the translations only.
 */
public final class AuditTexts {

    private static final Pattern CALL = Pattern.compile("AuditSummary\\.(?:of|word)\\(\\s*([^,;]*)");
    private static final Pattern KEY = Pattern.compile("\"([a-z][a-z0-9_-]*(?:\\.[a-z0-9_-]+)+)\"");

    private AuditTexts() {
    }

    /** What is wrong, one line per problem; empty when the texts are complete. Run from the module's directory. */
    public static List<String> problems(Path module) {
        List<String> problems = new ArrayList<>();
        Path folder = module.resolve("src/main/resources/i18n");
        Properties english = read(folder.resolve("audit.properties"));
        if (english.isEmpty()) {
            problems.add("i18n/audit.properties has no texts");
        }
        for (String key : keysInSources(module.resolve("src/main/java"))) {
            if (!english.containsKey(key)) {
                problems.add("AuditSummary key \"" + key + "\" has no text in i18n/audit.properties");
            }
        }
        for (String language : RefusalTexts.LANGUAGES) {
            Properties translated = read(folder.resolve("audit_" + language + ".properties"));
            for (String key : english.stringPropertyNames()) {
                String text = translated.getProperty(key);
                if (text == null || text.isBlank()) {
                    problems.add(key + " has no text in audit_" + language + ".properties");
                } else if (!placeholders(text).equals(placeholders(english.getProperty(key)))) {
                    problems.add(key + " in audit_" + language + ".properties has the placeholders "
                            + placeholders(text) + ", English " + placeholders(english.getProperty(key)));
                }
            }
            for (String key : translated.stringPropertyNames()) {
                if (!english.containsKey(key)) {
                    problems.add(key + " in audit_" + language + ".properties has no English text");
                }
            }
        }
        return problems;
    }

    /** The keys the sources name; at least one, or the pattern no longer matches how the sources are written. */
    public static Set<String> keysInSources(Path sources) {
        return MessageFiles.keysInSources(sources, source -> {
            List<String> keys = new ArrayList<>();
            Matcher call = CALL.matcher(source);
            while (call.find()) {
                Matcher key = KEY.matcher(call.group(1));
                while (key.find()) {
                    keys.add(key.group(1));
                }
            }
            return keys;
        });
    }
}
