package org.beacon.devstack.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The checks that keep shipped content teachable and safe, run by the build before anything is imported: every
 * course text exists in every course language, every question has a right answer and a source, every media link
 * resolves, every fact carries a seed reference, pre-test, module checks and post-test measure learning on separate
 * questions, and no campaign place and language is left without help.
 * The format is described in content/README.md.
 */
public final class ContentValidation {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Seed references in parentheses: {@code (002 L17)}, {@code (003 L1302-1320)}, {@code (000 L7346, 000 L3141)}. */
    static final Pattern CITATION = Pattern.compile("\\(\\d{3} L\\d+[^)]*\\)");
    /** One reference inside a citation. */
    private static final Pattern REFERENCE = Pattern.compile("(\\d{3}) L(\\d+)(?:[-–](\\d+))?");
    private static final Pattern QUESTION_NAME = Pattern.compile("^::([^:]+)::", Pattern.MULTILINE);
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    /** A section shorter than this (a lead-in such as "Two conditions stand out:") states no fact of its own. */
    private static final int FACT_LENGTH = 160;
    private static final int LEAD_IN_LENGTH = 400;

    private final Path content;
    private final Path seeds;
    private final List<String> problems = new ArrayList<>();

    private ContentValidation(Path content, Path seeds) {
        this.content = content;
        this.seeds = seeds;
    }

    /**
     * @param seeds the seed documents, to check that every reference points at a real line; null where they are
     *              not available (the references' form is still checked)
     */
    public static List<String> validate(Path content, Path seeds) {
        ContentValidation validation = new ContentValidation(content, seeds);
        validation.run();
        return validation.problems;
    }

    private void run() {
        for (Path course : children(content.resolve("courses"))) {
            validateCourse(course);
        }
        Map<String, Set<String>> help = helpCoverage();
        for (Path campaign : children(content.resolve("campaigns"))) {
            validateCampaign(campaign, help);
        }
    }

    private void validateCourse(Path dir) {
        String where = content.relativize(dir).toString();
        JsonNode course = yaml(dir.resolve("course.yaml"));
        if (course == null) {
            return;
        }
        List<String> languages = strings(course.path("languages"));
        if (languages.isEmpty()) {
            problems.add(where + ": no languages");
        }
        requireTranslations(where + " title", course.path("title"), languages);
        requireTranslations(where + " summary", course.path("summary"), languages);
        Set<String> referenced = new LinkedHashSet<>();
        List<String> pretest = strings(course.path("pretest"));
        List<String> posttest = strings(course.path("posttest"));
        referenced.addAll(pretest);
        referenced.addAll(posttest);
        // Knowledge gain is post-test minus pre-test: a question seen before the post-test (in the pre-test or in a
        // module check, with its feedback) measures memory of that question, not learning.
        for (String name : new LinkedHashSet<>(pretest)) {
            if (posttest.contains(name)) {
                problems.add(where + ": question " + name + " is in both the pre-test and the post-test");
            }
        }
        for (JsonNode module : course.path("modules")) {
            String moduleSlug = module.path("slug").asText();
            requireTranslations(where + " module " + moduleSlug, module.path("title"), languages);
            List<String> check = strings(module.path("check"));
            referenced.addAll(check);
            for (String name : new LinkedHashSet<>(check)) {
                if (posttest.contains(name)) {
                    problems.add(where + ": question " + name + " is in the check of module " + moduleSlug
                            + " and in the post-test");
                }
            }
            for (JsonNode lesson : module.path("lessons")) {
                String lessonSlug = lesson.path("slug").asText();
                requireTranslations(where + " lesson " + lessonSlug, lesson.path("title"), languages);
                for (String language : languages) {
                    Path file = dir.resolve("lessons").resolve(moduleSlug).resolve(lessonSlug + "." + language + ".md");
                    if (!Files.isRegularFile(file)) {
                        problems.add(where + ": lesson " + moduleSlug + "/" + lessonSlug + " misses its "
                                + language + " translation (" + content.relativize(file) + ")");
                    } else {
                        validateMarkdown(file, true);
                    }
                }
            }
        }
        for (JsonNode term : course.path("glossary")) {
            requireTranslations(where + " glossary " + term.path("term").asText(), term.path("explanation"), languages);
        }
        validateQuestionBanks(dir, where, languages, referenced);
    }

