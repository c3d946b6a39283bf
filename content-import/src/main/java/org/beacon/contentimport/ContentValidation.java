package org.beacon.contentimport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * The editorial checks of content/ that no service makes, because they are this repository's policy for the content
 * it ships rather than rules of the platform: every course and campaign text exists in every language it declares
 * (the services need only the default language), every question and every factual paragraph carries a seed
 * reference that points at a real line, pre-test, module checks and post-test measure learning on separate
 * questions, the question banks of a course name the same questions in every language, links of materials and
 * links of lessons outside media/ resolve, demo help entries claim no verification nor a real-looking number, and
 * every shipped survey shows the form logic evaluators' questionnaires use (skip logic, a constraint explained in
 * every language, a group, a label that repeats an answer) in every language of its campaign.
 * <p>
 * Everything a service checks (GIFT right answers, question names, lesson media, YAML fields, help coverage and
 * help placeholders, XLSForm rows and expressions) is asked of that service by a dry run of its import
 * ({@link ContentImport#dryRun()}), never repeated here. The format is described in content/README.md.
 */
public final class ContentValidation {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Seed references in parentheses: {@code (002 L17)}, {@code (003 L1302-1320)}, {@code (000 L7346, 000 L3141)}. */
    static final Pattern CITATION = Pattern.compile("\\(\\d{3} L\\d+[^)]*\\)");
    /** One reference inside a citation. */
    private static final Pattern REFERENCE = Pattern.compile("(\\d{3}) L(\\d+)(?:[-–](\\d+))?");
    /** A legal instrument named by article in the text, which content/README.md accepts as the citation of a rule. */
    private static final Pattern ARTICLE = Pattern.compile(
            "\\(legal:[^)]*\\)|\\b(Art\\.|Article|article|Artículo|artículo|Artigo|artigo|المادة)\\s*\\d");
    /**
     * The course's own advice or reading, and practice guidance, in the four course languages (content/README.md):
     * a lead of up to one short sentence, the marker, an optional qualifier ("Good practice in court:"), a colon.
     */
    private static final Pattern OWN_ADVICE = Pattern.compile("^(?:[^.:]{0,60}\\.\\s+)?(Our advice|Our reading"
            + "|Good practice|Notre conseil|Notre lecture|Bonne pratique|Nuestro consejo|Nuestra lectura"
            + "|Buena práctica|O nosso conselho|A nossa leitura|Boa prática)(?:\\s[^:.]{0,40})?\\s*:");
    private static final Pattern SPEAKER = Pattern.compile("^\\*\\*[^*]{1,40}:\\*\\*\\s*");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*([-*+]|\\d+[.)])\\s+");
    private static final Pattern BARE_CITATION = Pattern.compile("(\\(\\d{3} L[^)]*\\)\\s*)+");
    /** Anything written like a help placeholder: the reader sees its filled value, not the placeholder's words. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{help\\.[^{}\\s]{0,60}\\}");
    /** A paragraph shorter than this (a slogan, a sound cue, a transition) states no fact of its own. */
    private static final int PARAGRAPH_FACT_LENGTH = 100;
    private static final Pattern QUESTION_NAME = Pattern.compile("^::([^:]+)::", Pattern.MULTILINE);
    /** An Arabic label column of a choices sheet: {@code label::العربية (ar)}, {@code label::ar}. */
    private static final Pattern ARABIC_LABEL = Pattern.compile("(?i)label::(?:ar|.*\\(\\s*ar(?:-[a-z0-9]+)*\\s*\\))");
    private static final Pattern LATIN_DIGIT = Pattern.compile("[0-9]");
    private static final Pattern LEFT_TO_RIGHT_RUN = Pattern.compile("\u2066[^\u2069]*\u2069");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    /** The paragraph under the title may introduce a lesson or a material in a few lines without a source. */
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
        checkDemoHelp();
        for (Path campaign : children(content.resolve("campaigns"))) {
            validateCampaign(campaign);
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
        List<String> pretest = strings(course.path("pretest"));
        List<String> posttest = strings(course.path("posttest"));
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
                        validateMarkdown(file, dir.resolve("media"));
                    }
                }
            }
        }
        for (JsonNode term : course.path("glossary")) {
            requireTranslations(where + " glossary " + term.path("term").asText(), term.path("explanation"), languages);
        }
        validateQuestionBanks(dir, where, languages);
    }

    private void validateQuestionBanks(Path dir, String where, List<String> languages) {
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
                if (!text.contains("// source:") || !CITATION.matcher(text).find()) {
                    problems.add(relative + ": question " + question.getKey() + " has no source reference");
                }
                checkCitations(relative, text);
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

    private void validateCampaign(Path dir) {
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
                    validateMarkdown(file, null);
                }
            }
        }
        for (JsonNode survey : campaign.path("surveys")) {
            Path folder = dir.resolve("surveys/" + survey.path("slug").asText());
            boolean complete = true;
            for (String sheet : List.of("survey.csv", "choices.csv", "settings.csv")) {
                if (!Files.isRegularFile(folder.resolve(sheet))) {
                    problems.add(where + ": survey " + survey.path("slug").asText() + " misses " + sheet);
                    complete = false;
                }
            }
            if (complete) {
                validateSurvey(folder, languages);
            }
        }
    }

    /**
     * A shipped survey shows what evaluators' forms do (issue 11): at least one question asked only when a
     * {@code relevant} rule holds, a {@code constraint} with its {@code constraint_message} in every language of the
     * survey, a group, and a label that repeats an earlier answer ({@code ${name}}); every constraint explains
     * itself in every language, and the survey speaks every language of its campaign. Whether the rules can be read
     * and name questions of the form is campaign-service's XLSForm import's to say (the dry run).
     */
    private void validateSurvey(Path folder, List<String> campaignLanguages) {
        String relative = content.relativize(folder.resolve("survey.csv")).toString();
        SurveySheet sheet;
        try {
            sheet = SurveySheet.read(folder);
        } catch (RuntimeException e) {
            problems.add(relative + ": cannot be read: " + e.getMessage());
            return;
        }
        List<String> languages = sheet.languages();
        for (String language : campaignLanguages) {
            if (!languages.contains(language)) {
                problems.add(relative + ": no label column in " + language + ", a language of the campaign");
            }
        }
        boolean relevance = false;
        boolean explainedConstraint = false;
        boolean labelReference = false;
        for (SurveySheet.Row row : sheet.rows()) {
            String where = relative + " row " + row.row() + (row.name().isEmpty() ? "" : " (" + row.name() + ")");
            relevance |= !row.get("relevant").isEmpty();
            if (!row.get("constraint").isEmpty()) {
                List<String> missing = languages.stream()
                        .filter(language -> row.get("constraint_message::" + language).isEmpty()).toList();
                if (missing.isEmpty()) {
                    explainedConstraint = true;
                } else {
                    problems.add(where + ": the constraint has no constraint_message in " + String.join(", ", missing)
                            + "; a respondent would not know why the answer is refused");
                }
            }
            labelReference |= row.cells().entrySet().stream().anyMatch(cell -> cell.getKey().startsWith("label::")
                    && SurveySheet.REFERENCE.matcher(cell.getValue()).find());
        }
        if (!relevance) {
            problems.add(relative + ": no question is asked conditionally (a relevant rule, e.g. where the respondent "
                    + "heard of the campaign only if they did)");
        }
        if (!explainedConstraint) {
            problems.add(relative + ": no constraint with a constraint_message in every language of the survey");
        }
        if (sheet.groups() == 0) {
            problems.add(relative + ": no group (begin group ... end group)");
        }
        if (!labelReference) {
            problems.add(relative + ": no label repeats an earlier answer (${name} in a label)");
        }
        checkArabicDigits(folder.resolve("choices.csv"));
    }

    /**
     * Numbers in an Arabic choice label are written in Arabic-Indic digits: Latin digits inside right-to-left text
     * are laid out by the bidirectional algorithm, and "50+" came out as "+50". A run that must stay Latin and
     * left to right (a code, a phone number) is marked as such, inside U+2066 (left-to-right isolate) … U+2069.
     */
    private void checkArabicDigits(Path choices) {
        if (!Files.isRegularFile(choices)) {
            return;
        }
        String relative = content.relativize(choices).toString();
        List<List<String>> rows = XlsFormWorkbook.rows(choices);
        if (rows.isEmpty()) {
            return;
        }
        List<String> header = rows.get(0);
        for (int column = 0; column < header.size(); column++) {
            if (!ARABIC_LABEL.matcher(header.get(column).strip()).matches()) {
                continue;
            }
            for (int index = 1; index < rows.size(); index++) {
                List<String> row = rows.get(index);
                String label = column < row.size() ? row.get(column) : "";
                if (LATIN_DIGIT.matcher(LEFT_TO_RIGHT_RUN.matcher(label).replaceAll("")).find()) {
                    problems.add(relative + " row " + (index + 1) + " (" + String.join("/", row.subList(0,
                            Math.min(2, row.size()))) + "): the Arabic label \"" + label + "\" has Latin digits;"
                            + " write them in Arabic-Indic digits (١٥-١٧) or mark the run left to right"
                            + " (U+2066 … U+2069)");
                }
            }
        }
    }

    /**
     * A demo entry of the help files never carries a verification date (nobody verified a placeholder, and readers
     * are shown that date) nor a contact that looks like a real number.
     */
    private void checkDemoHelp() {
        for (Path file : files(content.resolve("help"), ".yaml")) {
            JsonNode help = yaml(file);
            if (help == null) {
                continue;
            }
            String relative = content.relativize(file).toString();
            for (JsonNode resource : help.path("resources")) {
                if (!resource.path("demo").asBoolean(false)) {
                    continue;
                }
                String slug = resource.path("slug").asText();
                if (resource.hasNonNull("lastVerified")) {
                    problems.add(relative + ": demo entry " + slug + " carries lastVerified; only a person who "
                            + "checked a real entry with the service enters that date");
                }
                if (resource.path("contact").asText().replaceAll("\\D", "").length() >= 5) {
                    problems.add(relative + ": demo entry " + slug + " has a contact that looks like a real number");
                }
            }
        }
    }

    /**
     * @param lessonMedia a lesson's media/ folder, whose links the training service checks on import; null for a
     *                    material, whose every link is checked here
     */
    private void validateMarkdown(Path file, Path lessonMedia) {
        String relative = content.relativize(file).toString();
        String text = read(file);
        Matcher link = MARKDOWN_LINK.matcher(text);
        while (link.find()) {
            String target = link.group(1);
            if (target.contains("://") || target.startsWith("mailto:") || target.startsWith("#")) {
                continue;
            }
            Path resolved = file.getParent().resolve(target.split("#")[0]).normalize();
            if (lessonMedia != null && resolved.startsWith(lessonMedia)) {
                continue;
            }
            if (!resolved.startsWith(content) || !Files.exists(resolved)) {
                problems.add(relative + ": broken media link " + target);
            }
        }
        if (lessonMedia == null && !CITATION.matcher(text).find()) {
            problems.add(relative + ": no source reference");
        }
        checkParagraphs(relative, text);
        checkCitations(relative, text);
    }

    /**
     * Every factual paragraph of a lesson or a material carries its source (content/README.md): a seed reference,
     * or a legal instrument named by article ({@code (legal: ...)}, "Article 6(2)(b) of ..."). Exempt, because they
     * state no fact of their own:
     * <ul>
     * <li>headings, and the lead-in under the title of a text with sections (under 400 characters);</li>
     * <li>questions, and lead-ins ending with a colon;</li>
     * <li>editorial notes in italics and a lone link;</li>
     * <li>paragraphs under 100 characters once speaker labels, markup and help placeholders are removed: a slogan,
     * a sound cue, a contact line;</li>
     * <li>the course's own advice or reading and practice guidance ({@code Our advice:}, {@code Good practice:} and
     * their translations), once a source came before it in the text: the facts it builds on are cited there;</li>
     * <li>a list or a table introduced by a cited paragraph or by such advice, or followed by a bare citation.</li>
     * </ul>
     * Any other list item or table is checked like a paragraph.
     */
    private void checkParagraphs(String relative, String text) {
        String[] blocks = text.split("\\n\\s*\\n");
        boolean hasSections = text.lines().anyMatch(l -> l.startsWith("## "));
        boolean leadIn = true;
        boolean citedBefore = false;
        boolean introduced = false;
        for (int i = 0; i < blocks.length; i++) {
            List<String> lines = new ArrayList<>(blocks[i].lines().toList());
            if (lines.stream().anyMatch(l -> l.startsWith("#"))) {
                introduced = false;
                // Only the paragraph right under the title is a lead-in; under a section heading the teaching starts.
                leadIn = leadIn && lines.stream().noneMatch(l -> l.startsWith("##"));
                lines.removeIf(l -> l.startsWith("#"));
            }
            lines.removeIf(String::isBlank);
            if (lines.isEmpty()) {
                continue;
            }
            String body = String.join("\n", lines);
            boolean first = leadIn;
            leadIn = false;
            if (LIST_ITEM.matcher(lines.get(0)).find() || lines.get(0).startsWith("|")) {
                String next = i + 1 < blocks.length ? blocks[i + 1].strip() : "";
                if (introduced || BARE_CITATION.matcher(next).matches()) {
                    continue;
                }
                List<String> items = lines.get(0).startsWith("|") ? List.of(body)
                        : List.of(body.split("\\n(?=\\s*(?:[-*+]|\\d+[.)])\\s)"));
                for (String item : items) {
                    String plain = plain(LIST_ITEM.matcher(item).replaceFirst(""));
                    if (plain.length() >= PARAGRAPH_FACT_LENGTH && !cites(item)) {
                        problems.add(relative + ": list item without a source reference: \"" + excerpt(plain) + "\"");
                    }
                }
                continue;
            }
            String plain = plain(body);
            if (cites(body)) {
                citedBefore = true;
                introduced = true;
                continue;
            }
            boolean advice = OWN_ADVICE.matcher(plain).find();
            if (advice) {
                introduced = citedBefore;
            } else if (!plain.endsWith(":")) {
                // A lead-in such as "Two conditions stand out:" passes on what the paragraph before it covered.
                introduced = false;
            }
            if ((advice && citedBefore)
                    || (first && hasSections && plain.length() < LEAD_IN_LENGTH)
                    || body.strip().matches("(?s)\\*[^*].*\\*|_[^_].*_")
                    || plain.endsWith("?") || plain.endsWith("؟") || plain.endsWith(":")
                    || plain.matches("\\[[^\\]]*\\]\\([^)]*\\)")
                    || plain.length() < PARAGRAPH_FACT_LENGTH) {
                continue;
            }
            problems.add(relative + ": " + (advice ? "advice before any source" : "paragraph without a source reference")
                    + ": \"" + excerpt(plain) + "\"");
        }
    }

    private static boolean cites(String text) {
        return CITATION.matcher(text).find() || ARTICLE.matcher(text).find();
    }

    /** The words a reader reads: no speaker label, emphasis or help placeholder. */
    private static String plain(String text) {
        String plain = SPEAKER.matcher(text.strip()).replaceFirst("");
        plain = plain.replaceAll("[*_`]", "");
        return PLACEHOLDER.matcher(plain).replaceAll("").strip();
    }

    private static String excerpt(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= 60 ? line : line.substring(0, 60) + "…";
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
