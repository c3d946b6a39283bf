package org.beacon.campaign.results;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.beacon.campaign.audit.AuditLog;
import org.beacon.campaign.campaign.Campaign;
import org.beacon.campaign.survey.SurveyForm;
import org.beacon.campaign.survey.SurveyService;
import org.beacon.campaign.survey.SurveyWave;
import org.beacon.campaign.survey.Wave;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.web.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Results for evaluators of the survey's organization and admins: the tally from the database, suppressed with the
 * organization's k. Every time results leave the service as a file or through the API it is written to the audit log.
 */
@ApplicationScoped
public class ResultsService {

    public static final String EXPORT = "survey-results-export";

    @Inject
    SurveyService surveys;

    @Inject
    ResultsQuery query;

    @Inject
    Breakdowns breakdowns;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @Inject
    ResultsSettings settings;

    @ConfigProperty(name = "beacon.surveys.min-cell-size", defaultValue = "10")
    int defaultMinCellSize;

    /** Every survey's solved disclosure problems, shared by all requests of this instance. */
    private SolvedDisclosures solved;

    @PostConstruct
    void keepSolvedProblems() {
        solved = new SolvedDisclosures(settings.solvedProblems());
    }

    void checkConfiguration(@Observes StartupEvent start) {
        if (defaultMinCellSize < DisclosurePolicy.FLOOR) {
            throw new IllegalStateException("beacon.surveys.min-cell-size must be at least " + DisclosurePolicy.FLOOR
                    + ", is " + defaultMinCellSize);
        }
        if (settings.intervalWidth().isPresent() && settings.intervalWidth().getAsInt() < 1) {
            throw new IllegalStateException("beacon.results.interval-width must be at least 1 (or unset for k), is "
                    + settings.intervalWidth().getAsInt());
        }
    }

    /** The survey a results request is about, after the organization check. */
    public SurveyForm survey(long surveyId) {
        return surveys.form(surveyId);
    }

    public SurveyResults results(SurveyForm form, String language, ResultsWording words) {
        return results(form, language, words, breakdowns.axes(form), Breakdowns.Selection.NONE);
    }

    /**
     * Results with every allowed breakdown dimension, and the groups of the selection's filtered breakdown. Axes and
     * selection come from {@link Breakdowns#axes} and {@link Breakdowns#select} for the same form.
     */
    public SurveyResults results(SurveyForm form, String language, ResultsWording words, List<BreakdownAxis> axes,
            Breakdowns.Selection selection) {
        Set<Wave> opened = EnumSet.noneOf(Wave.class);
        for (SurveyWave wave : SurveyWave.ofSurvey(form.id())) {
            opened.add(Wave.parse(wave.wave));
        }
        Dimension pair = selection.pair();
        int k = minCellSize(form.organization());
        return new SurveyResults(form, query.tally(form.id(), pair), k, settings.intervalWidth().orElse(0), opened,
                form.language(language), words, axes, pair, solved);
    }

    public String campaignTitle(SurveyForm form) {
        return Campaign.<Campaign>findById(form.campaignId()).title;
    }

    public int minCellSize(String organization) {
        DisclosurePolicy policy = DisclosurePolicy.findById(organization);
        return policy == null ? defaultMinCellSize : Math.max(DisclosurePolicy.FLOOR, policy.minCellSize);
    }

    /** Records that results of a survey left the service, and how. */
    @Transactional
    public void recordExport(SurveyForm form, String what) {
        audit.record(EXPORT, SurveyService.AUDIT_SUBJECT, form.id(), form.organization(),
                "Exported " + what + " of survey " + form.slug() + " (k = " + minCellSize(form.organization()) + ")");
    }

    /** Sets an organization's k; admins only, never below the floor. */
    @Transactional
    public int changeMinCellSize(String organization, int minCellSize) {
        if (!user.isAdmin()) {
            throw new io.quarkus.security.ForbiddenException("Only an admin sets an organization's smallest group.");
        }
        if (minCellSize < DisclosurePolicy.FLOOR || minCellSize > 1000) {
            throw ProblemException.badRequest("The smallest group shown must be between " + DisclosurePolicy.FLOOR
                    + " and 1000 respondents.");
        }
        DisclosurePolicy policy = DisclosurePolicy.findById(organization);
        if (policy == null) {
            policy = new DisclosurePolicy();
            policy.organization = organization;
        }
        policy.minCellSize = minCellSize;
        policy.changedBy = user.subject();
        policy.changedAt = OffsetDateTime.now();
        policy.persist();
        audit.record("survey-min-cell-size", "organization", null, organization,
                "Set the smallest group shown in survey results to " + minCellSize);
        return minCellSize;
    }
}
