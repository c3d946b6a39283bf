package org.beacon.campaign.campaign;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import org.beacon.campaign.audit.AuditLog;
import org.beacon.campaign.campaign.CampaignMaterials.VariantText;
import org.beacon.campaign.i18n.ImportProblem;
import org.beacon.campaign.input.ContentArchive;
import org.beacon.campaign.input.InputLimits;
import org.beacon.commons.audit.AuditSummary;
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
        List<ImportProblem> errors = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        for (String path : paths) {
            parse(archive, path, errors).ifPresent(parsed::add);
        }
        int materialCount = parsed.stream().mapToInt(content -> content.materials().size()).sum();
        if (materialCount > limits.archive().materials()) {
            errors.add(ImportProblem.of(Reason.of("import.materials-limit", materialCount, limits.archive().materials())));
        }
        if (!errors.isEmpty()) {
            throw ImportProblem.refusal(Reason.of("import.content-refused"), errors);
        }
        return new Report(parsed.stream().map(content -> apply(content, dryRun)).toList());
    }

    private CampaignReport apply(Parsed content, boolean dryRun) {
        CampaignFile file = content.file();
        List<Reason> written = new ArrayList<>();
        // The same changes for the audit log, in words of any language.
        List<AuditSummary> audited = new ArrayList<>();
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
            int number = campaigns.current(campaign).number;
            written.add(Reason.of("import.change-campaign-version", number));
            audited.add(AuditSummary.of("import.campaign-version", number));
        }
        for (MaterialContent materialContent : content.materials()) {
            for (CampaignMaterials.WrittenVariant variant : materials.importMaterial(campaign, materialContent.slug(),
                    materialContent.kind(), materialContent.variants())) {
                written.add(Reason.of("import.change-material-variant", variant.material(), variant.language(),
                        variant.number()));
                audited.add(AuditSummary.of("import.material-variant", variant.material(),
                        AuditSummary.language(variant.language()), variant.number()));
            }
        }
        List<String> changes = written.stream().map(Reason::english).toList();
        if (outcome.equals("unchanged") && !changes.isEmpty()) {
            outcome = "updated-materials";
        }
        if (!changes.isEmpty()) {
            audit.record(AuditLog.IMPORT, CampaignService.AUDIT_SUBJECT, campaign.id, campaign.organization,
                    AuditSummary.of("campaign.imported", campaign.slug, content.path(),
                            AuditSummary.word("import." + outcome), audited));
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

    private Optional<Parsed> parse(ContentArchive archive, String path, List<ImportProblem> errors) {
        CampaignFile file;
        try {
            file = archive.yaml(path, CampaignFile.class);
        } catch (IOException e) {
            errors.add(ImportProblem.unreadableYaml(e).in(path));
            return Optional.empty();
        }
        if (file == null || file.slug() == null || file.organization() == null || file.defaultLanguage() == null
                || file.title() == null) {
            errors.add(ImportProblem.of(Reason.of("import.fields-required")).in(path));
            return Optional.empty();
        }
        List<ImportProblem> problems = new ArrayList<>();
        check(new NewCampaign(file.slug(), file.title().get(file.defaultLanguage()), file.defaultLanguage()),
                problems);

        Set<String> languages = new LinkedHashSet<>();
        languages.add(file.defaultLanguage());
        languages.addAll(file.languages() != null ? file.languages() : file.title().keySet());
        Map<String, TranslationText> texts = new LinkedHashMap<>();
        for (String language : languages) {
            if (file.title().get(language) == null) {
                problems.add(ImportProblem.of(Reason.of("import.no-title-in", language)));
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
                problems.add(ImportProblem.of(entry.slug() == null
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
     * list the same.
     */
    private <T> void check(T value, List<ImportProblem> problems) {
        validator.validate(value).stream().map(ImportProblem::violation).sorted(ImportProblem.BY_ENGLISH)
                .forEach(problems::add);
    }
}