    private void validateQuestionBanks(Path dir, String where, List<String> languages, Set<String> referenced) {
        Set<String> firstNames = null;
        for (String language : languages) {
            Path bank = dir.resolve("questions/bank." + language + ".gift");
            if (!Files.isRegularFile(bank)) {
                problems.add(where + ": question bank misses its " + language + " translation");
                continue;
            }
            String relative = content.relativize(bank).toString();
            Map<String, String> questions = questions(read(bank));
            for (Map.Entry<String, String> question : questions.entrySet()) {
                String text = question.getValue();
                if (!hasCorrectAnswer(text)) {
                    problems.add(relative + ": question " + question.getKey() + " has no correct answer");
                }
                if (!text.contains("// source:") || !CITATION.matcher(text).find()) {
                    problems.add(relative + ": question " + question.getKey() + " has no source reference");
                }
                checkCitations(relative, text);
            }
            for (String name : referenced) {
                if (!questions.containsKey(name)) {
                    problems.add(relative + ": course uses question " + name + ", which is not in the bank");
                }
            }
            if (firstNames == null) {
                firstNames = questions.keySet();
            } else if (!firstNames.equals(questions.keySet())) {
                Set<String> missing = new LinkedHashSet<>(firstNames);
                missing.removeAll(questions.keySet());
                Set<String> extra = new LinkedHashSet<>(questions.keySet());
                extra.removeAll(firstNames);
                problems.add(relative + ": questions differ from the " + languages.get(0) + " bank (missing "
                        + missing + ", extra " + extra + ")");
            }
        }
    }

    private void validateCampaign(Path dir, Map<String, Set<String>> help) {
        String where = content.relativize(dir).toString();
        JsonNode campaign = yaml(dir.resolve("campaign.yaml"));
        if (campaign == null) {
            return;
        }
        List<String> languages = strings(campaign.path("languages"));
        requireTranslations(where + " title", campaign.path("title"), languages);
        requireTranslations(where + " objectives", campaign.path("objectives"), languages);
        int index = 0;
        for (JsonNode message : campaign.path("keyMessages")) {
            requireTranslations(where + " key message " + (++index), message, languages);
        }
        if (strings(campaign.path("sources")).stream().noneMatch(s -> CITATION.matcher(s).find())) {
            problems.add(where + ": campaign.yaml has no source reference");
        }
        for (JsonNode material : campaign.path("materials")) {
            String slug = material.path("slug").asText();
            requireTranslations(where + " material " + slug, material.path("title"), languages);
            for (String language : languages) {
                Path file = dir.resolve("materials/" + slug + "." + language + ".md");
                if (!Files.isRegularFile(file)) {
                    problems.add(where + ": material " + slug + " misses its " + language + " translation");
                } else {
                    validateMarkdown(file, false);
                }
            }
        }
        for (JsonNode survey : campaign.path("surveys")) {
            Path folder = dir.resolve("surveys/" + survey.path("slug").asText());
            for (String sheet : List.of("survey.csv", "choices.csv", "settings.csv")) {
                if (!Files.isRegularFile(folder.resolve(sheet))) {
                    problems.add(where + ": survey " + survey.path("slug").asText() + " misses " + sheet);
                }
            }
        }
        for (JsonNode place : campaign.path("places")) {
            String country = place.path("country").asText();
            String region = place.path("region").isTextual() ? place.path("region").asText() : null;
            for (String language : languages) {
                boolean covered = help.getOrDefault(key(country, null, language), Set.of()).contains("active")
                        || (region != null
                                && help.getOrDefault(key(country, region, language), Set.of()).contains("active"));
                if (!covered) {
                    problems.add(where + ": no active help resource for " + country
                            + (region == null ? "" : "/" + region) + " in " + language);
                }
            }
        }
    }

    /** Which country (and region) × language has an active help resource. */
    private Map<String, Set<String>> helpCoverage() {
        Map<String, Set<String>> coverage = new LinkedHashMap<>();
        for (Path file : files(content.resolve("help"), ".yaml")) {
            JsonNode help = yaml(file);
            if (help == null) {
                continue;
            }
            String country = help.path("country").asText();
            for (JsonNode resource : help.path("resources")) {
                if (!resource.path("active").asBoolean(false)) {
                    continue;
                }
                String region = resource.path("region").isTextual() ? resource.path("region").asText() : null;
                for (String language : strings(resource.path("languages"))) {
                    coverage.computeIfAbsent(key(country, region, language), k -> new HashSet<>()).add("active");
                }
            }
        }
        return coverage;
    }

