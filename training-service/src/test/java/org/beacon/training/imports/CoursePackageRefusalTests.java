package org.beacon.training.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.beacon.commons.web.ProblemException;
import org.beacon.training.CourseFixtures;
import org.junit.jupiter.api.Test;

/**
 * A course package's own checks list each problem as a refusal text: the same rows in French and Arabic as in
 * English, which problem+json keeps (issue 14).
 */
class CoursePackageRefusalTests {

    private static final ImportLimits LIMITS = new ImportLimits() {
        @Override
        public long maxArchiveBytes() {
            return 1024 * 1024;
        }

        @Override
        public int maxEntries() {
            return 50;
        }

        @Override
        public long maxEntryBytes() {
            return 1024 * 1024;
        }

        @Override
        public long maxTotalBytes() {
            return 2 * 1024 * 1024;
        }

        @Override
        public long maxTextBytes() {
            return 1024 * 1024;
        }

        @Override
        public int maxLessons() {
            return 10;
        }
    };

    @Test
    void eachRowOfABadPackageReadsInTheReadersLanguageAndStaysEnglishForPrograms() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("course.yaml", """
                slug: bad-package
                defaultLanguage: en
                modules:
                  - slug: m1
                    lessons:
                      - slug: l1
                        title: {en: "Lesson one"}
                      - slug: l2
                posttest: [q-missing]
                """.getBytes(StandardCharsets.UTF_8));
        files.put("lessons/m1/l1.en.md", "# Lesson one\n\nSee ![the poster](../../media/poster.png).\n"
                .getBytes(StandardCharsets.UTF_8));
        ProblemException refusal;
        try (CourseArchive archive = CourseArchive.read(
                new ByteArrayInputStream(CourseFixtures.zip("bad-package", files)), LIMITS)) {
            refusal = assertThrows(ProblemException.class, () -> CoursePackage.read(archive, 10));
        }
        assertEquals("The course package has 4 errors; nothing was imported.", refusal.getMessage());
        assertEquals(List.of(
                "lessons/m1/l1.en.md line 3: links media/poster.png, which is not in media/.",
                "lessons/m1/l2.en.md: missing; every lesson needs its text in the default language.",
                "course.yaml: lesson m1/l2 has no title in en.",
                "course.yaml: posttest: no question is named 'q-missing' in the default language's question bank."),
                refusal.errors());
        assertEquals("Le paquet du cours comporte 4 erreurs ; rien n’a été importé.", refusal.text("fr"));
        assertEquals(List.of(
                "lessons/m1/l1.en.md ligne 3 : renvoie à media/poster.png, qui n’est pas dans media/.",
                "lessons/m1/l2.en.md : manquant ; chaque leçon doit avoir son texte dans la langue par défaut.",
                "course.yaml : la leçon m1/l2 n’a pas de titre en en.",
                "course.yaml : posttest : aucune question ne s’appelle « q-missing » dans la banque de questions"
                        + " de la langue par défaut."),
                refusal.errors("fr"));
        assertEquals("lessons/m1/l1.en.md السطر ٣: يربط إلى media/poster.png، وهو غير موجود في media/.",
                refusal.errors("ar").get(0));
    }
}
