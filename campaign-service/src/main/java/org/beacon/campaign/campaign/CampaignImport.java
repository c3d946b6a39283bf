package org.beacon.campaign.campaign;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.beacon.campaign.audit.AuditLog;
import org.beacon.campaign.campaign.CampaignMaterials.VariantText;
import org.beacon.campaign.i18n.ListedRefusal;
import org.beacon.campaign.input.ContentArchive;
import org.beacon.campaign.input.InputLimits;
import org.beacon.commons.i18n.Languages;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/**
 * Imports campaigns from content/ (campaign.yaml and materials/*.md, see content/README.md). Everything is read
 * and checked before anything is written, in one transaction: a bad file changes nothing. Unchanged content
 * changes nothing either, and changed content becomes a draft (a new campaign version, a new material variant),
 * never an overwrite of what was published.
 */
@ApplicationScoped
public class CampaignImport {

    public record Report(List<CampaignReport> campaigns) {
    }

    /**
     * {@code outcome}: created, new-version, updated-draft, updated-materials or unchanged, a code, and
     * {@code outcomeText} the same in the request's language ({@code Accept-Language}); {@code changes}: each draft
     * written, in English as always ("campaign version 2", "sms en variant 2"), and {@code changesText} the same in
     * the request's language; {@code publishing}, on a dry run only: what the publishing gate would hold against the
     * campaign as imported, with the help directory as it is (places and languages without help, help placeholders
     * it cannot fill), in English, and {@code publishingText} the same list in the request's language.
     */
    public record CampaignReport(String slug, String outcome, String outcomeText, List<String> changes,
            List<String> changesText,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> publishing,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> publishingText) {

        static CampaignReport of(String slug, String outcome, List<Reason> changes, List<Reason> publishing) {
            return new CampaignReport(slug, outcome, Reason.of("import.outcome." + outcome).readerText(),
                    changes.stream().map(Reason::english).toList(), changes.stream().map(Reason::readerText).toList(),
                    publishing == null ? null : publishing.stream().map(Reason::english).toList(),
                    publishing == null ? null : publishing.stream().map(Reason::readerText).toList());
        }
    }

    /**
     * A problem of the archive: {@code english} for problem+json's {@code errors}, where a parser's own sentence is
     * kept; {@code reader} for a person ({@code errorsText}), a fixed sentence in their language instead.
     */
    private record Problem(Reason english, Reason reader) {

        static Problem of(Reason reason) {
            return new Problem(reason, reason);
        }

        /** The problem in a file of the archive, named by its path. */
        Problem in(String path) {
            return new Problem(Reason.of("import.problem-in", path, english), Reason.of("import.problem-in", path,
                    reader));
        }
    }

    /**
     * The annotations' own messages on the records the import checks (NewCampaign, CampaignSettings): English, as
     * the JSON API says them; their reader's text by key.
     */
    private static final Map<String, String> CONSTRAINT_KEYS = Map.of(
            "use lower-case letters, digits and dashes", "import.value-slug",
            "must be a BCP-47 language tag", "import.value-language-tag",
            "use lower-case words joined by dashes", "import.value-words",
            "must be an ISO 3166 two-letter country code", "import.value-country",
            "the period must not end before it starts", "import.value-period");

    private record Parsed(String path, CampaignFile file, CampaignSettings settings, Map<String, TranslationText> texts,
            List<MaterialContent> materials) {
    }

    private record MaterialContent(String slug, String kind, Map<String, VariantText> variants) {
    }


    @Inject
    CampaignService campaigns;

    @Inject
    CampaignMaterials materials;

    @Inject
    Validator validator;

    @Inject
    AuditLog audit;

    @Inject
    InputLimits limits;

    @Inject
    HelpGate help;

    /**
     * With {@code dryRun}, the import runs as it would, every check and every write, in a transaction that is always
     * rolled back: the same problems as a real import (the same 400 or 409), and nothing kept.
     */
    @Transactional
    public Report importArchive(ContentArchive archive, boolean dryRun) {
        Report report = apply(archive, dryRun);
        if (dryRun) {
            // Written to the database first, so that what only the database checks is answered too.
            Campaign.flush();
            QuarkusTransaction.setRollbackOnly();
        }
        return report;
    }

    private Report apply(ContentArchive archive, boolean dryRun) {
        List<String> paths = archive.find("campaign.yaml");
        if (paths.isEmpty()) {
            throw ProblemException.badRequest(Reason.of("import.no-campaign-yaml"));
        }
        List<Problem> errors = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        for (String path : paths) {
            parse(archive, path, errors).ifPresent(parsed::add);
        }
        int materialCount = parsed.stream().mapToInt(content -> content.materials().size()).sum();
        if (materialCount > limits.archive().materials()) {
            errors.add(Problem.of(Reason.of("import.materials-limit", materialCount, limits.archive().materials())));
        }
        if (!errors.isEmpty()) {
            throw new ListedRefusal(400, "Invalid input", Reason.of("import.content-refused"),
                    errors.stream().map(problem -> problem.english().english()).toList(),
                    errors.stream().map(Problem::reader).toList());
        }
        return new Report(parsed.stream().map(content -> apply(content, dryRun)).toList());
    }