    private void validateMarkdown(Path file, boolean lesson) {
        String relative = content.relativize(file).toString();
        String text = read(file);
        Matcher link = MARKDOWN_LINK.matcher(text);
        while (link.find()) {
            String target = link.group(1);
            if (target.contains("://") || target.startsWith("mailto:") || target.startsWith("#")) {
                continue;
            }
            Path resolved = file.getParent().resolve(target.split("#")[0]).normalize();
            if (!resolved.startsWith(content) || !Files.exists(resolved)) {
                problems.add(relative + ": broken media link " + target);
            }
        }
        if (lesson) {
            // A lesson teaches section by section: each section that says something carries its sources. The
            // lead-in under the title may introduce the lesson in a few lines without one; a longer lead-in, or a
            // lesson without sections (all lead-in), teaches and is checked like a section.
            List<String> sections = List.of(text.split("(?m)^(?=## )"));
            for (String section : sections) {
                String body = section.replaceFirst("^#[^\\n]*\\n?", "").strip();
                boolean leadIn = section.startsWith("# ") && sections.size() > 1;
                if (body.length() >= (leadIn ? LEAD_IN_LENGTH : FACT_LENGTH) && !CITATION.matcher(body).find()) {
                    String heading = section.lines().findFirst().orElse("").strip();
                    problems.add(relative + ": section without a source reference: \"" + heading + "\"");
                }
            }
        } else if (!CITATION.matcher(text).find()) {
            problems.add(relative + ": no source reference");
        }
        checkCitations(relative, text);
    }

    /** Each reference must point at an existing line of an existing seed, when the seeds are at hand. */
    private void checkCitations(String where, String text) {
        if (seeds == null) {
            return;
        }
        Matcher citation = CITATION.matcher(text);
        while (citation.find()) {
            Matcher reference = REFERENCE.matcher(citation.group());
            while (reference.find()) {
                long lines = seedLines(reference.group(1));
                int last = Integer.parseInt(reference.group(3) != null ? reference.group(3) : reference.group(2));
                if (lines < 0) {
                    problems.add(where + ": reference (" + reference.group() + ") names no seed document");
                } else if (last > lines) {
                    problems.add(where + ": reference (" + reference.group() + ") is past the end of the seed ("
                            + lines + " lines)");
                }
            }
        }
    }

    private final Map<String, Long> seedLineCounts = new LinkedHashMap<>();

    private long seedLines(String prefix) {
        return seedLineCounts.computeIfAbsent(prefix, p -> {
            for (Path seed : files(seeds, ".txt")) {
                if (seed.getFileName().toString().startsWith(p + "_")) {
                    try (Stream<String> lines = Files.lines(seed, StandardCharsets.UTF_8)) {
                        return lines.count();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            return -1L;
        });
    }

    private void requireTranslations(String what, JsonNode texts, List<String> languages) {
        for (String language : languages) {
            if (!texts.path(language).isTextual() || texts.path(language).asText().isBlank()) {
                problems.add(what + " misses its " + language + " translation");
            }
        }
    }

    /** Question name to its text (comments before it included), from a GIFT file. */
    static Map<String, String> questions(String gift) {
        Map<String, String> questions = new LinkedHashMap<>();
        for (String block : gift.split("\\n\\s*\\n")) {
            Matcher name = QUESTION_NAME.matcher(block);
            if (name.find()) {
                questions.put(name.group(1).trim(), block);
            }
        }
        return questions;
    }

    /** GIFT: {@code =} marks a right answer, {@code {T}}/{@code {F}} a true/false, a 100% weight a full answer. */
    static boolean hasCorrectAnswer(String question) {
        int open = indexOfUnescaped(question, '{');
        int close = question.lastIndexOf('}');
        if (open < 0 || close < open) {
            return false;
        }
        String answers = question.substring(open + 1, close).strip();
        return answers.matches("(?s)(T|F|TRUE|FALSE)\\b.*") || answers.matches("(?s)(.*\\n)?\\s*=.*")
                || answers.startsWith("=") || answers.contains("~%100%");
    }

    private static int indexOfUnescaped(String text, char wanted) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == wanted) {
                return i;
            }
        }
        return -1;
    }

    private JsonNode yaml(Path file) {
        if (!Files.isRegularFile(file)) {
            problems.add(content.relativize(file) + " is missing");
            return null;
        }
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            problems.add(content.relativize(file) + " is not valid YAML: " + e.getMessage());
            return null;
        }
    }

    private static String key(String country, String region, String language) {
        return country + "/" + (region == null ? "" : region) + "/" + language;
    }

    static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        node.forEach(value -> values.add(value.asText()));
        return values;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> files(Path dir, String suffix) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
