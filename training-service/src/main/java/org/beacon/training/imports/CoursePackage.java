package org.beacon.training.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.beacon.commons.archive.BoundedZip;
import org.beacon.commons.text.UntrustedText;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.beacon.training.assessment.Gift;
import org.beacon.training.assessment.GiftQuestion;
import org.beacon.training.assessment.GiftRefusal;

/**
 * A course folder of the content repository (content/README.md), read from a zip ({@link CourseArchive}):
 * {@code course.yaml}, {@code lessons/<module>/<lesson>.<lang>.md}, {@code questions/bank.<lang>.gift},
 * {@code media/<file>}. The files may sit at the root of the zip or inside one top folder. Reading checks everything that can be checked
 * without the database and reports all problems at once, each naming its file and line.
 */
public final class CoursePackage {

    private static final Pattern MEDIA_LINK = Pattern.compile("\\]\\(\\s*<?((?:\\.\\./|\\./)*media/([^)\\s>]+))");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .registerModule(UntrustedText.jacksonModule());

    /** course.yaml as content/README.md describes it. */
    public record CourseYaml(String slug, List<String> sectors, String sector, String country, String defaultLanguage,
            List<String> languages, Integer passMark, Map<String, String> title, Map<String, String> summary,
            List<ModuleYaml> modules, List<String> pretest, List<String> posttest, List<GlossaryYaml> glossary) {
    }

    public record ModuleYaml(String slug, Map<String, String> title, List<LessonYaml> lessons, List<String> check) {
    }

    public record LessonYaml(String slug, Map<String, String> title) {
    }

    public record GlossaryYaml(String term, Map<String, String> explanation, List<String> sources) {
    }

    /** A lesson's texts per language and the media files it links, in order of first mention. */
    public record LessonFiles(Map<String, String> title, Map<String, String> body, List<String> media) {
    }

    public final CourseYaml course;
    public final Map<String, LessonFiles> lessons = new LinkedHashMap<>();
    public final Map<String, List<GiftQuestion>> banks = new LinkedHashMap<>();
    /** The files of {@code media/} by name, as the lessons link them; on disk until they are stored. */
    public final Map<String, BoundedZip.Entry> media = new TreeMap<>();
    public final String sha256;

    private CoursePackage(CourseYaml course, String sha256) {
        this.course = course;
        this.sha256 = sha256;
    }

    public static String lessonKey(String module, String lesson) {
        return module + "/" + lesson;
    }

