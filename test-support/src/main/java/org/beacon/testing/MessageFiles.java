package org.beacon.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the checks of a service's message files ({@link RefusalTexts}, {@link AuditTexts}) read alike. */
final class MessageFiles {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    private MessageFiles() {
    }

    /** The keys that {@code keysOf} finds in each Java source under {@code sources}. */
    static Set<String> keysInSources(Path sources, Function<String, List<String>> keysOf) {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                keys.addAll(keysOf.apply(Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    /** The {@code {0}}, {@code {1}}… a text uses. */
    static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    /** A properties file as UTF-8; empty when there is none. */
    static Properties read(Path file) {
        Properties texts = new Properties();
        if (!Files.exists(file)) {
            return texts;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            texts.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
