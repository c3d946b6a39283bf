package org.beacon.training.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.beacon.commons.web.ProblemException;
import org.beacon.training.assessment.Gift;
import org.beacon.training.assessment.GiftQuestion;

/**
 * A course folder of the content repository (content/README.md), read from a zip: {@code course.yaml},
 * {@code lessons/<module>/<lesson>.<lang>.md}, {@code questions/bank.<lang>.gift}, {@code media/<file>}. The
 * files may sit at the root of the zip or inside one top folder. Reading checks everything that can be checked
 * without the database and reports all problems at once, each naming its file and line.
 */
public final class CoursePackage {

    static final long MAX_UNPACKED_BYTES = 200L * 1024 * 1024;
    static final int MAX_ENTRIES = 5000;
    private static final Pattern MEDIA_LINK = Pattern.compile("\\]\\(\\s*<?((?:\\.\\./|\\./)*media/([^)\\s>]+))");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

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
    public final Map<String, byte[]> media = new TreeMap<>();
    public final String sha256;

    private CoursePackage(CourseYaml course, String sha256) {
        this.course = course;
        this.sha256 = sha256;
    }

    public static String lessonKey(String module, String lesson) {
        return module + "/" + lesson;
    }

    public static CoursePackage read(byte[] zip) {
        Map<String, byte[]> files = unzip(zip);
        List<String> errors = new ArrayList<>();
        byte[] yamlBytes = files.get("course.yaml");
        if (yamlBytes == null) {
            throw ProblemException.badRequest("The zip has no course.yaml (at its root or in one top folder).");
        }
        CourseYaml yaml;
        try {
            yaml = YAML.readValue(yamlBytes, CourseYaml.class);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw ProblemException.invalid("course.yaml cannot be read.",
                    List.of("course.yaml line " + line + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw ProblemException.badRequest("course.yaml cannot be read: " + e.getMessage());
        }
        if (yaml == null || yaml.defaultLanguage() == null) {
            throw ProblemException.invalid("course.yaml is not valid.", List.of("course.yaml: defaultLanguage is required."));
        }
        CoursePackage pkg = new CoursePackage(yaml, digest(files));
        files.forEach((name, bytes) -> {
            if (name.startsWith("media/") && name.length() > 6 && !name.substring(6).contains("/")) {
                pkg.media.put(name.substring(6), bytes);
            }
        });
        List<String> languages = pkg.languages();
        Set<String> names = new LinkedHashSet<>();
        for (String language : languages) {
            byte[] gift = files.get("questions/bank." + language + ".gift");
            if (gift != null) {
                List<String> giftErrors = new ArrayList<>();
                List<GiftQuestion> questions = Gift.parse(new String(gift, StandardCharsets.UTF_8), giftErrors);
                giftErrors.forEach(e -> errors.add("questions/bank." + language + ".gift " + e));
                pkg.banks.put(language, questions);
                if (language.equals(yaml.defaultLanguage())) {
                    questions.forEach(q -> names.add(q.name()));
                }
            }
        }
        if (yaml.modules() == null || yaml.modules().isEmpty()) {
            errors.add("course.yaml: modules: the course needs at least one module.");
        } else {
            for (ModuleYaml module : yaml.modules()) {
                if (module.slug() == null || module.lessons() == null || module.lessons().isEmpty()) {
                    errors.add("course.yaml: module " + module.slug() + ": needs a slug and at least one lesson.");
                    continue;
                }
                for (LessonYaml lesson : module.lessons()) {
                    pkg.readLesson(files, module, lesson, languages, errors);
                }
                checkNames("module " + module.slug() + " check", module.check(), names, errors);
            }
        }
        checkNames("pretest", yaml.pretest(), names, errors);
        checkNames("posttest", yaml.posttest(), names, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The course package has " + errors.size()
                    + (errors.size() == 1 ? " error" : " errors") + "; nothing was imported.", errors);
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
            List<String> errors) {
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
                    errors.add(path + ": missing; every lesson needs its text in the default language.");
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
                Matcher link = MEDIA_LINK.matcher(lines[i]);
                while (link.find()) {
                    String file = link.group(2);
                    if (!media.containsKey(file)) {
                        errors.add(path + " line " + (i + firstLine) + ": links media/" + file + ", which is not in media/.");
                    } else {
                        linked.add(file);
                    }
                }
            }
        }
        if (titles.get(course.defaultLanguage()) == null || titles.get(course.defaultLanguage()).isBlank()) {
            errors.add("course.yaml: lesson " + module.slug() + "/" + lesson.slug() + " has no title in "
                    + course.defaultLanguage() + ".");
        }
        lessons.put(lessonKey(module.slug(), lesson.slug()), new LessonFiles(titles, bodies, new ArrayList<>(linked)));
    }

    private static void checkNames(String what, List<String> wanted, Set<String> names, List<String> errors) {
        if (wanted != null) {
            wanted.stream().filter(n -> !names.contains(n)).forEach(n -> errors.add("course.yaml: " + what
                    + ": no question is named '" + n + "' in the default language's question bank."));
        }
    }

    /** Unpacks into memory, rejecting unsafe names and zip bombs; drops one common top folder. */
    static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> raw = new TreeMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName().replace('\\', '/');
                if (entry.isDirectory() || name.startsWith("__MACOSX/") || name.endsWith("/.DS_Store")
                        || name.equals(".DS_Store")) {
                    continue;
                }
                if (name.startsWith("/") || name.contains("../") || name.contains(":")) {
                    throw ProblemException.badRequest("The zip holds an unsafe path: " + name);
                }
                if (raw.size() >= MAX_ENTRIES) {
                    throw ProblemException.tooLarge("The zip holds more than " + MAX_ENTRIES + " files.");
                }
                byte[] bytes = readLimited(in, MAX_UNPACKED_BYTES - total);
                total += bytes.length;
                raw.put(name, bytes);
            }
        } catch (ZipException e) {
            throw ProblemException.badRequest("The upload is not a valid zip file: " + e.getMessage());
        } catch (IOException e) {
            throw ProblemException.badRequest("The zip cannot be read: " + e.getMessage());
        }
        if (raw.isEmpty()) {
            throw ProblemException.badRequest("The upload is not a zip file with a course in it.");
        }
        if (raw.containsKey("course.yaml")) {
            return raw;
        }
        String first = raw.keySet().iterator().next();
        int slash = first.indexOf('/');
        String top = slash < 0 ? "" : first.substring(0, slash + 1);
        if (top.isEmpty() || !raw.keySet().stream().allMatch(n -> n.startsWith(top))) {
            return raw;
        }
        Map<String, byte[]> stripped = new TreeMap<>();
        raw.forEach((name, bytes) -> stripped.put(name.substring(top.length()), bytes));
        return stripped;
    }

    private static byte[] readLimited(InputStream in, long remaining) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, remaining + 1));
        if (bytes.length > remaining) {
            throw ProblemException.tooLarge("The unpacked course is larger than " + MAX_UNPACKED_BYTES + " bytes.");
        }
        return bytes;
    }

    /** A digest of names and contents, independent of zip timestamps and compression. */
    static String digest(Map<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
                sha.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Long.toString(file.getValue().length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) 0);
                sha.update(file.getValue());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