    private CampaignReport apply(Parsed content, boolean dryRun) {
        CampaignFile file = content.file();
        List<Reason> written = new ArrayList<>();
        Optional<Campaign> existing = Campaign.bySlug(file.slug());
        String outcome;
        Campaign campaign;
        if (existing.isEmpty()) {
            campaign = campaigns.create(new NewCampaign(file.slug(), file.title().get(file.defaultLanguage()),
                    file.defaultLanguage()), file.organization());
            campaigns.importContent(campaign, content.settings(), content.texts());
            outcome = "created";
        } else {
            campaign = existing.get();
            if (!campaign.organization.equals(file.organization())) {
                throw ProblemException.conflict(Reason.of("import.other-organization",
                        content.path(), file.slug(), campaign.organization, file.organization()));
            }
            CampaignService.ImportOutcome result = campaigns.importContent(campaign, content.settings(),
                    content.texts());
            outcome = switch (result) {
                case UNCHANGED -> "unchanged";
                case UPDATED_DRAFT -> "updated-draft";
                case NEW_VERSION -> "new-version";
            };
        }
        if (!outcome.equals("unchanged")) {
            written.add(Reason.of("import.change-campaign-version", campaigns.current(campaign).number));
        }
        for (MaterialContent materialContent : content.materials()) {
            written.addAll(materials.importMaterial(campaign, materialContent.slug(), materialContent.kind(),
                    materialContent.variants()));
        }
        List<String> changes = written.stream().map(Reason::english).toList();
        if (outcome.equals("unchanged") && !changes.isEmpty()) {
            outcome = "updated-materials";
        }
        if (!changes.isEmpty()) {
            audit.record(AuditLog.IMPORT, CampaignService.AUDIT_SUBJECT, campaign.id, campaign.organization,
                    "Campaign '" + campaign.slug + "' imported from " + content.path() + ": " + outcome + " ("
                            + String.join("; ", changes) + ").");
        }
        return CampaignReport.of(campaign.slug, outcome, written, dryRun ? publishing(campaign, content) : null);
    }

    /** The publishing gate's rule (the help directory, through HelpGate), asked of the version and the material texts this import holds. */
    private List<Reason> publishing(Campaign campaign, Parsed content) {
        CampaignVersion version = campaigns.current(campaign);
        List<Reason> problems = new ArrayList<>(campaigns.missingHelp(version).stream()
                .map(missing -> Reason.of("gate.import-no-help", missing)).toList());
        for (MaterialContent material : content.materials()) {
            material.variants().forEach((language, variant) -> problems.addAll(help.unfilledPlaceholders(
                    material.slug(), language, variant.title() + "\n" + variant.markdown(), version.placeList())));
        }
        return problems;
    }

