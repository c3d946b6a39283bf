package org.beacon.devstack.content;

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
 * The checks that keep shipped content teachable and safe, run by the build before anything is imported: every
 * course text exists in every course language, every question has a right answer and a source, every media link
 * resolves, every factual paragraph carries a seed reference, pre-test, module checks and post-test measure learning
 * on separate questions, no campaign place and language is left without help (nor, outside a demonstration
 * campaign, with demo help only), every help placeholder of a material can be filled, and every shipped survey
 * uses (and correctly writes) the form logic evaluators' questionnaires use: skip logic, a constraint explained in
 * every language, a group and a label that repeats an answer.
 * The format is described in content/README.md.
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
    /** What a material may write to name the help of the reader's place (campaign-service's HelpPlaceholder). */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{help\\.[^{}\\s]{0,60}\\}");
    static final Pattern DEFINED_PLACEHOLDER = Pattern.compile("\\{help\\.(hotline|shelter|referral)\\.(name|contact)\\}");
    /** A paragraph shorter than this (a slogan, a sound cue, a transition) states no fact of its own. */
    private static final int PARAGRAPH_FACT_LENGTH = 100;
    private static final Pattern QUESTION_NAME = Pattern.compile("^::([^:]+)::", Pattern.MULTILINE);
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
        List<HelpEntry> help = helpEntries();
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

    private void validateCampaign(Path dir, List<HelpEntry> help) {
        String where = content.relativize(dir).toString();
        JsonNode campaign = yaml(dir.resolve("campaign.yaml"));
        if (campaign == null) {
            return;
        }
        List<String> languages = strings(campaign.path("languages"));
        // A demonstration campaign is published only by the demo stack, where demo help counts for the gate.
        boolean demo = campaign.path("demo").asBoolean(false);
        List<String[]> places = new ArrayList<>();
        for (JsonNode place : campaign.path("places")) {
            places.add(new String[] { place.path("country").asText(),
                    place.path("region").isTextual() ? place.path("region").asText() : null });
        }
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
                    checkPlaceholders(file, language, places, help, demo);
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
        for (String[] place : places) {
            for (String language : languages) {
                List<HelpEntry> serving = help.stream().filter(h -> h.serves(place[0], place[1], language)).toList();
                if (serving.isEmpty()) {
                    problems.add(where + ": no active help resource for " + placeName(place) + " in " + language);
                } else if (!demo && serving.stream().allMatch(HelpEntry::demo)) {
                    problems.add(where + ": only demo help for " + placeName(place) + " in " + language
                            + "; a campaign for production needs a real, verified resource there (a demonstration "
                            + "campaign says demo: true)");
                }
            }
        }
    }

    /**
     * A shipped survey shows what evaluators' forms do (issue 11): at least one question asked only when a
     * {@code relevant} rule holds, a {@code constraint} with its {@code constraint_message} in every language of the
     * survey, a group, and a label that repeats an earlier answer ({@code ${name}}). Every rule must be readable and
     * name only questions of the form, every constraint must explain itself in every language, and the survey must
     * speak every language of its campaign.
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
        sheet.problems().forEach(problem -> problems.add(relative + ": " + problem));
        List<String> languages = sheet.languages();
        for (String language : campaignLanguages) {
            if (!languages.contains(language)) {
                problems.add(relative + ": no label column in " + language + ", a language of the campaign");
            }
        }
        FormLogic logic = new FormLogic(sheet);
        boolean relevance = false;
        boolean explainedConstraint = false;
        boolean labelReference = false;
        for (SurveySheet.Row row : sheet.rows()) {
            String where = relative + " row " + row.row() + (row.name().isEmpty() ? "" : " (" + row.name() + ")");
            for (String column : List.of("relevant", "constraint")) {
                if (row.get(column).isEmpty()) {
                    continue;
                }
                relevance |= column.equals("relevant");
                try {
                    logic.check(row.get(column));
                } catch (IllegalArgumentException e) {
                    problems.add(where + ": " + column + " " + e.getMessage());
                }
            }
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
            for (Map.Entry<String, String> cell : row.cells().entrySet()) {
                if (!cell.getKey().contains("::")) {
                    continue;
                }
                Matcher reference = SurveySheet.REFERENCE.matcher(cell.getValue());
                while (reference.find()) {
                    if (sheet.field(reference.group(1)) == null) {
                        problems.add(where + ": " + cell.getKey() + " refers to ${" + reference.group(1)
                                + "}, which names no question");
                    } else if (cell.getKey().startsWith("label::")) {
                        labelReference = true;
                    }
                }
            }
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
    }

    /**
     * Every help placeholder of a material names one that exists and resolves, for each place of the campaign in
     * the material's language, against the help files, by the publishing gate's rule (campaign-service's
     * HelpDirectory): an active entry of that kind for the place's region or the whole country, speaking the
     * language, and not a demo entry unless the campaign is a demonstration.
     */
    private void checkPlaceholders(Path file, String language, List<String[]> places, List<HelpEntry> help,
            boolean demo) {
        String relative = content.relativize(file).toString();
        Matcher written = PLACEHOLDER.matcher(read(file));
        Set<String> seen = new LinkedHashSet<>();
        while (written.find()) {
            String placeholder = written.group();
            if (!seen.add(placeholder)) {
                continue;
            }
            Matcher defined = DEFINED_PLACEHOLDER.matcher(placeholder);
            if (!defined.matches()) {
                problems.add(relative + ": " + placeholder + " is not a help placeholder ({help.<hotline|shelter|"
                        + "referral>.<name|contact>})");
                continue;
            }
            for (String[] place : places) {
                boolean filled = help.stream().anyMatch(h -> h.kind().equals(defined.group(1))
                        && h.serves(place[0], place[1], language) && (demo || !h.demo()));
                if (!filled) {
                    problems.add(relative + ": " + placeholder + " cannot be filled for " + placeName(place) + " in "
                            + language + ": no active " + defined.group(1) + (demo ? "" : " other than a demo entry")
                            + " serves it");
                }
            }
        }
    }

    private static String placeName(String[] place) {
        return place[0] + (place[1] == null ? "" : "/" + place[1]);
    }

    /** An active entry of a help file. */
    record HelpEntry(String country, String region, String kind, List<String> languages, boolean demo) {

        /** The gate's rule: a regional place is served by its region's entries or the country's, a country by its own. */
        boolean serves(String placeCountry, String placeRegion, String language) {
            String primary = language.split("-")[0];
            return country.equalsIgnoreCase(placeCountry)
                    && (region == null || (placeRegion != null && region.equalsIgnoreCase(placeRegion)))
                    && languages.stream().anyMatch(l -> l.equalsIgnoreCase(language) || l.equalsIgnoreCase(primary));
        }
    }

    /**
     * The active entries of the help files. A demo entry never carries a verification date (nobody verified a
     * placeholder, and readers are shown that date) nor a contact that looks like a real number.
     */
    private List<HelpEntry> helpEntries() {
        List<HelpEntry> entries = new ArrayList<>();
        for (Path file : files(content.resolve("help"), ".yaml")) {
            JsonNode help = yaml(file);
            if (help == null) {
                continue;
            }
            String relative = content.relativize(file).toString();
            String country = help.path("country").asText();
            for (JsonNode resource : help.path("resources")) {
                boolean demo = resource.path("demo").asBoolean(false);
                String slug = resource.path("slug").asText();
                if (demo && resource.hasNonNull("lastVerified")) {
                    problems.add(relative + ": demo entry " + slug + " carries lastVerified; only a person who "
                            + "checked a real entry with the service enters that date");
                }
                if (demo && resource.path("contact").asText().replaceAll("\\D", "").length() >= 5) {
                    problems.add(relative + ": demo entry " + slug + " has a contact that looks like a real number");
                }
                if (!resource.path("active").asBoolean(false)) {
                    continue;
                }
                String region = resource.path("region").isTextual() ? resource.path("region").asText() : null;
                entries.add(new HelpEntry(country, region, resource.path("kind").asText(),
                        strings(resource.path("languages")), demo));
            }
        }
        return entries;
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
        if (!lesson && !CITATION.matcher(text).find()) {
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
