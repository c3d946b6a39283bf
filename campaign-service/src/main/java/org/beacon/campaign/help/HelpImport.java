package org.beacon.campaign.help;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.beacon.campaign.audit.AuditLog;
import org.beacon.campaign.campaign.CampaignVersion;
import org.beacon.campaign.i18n.ImportProblem;
import org.beacon.campaign.input.ContentArchive;
import org.beacon.commons.audit.AuditSummary;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/**
 * Imports {@code content/help/<country>.yaml}: platform-wide entries matched by slug. All files are checked before
 * anything is written; an unchanged entry is left as it is, so importing twice changes nothing.
 */
@ApplicationScoped
public class HelpImport {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record HelpFile(String country, List<Entry> resources) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String slug, String kind, Boolean demo, String region, List<String> languages,
            Map<String, String> name, String contact, Boolean active, LocalDate lastVerified) {
    }

    /** Slugs by outcome. */
    public record Report(List<String> created, List<String> updated, List<String> unchanged) {
    }


    @Inject
    HelpDirectory directory;

    @Inject
    Validator validator;

    @Inject
    AuditLog audit;

    /**
     * With {@code dryRun}, the import runs as it would in a transaction that is always rolled back: the same
     * refusals (400, or 409 when published campaigns would lose their help) and the same report, nothing kept.
     */
    @Transactional
    public Report importArchive(ContentArchive archive, boolean dryRun) {
        Report report = apply(archive);
        if (dryRun) {
            HelpResource.flush();
            QuarkusTransaction.setRollbackOnly();
        }
        return report;
    }

    private Report apply(ContentArchive archive) {
        List<ImportProblem> errors = new ArrayList<>();
        List<HelpResourceInput> inputs = new ArrayList<>();
        List<String> paths = archive.endingWith(".yaml");
        if (paths.isEmpty()) {
            throw ProblemException.badRequest(Reason.of("help.import-no-file"));
        }
        for (String path : paths) {
            HelpFile file;
            try {
                file = archive.yaml(path, HelpFile.class);
            } catch (IOException e) {
                errors.add(ImportProblem.unreadableYaml(e).in(path));
                continue;
            }
            if (file == null || file.country() == null || file.resources() == null) {
                errors.add(ImportProblem.of(Reason.of("help.import-fields-required")).in(path));
                continue;
            }
            for (Entry entry : file.resources()) {
                HelpResourceInput input = new HelpResourceInput(entry.slug(), entry.kind(), file.country(),
                        entry.region(), entry.languages() == null ? List.of() : entry.languages(),
                        entry.name() == null ? Map.of() : entry.name(), entry.contact(),
                        entry.active() == null || entry.active(), Boolean.TRUE.equals(entry.demo()),
                        entry.lastVerified());
                for (ConstraintViolation<HelpResourceInput> violation : validator.validate(input)) {
                    errors.add(ImportProblem.violation(violation).in(path + " " + entry.slug()));
                }
                inputs.add(input);
            }
        }
        if (!errors.isEmpty()) {
            throw ImportProblem.refusal(Reason.of("help.import-refused"), errors);
        }
        Report report = new Report(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        // Judged as a whole: an archive may retire one entry and add its replacement in any order.
        directory.keepingPublishedHelp(CampaignVersion.allPublished(), () -> {
            for (HelpResourceInput input : inputs) {
                switch (directory.importResource(input)) {
                    case CREATED -> report.created().add(input.slug());
                    case UPDATED -> report.updated().add(input.slug());
                    case UNCHANGED -> report.unchanged().add(input.slug());
                }
            }
            return report;
        });
        if (!report.created().isEmpty() || !report.updated().isEmpty()) {
            audit.record(AuditLog.IMPORT, HelpDirectory.AUDIT_SUBJECT, null, null, AuditSummary.of("help.imported",
                    report.created().size(), slugs(report.created()), report.updated().size(),
                    slugs(report.updated())));
        }
        return report;
    }

    /** Slugs for the audit log; none is said in words. */
    private static Object slugs(List<String> slugs) {
        return slugs.isEmpty() ? AuditSummary.word("word.none") : List.copyOf(slugs);
    }
}