    private Optional<Parsed> parse(ContentArchive archive, String path, List<Problem> errors) {
        CampaignFile file;
        try {
            file = archive.yaml(path, CampaignFile.class);
        } catch (IOException e) {
            // The parser's sentence is English: problem+json keeps it, a person is told the place in their words.
            boolean placed = e instanceof JsonProcessingException json && json.getLocation() != null
                    && json.getLocation().getLineNr() > 0;
            Reason reader = placed ? Reason.of("import.yaml-invalid-at",
                    ((JsonProcessingException) e).getLocation().getLineNr(),
                    Math.max(1, ((JsonProcessingException) e).getLocation().getColumnNr()))
                    : Reason.of("import.yaml-invalid-here");
            errors.add(new Problem(Reason.of("import.yaml-invalid", firstLine(e.getMessage())), reader).in(path));
            return Optional.empty();
        }
        if (file == null || file.slug() == null || file.organization() == null || file.defaultLanguage() == null
                || file.title() == null) {
            errors.add(Problem.of(Reason.of("import.fields-required")).in(path));
            return Optional.empty();
        }
        List<Problem> problems = new ArrayList<>();
        check(new NewCampaign(file.slug(), file.title().get(file.defaultLanguage()), file.defaultLanguage()),
                problems);

        Set<String> languages = new LinkedHashSet<>();
        languages.add(file.defaultLanguage());
        languages.addAll(file.languages() != null ? file.languages() : file.title().keySet());
        Map<String, TranslationText> texts = new LinkedHashMap<>();
        for (String language : languages) {
            if (file.title().get(language) == null) {
                problems.add(Problem.of(Reason.of("import.no-title-in", language)));
                continue;
            }
            List<String> messages = file.keyMessages() == null ? List.of()
                    : file.keyMessages().stream().map(m -> m.get(language)).filter(m -> m != null).toList();
            TranslationText text = new TranslationText(file.title().get(language),
                    file.objectives() == null ? "" : file.objectives().get(language), messages);
            check(text, problems);
            texts.put(language, text);
        }
        CampaignSettings settings = new CampaignSettings(file.defaultLanguage(),
                file.targetGroups() == null ? List.of() : file.targetGroups(),
                file.channels() == null ? List.of() : file.channels(),
                file.places() == null ? List.of() : file.places().stream()
                        .map(p -> new CampaignSettings.PlaceInput(p.country(), p.region())).toList(),
                file.period() == null ? null : file.period().start(),
                file.period() == null ? null : file.period().end());
        check(settings, problems);

        String root = path.substring(0, path.length() - "campaign.yaml".length());
        List<MaterialContent> materialContents = new ArrayList<>();
        for (CampaignFile.MaterialEntry entry : file.materials() == null ? List.<CampaignFile.MaterialEntry>of()
                : file.materials()) {
            if (entry.slug() == null || entry.type() == null || !Vocabulary.MATERIAL_KINDS.contains(entry.type())) {
                problems.add(Problem.of(entry.slug() == null
                        ? Reason.of("import.material-kind", Vocabulary.MATERIAL_KINDS)
                        : Reason.of("import.material-kind-of", Vocabulary.MATERIAL_KINDS, entry.slug())));
                continue;
            }
            materialContents.add(new MaterialContent(entry.slug(), entry.type(),
                    variants(archive, root + "materials/" + entry.slug() + ".", entry)));
        }
        problems.forEach(problem -> errors.add(problem.in(path)));
        return problems.isEmpty() ? Optional.of(new Parsed(path, file, settings, texts, materialContents))
                : Optional.empty();
    }

    /** Every {@code materials/<slug>.<language>.md} present; its leading level-1 heading is the fallback title. */
    private static Map<String, VariantText> variants(ContentArchive archive, String prefix,
            CampaignFile.MaterialEntry entry) {
        Map<String, VariantText> variants = new LinkedHashMap<>();
        for (String path : archive.endingWith(".md")) {
            if (!path.startsWith(prefix)) {
                continue;
            }
            String language = path.substring(prefix.length(), path.length() - ".md".length());
            if (!Languages.isTag(language)) {
                continue;
            }
            String markdown = archive.text(path).orElse("").strip();
            String heading = null;
            if (markdown.startsWith("# ")) {
                int end = markdown.indexOf('\n');
                heading = (end < 0 ? markdown.substring(2) : markdown.substring(2, end)).trim();
                // The page shows the title above the text; repeating it as the first line would say it twice.
                markdown = end < 0 ? "" : markdown.substring(end + 1).strip();
            }
            String title = entry.title() != null && entry.title().get(language) != null ? entry.title().get(language)
                    : heading != null ? heading : entry.slug();
            variants.put(language, new VariantText(title, markdown));
        }
        return variants;
    }

    /**
     * The value's constraint violations, sorted by their English: the validator returns a set, and a dry run must
     * list the same. problem+json keeps the validator's English; a person reads what the constraint asks.
     */
    private <T> void check(T value, List<Problem> problems) {
        validator.validate(value).stream()
                .map(v -> new Problem(Reason.of("import.field-problem", v.getPropertyPath().toString(),
                        Reason.of("import.as-written", v.getMessage())),
                        Reason.of("import.field-problem", v.getPropertyPath().toString(), asked(v))))
                .sorted(Comparator.comparing(problem -> problem.english().english()))
                .forEach(problems::add);
    }

    /** What a violated constraint asks of the value, in words every language has. */
    private static Reason asked(ConstraintViolation<?> violation) {
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        String key = CONSTRAINT_KEYS.get(violation.getMessageTemplate());
        if (key != null) {
            return Reason.of(key);
        }
        if (constraint instanceof NotBlank || constraint instanceof NotNull || constraint instanceof NotEmpty) {
            return Reason.of("import.value-required");
        }
        if (constraint instanceof Size size) {
            boolean text = violation.getInvalidValue() instanceof CharSequence;
            return size.min() > 0 ? Reason.of(text ? "import.value-characters-between" : "import.value-items-between",
                    size.min(), size.max())
                    : Reason.of(text ? "import.value-characters-at-most" : "import.value-items-at-most", size.max());
        }
        return Reason.of("import.as-written", violation.getMessage());
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