    /** Reads and checks the package; {@code maxLessons} bounds the work one import may cause. */
    public static CoursePackage read(CourseArchive archive, int maxLessons) {
        Map<String, byte[]> files = new TreeMap<>();
        archive.files().forEach((name, entry) -> {
            if (entry.bytes() != null) {
                files.put(name, entry.bytes());
            }
        });
        List<Reason> errors = new ArrayList<>();
        byte[] yamlBytes = files.get("course.yaml");
        if (yamlBytes == null) {
            throw ProblemException.badRequest(Reason.of("import.no-course-yaml"));
        }
        CourseYaml yaml;
        try {
            yaml = YAML.readValue(yamlBytes, CourseYaml.class);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw ProblemException.invalid(Reason.of("import.yaml-unreadable"),
                    List.of("course.yaml line " + line + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw ProblemException.badRequest(Reason.of("import.yaml-unreadable-because", e.getMessage()));
        }
        if (yaml == null || yaml.defaultLanguage() == null) {
            throw ProblemException.listing(400, "Invalid input", Reason.of("import.yaml-invalid"),
                    List.of(Reason.of("import.default-language-required")));
        }
        CoursePackage pkg = new CoursePackage(yaml, archive.digest());
        archive.files().forEach((name, entry) -> {
            if (name.startsWith("media/") && name.length() > 6 && !name.substring(6).contains("/")) {
                // The name is shown to trainees as the file's label: nothing in it may reorder what they read.
                String shown = UntrustedText.stripSpoofing(name.substring(6));
                if (pkg.media.putIfAbsent(shown, entry) != null) {
                    errors.add(Reason.of("import.media-same-name", name));
                }
            }
        });
        List<String> languages = pkg.languages();
        Set<String> names = new LinkedHashSet<>();
        for (String language : languages) {
            byte[] gift = files.get("questions/bank." + language + ".gift");
            if (gift != null) {
                List<GiftRefusal> giftErrors = new ArrayList<>();
                List<GiftQuestion> questions = Gift.parse(new String(gift, StandardCharsets.UTF_8), giftErrors);
                GiftRefusal.Words words = GiftRefusal.Words.ofRequest();
                // GIFT rows are written in the reader's words already (GiftRefusal).
                giftErrors.forEach(e -> errors.add(Reason.of("import.written-row",
                        e.text("questions/bank." + language + ".gift", words))));
                pkg.banks.put(language, questions);
                if (language.equals(yaml.defaultLanguage())) {
                    questions.forEach(q -> names.add(q.name()));
                }
            }
        }
        int lessonCount = yaml.modules() == null ? 0 : yaml.modules().stream()
                .mapToInt(m -> m.lessons() == null ? 0 : m.lessons().size()).sum();
        if (lessonCount > maxLessons) {
            throw ProblemException.listing(400, "Invalid input", Reason.of("import.yaml-invalid"),
                    List.of(Reason.of("import.too-many-lessons", lessonCount, maxLessons)));
        }
        if (yaml.modules() == null || yaml.modules().isEmpty()) {
            errors.add(Reason.of("import.no-module"));
        } else {
            for (ModuleYaml module : yaml.modules()) {
                if (module.slug() == null || module.lessons() == null || module.lessons().isEmpty()) {
                    errors.add(Reason.of("import.module-incomplete", String.valueOf(module.slug())));
                    continue;
                }
                for (LessonYaml lesson : module.lessons()) {
                    pkg.readLesson(files, module, lesson, languages, errors);
                }
                checkNames(Reason.of("import.module-check", module.slug()), module.check(), names, errors);
            }
        }
        checkNames(Reason.of("import.pretest"), yaml.pretest(), names, errors);
        checkNames(Reason.of("import.posttest"), yaml.posttest(), names, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.listing(400, "Invalid input",
                    Reason.of(errors.size() == 1 ? "import.error" : "import.errors", errors.size()), errors);
        }
        return pkg;
    }

    public List<String> languages() {
        LinkedHashSet<String> languages = new LinkedHashSet<>();
        languages.add(course.defaultLanguage());
        if (course.languages() != null) {
            languages.addAll(course.languages());
        }
        return new ArrayList<>(languages);
    }

    private void readLesson(Map<String, byte[]> files, ModuleYaml module, LessonYaml lesson, List<String> languages,
            List<Reason> errors) {
        Map<String, String> titles = new LinkedHashMap<>();
        if (lesson.title() != null) {
            titles.putAll(lesson.title());
        }
        Map<String, String> bodies = new LinkedHashMap<>();
        LinkedHashSet<String> linked = new LinkedHashSet<>();
        for (String language : languages) {
            String path = "lessons/" + module.slug() + "/" + lesson.slug() + "." + language + ".md";
            byte[] bytes = files.get(path);
            if (bytes == null) {
                if (language.equals(course.defaultLanguage())) {
                    errors.add(Reason.of("import.lesson-missing", path));
                }
                continue;
            }
            String text = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            // The file opens with the lesson title as a level-1 heading; the page shows the title itself.
            int firstLine = 1;
            if (text.startsWith("# ")) {
                firstLine = 2;
                int end = text.indexOf('\n');
                titles.putIfAbsent(language, (end < 0 ? text.substring(2) : text.substring(2, end)).strip());
                text = end < 0 ? "" : text.substring(end + 1);
            }
            bodies.put(language, text.strip());
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (UntrustedText.containsNul(lines[i])) {
                    errors.add(Reason.of("import.line-nul", path, i + firstLine));
                }
                Matcher link = MEDIA_LINK.matcher(lines[i]);
                while (link.find()) {
                    String file = UntrustedText.stripSpoofing(link.group(2));
                    if (!media.containsKey(file)) {
                        errors.add(Reason.of("import.line-media-missing", path, i + firstLine, file));
                    } else {
                        linked.add(file);
                    }
                }
            }
        }
        if (titles.get(course.defaultLanguage()) == null || titles.get(course.defaultLanguage()).isBlank()) {
            errors.add(Reason.of("import.lesson-untitled", module.slug() + "/" + lesson.slug(), course.defaultLanguage()));
        }
        lessons.put(lessonKey(module.slug(), lesson.slug()), new LessonFiles(titles, bodies, new ArrayList<>(linked)));
    }

    private static void checkNames(Reason what, List<String> wanted, Set<String> names, List<Reason> errors) {
        if (wanted != null) {
            wanted.stream().filter(n -> !names.contains(n))
                    .forEach(n -> errors.add(Reason.of("import.question-unknown", what, n)));
        }
    }
}
