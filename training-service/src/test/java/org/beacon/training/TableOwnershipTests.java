package org.beacon.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each table belongs to one package, and a package's native SQL ({@code …Queries} and {@code …Store} classes, the
 * only classes ArchUnit lets hold it) names only the tables of its own package: a package reads another's tables by
 * asking that package's class. The map below is the one training-service/README.md describes; a table a migration
 * adds must be given an owner here.
 */
class TableOwnershipTests {

    static final Map<String, Set<String>> OWNERS = Map.of(
            "course", Set.of("course", "course_version", "course_module", "lesson", "content_text", "glossary_term",
                    "lesson_attachment", "version_media", "version_translation", "version_contributor",
                    "translation_contributor"),
            "assessment", Set.of("assessment", "assessment_question", "question", "question_answer"),
            "enrolment", Set.of("enrolment", "lesson_progress", "attempt", "attempt_answer"),
            "certificate", Set.of("certificate"),
            "cohort", Set.of("cohort", "cohort_member", "cohort_session", "attendance", "trainee"),
            "media", Set.of("attachment"),
            "audit", Set.of("audit_entry"));

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path SOURCES = Path.of("src/main/java/org/beacon/training");
    private static final Pattern CREATED = Pattern.compile("(?i)create\\s+(?:table|view)\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
    private static final Pattern NAMED = Pattern.compile("(?i)\\b(?:from|join|into|update)\\s+(\\w+)");

    @Test
    void everyTableOfTheMigrationsHasOneOwningPackage() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                created.addAll(matches(CREATED, Files.readString(file)));
            }
        }
        Set<String> owned = new TreeSet<>();
        OWNERS.values().forEach(owned::addAll);
        assertEquals(created, owned, "the tables the migrations create and those given a package here");
        assertEquals(owned.size(), OWNERS.values().stream().mapToInt(Set::size).sum(), "a table owned twice");
    }

    @Test
    void aPackagesSqlNamesOnlyItsOwnTables() throws IOException {
        Map<String, String> ownerOf = new TreeMap<>();
        OWNERS.forEach((pkg, tables) -> tables.forEach(t -> ownerOf.put(t, pkg)));
        List<String> foreign = new ArrayList<>();
        int read = 0;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(TableOwnershipTests::holdsSql).toList()) {
                String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
                for (String table : matches(NAMED, Files.readString(file))) {
                    if (ownerOf.containsKey(table)) {
                        read++;
                        if (!ownerOf.get(table).equals(pkg)) {
                            foreign.add(file.getFileName() + " (" + pkg + ") names " + table + " of "
                                    + ownerOf.get(table));
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), foreign);
        // The scan found SQL at all: a moved source tree would otherwise pass silently.
        assertTrue(read > 20, "tables named by the …Queries classes: " + read);
    }

    private static boolean holdsSql(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith("Queries.java") || name.endsWith("Store.java");
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1).toLowerCase());
        }
        return found;
    }
}
