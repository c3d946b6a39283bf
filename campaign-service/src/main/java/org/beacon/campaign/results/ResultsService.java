package org.beacon.campaign.results;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
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
import org.beacon.commons.audit.AuditSummary;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
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
    ResultsQueries query;

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

    /** The latest solved results of each reading, shared by all requests of this instance. */
    private ResultsStates states;

    /** Solves newer figures while requests are served the latest solved ones; one solve at a time. */
    private ExecutorService solver;

    /**
     * The results a request shows, and how many responses received since they were read are not in them yet (being
     * solved in the background; 0 when they are the current figures).
     */
    record Current(SolvedResults solved, long newer) {

        SurveyResults results() {
            return solved.results();
        }
    }

    /**
     * What a request reads: the survey's form and settings, k, the opened waves and dimensions, in a language and
     * wording, with a filtered breakdown's pair or not. With the number of responses counted it names the figures.
     */
    private record Reading(SurveyForm form, int minCellSize, Set<Wave> opened, List<BreakdownAxis> axes,
            String language, String wording, Dimension pair) {
    }

    @PostConstruct
    void keepSolvedProblems() {
        solved = new SolvedDisclosures(settings.solvedProblems());
        solver = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "survey-results-solver");
            thread.setDaemon(true);
            return thread;
        });
        states = new ResultsStates(settings.solvedProblems(), settings.staleFor(), settings.patience(), solver,
                Clock.systemUTC());
    }

    @PreDestroy
    void stopSolving() {
        solver.shutdownNow();
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

    /**
     * Results as the page shows them to a reader: in the reader's language where the survey has it, worded and
     * formatted for the reader; while newer answers are being solved, the latest solved figures with their time.
     * Axes and selection come from {@link Breakdowns#axes} and {@link Breakdowns#select} for the same form.
     */
    Current forReader(SurveyForm form, String interfaceLanguage, List<BreakdownAxis> axes,
            Breakdowns.Selection selection) {
        return read(form, form.language(interfaceLanguage), interfaceLanguage,
                () -> ResultsWording.of(interfaceLanguage), axes, selection, true);
    }

    /**
     * Results as the JSON API and the CSV export give them: the survey's default language, English wording, and
     * always the current figures (a file carries no "as of" note, and a dashboard reads what was just submitted).
     */
    Current forExport(SurveyForm form, List<BreakdownAxis> axes, Breakdowns.Selection selection) {
        return read(form, form.defaultLanguage(), "", () -> ResultsWording.ENGLISH, axes, selection, false);
    }

    /**
     * The latest solved results of the reading (see {@link ResultsStates}): a few index reads name the current
     * figures (their number of responses) and, when they were solved already, nothing else is read.
     */
    private Current read(SurveyForm form, String language, String wording, Supplier<ResultsWording> words,
            List<BreakdownAxis> axes, Breakdowns.Selection selection, boolean earlier) {
        Set<Wave> opened = EnumSet.noneOf(Wave.class);
        for (SurveyWave wave : SurveyWave.ofSurvey(form.id())) {
            opened.add(Wave.parse(wave.wave));
        }
        int minCellSize = minCellSize(form.organization());
        Dimension pair = selection.pair();
        Reading reading = new Reading(form, minCellSize, opened, List.copyOf(axes), language, wording, pair);
        long responses = query.responses(form.id());
        SolvedResults shown = states.read(reading, responses, earlier, () -> {
            Tally tally = query.tally(form.id(), pair);
            Instant asOf = Instant.now();
            return new SolvedResults(new SurveyResults(form, tally, minCellSize, settings.intervalWidth().orElse(0),
                    opened, language, words.get(), axes, pair, solved), tally.responses(), asOf);
        });
        return new Current(shown, Math.max(0, responses - shown.responses()));
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
    public void recordExport(SurveyForm form, AuditSummary what) {
        audit.record(EXPORT, SurveyService.AUDIT_SUBJECT, form.id(), form.organization(),
                AuditSummary.of("survey.exported", form.slug(), what, minCellSize(form.organization())));
    }

    /** Sets an organization's k; admins only, never below the floor. */
    @Transactional
    public int changeMinCellSize(String organization, int minCellSize) {
        if (!user.isAdmin()) {
            throw ProblemException.forbidden(Reason.of("detail.smallest-group-admin"));
        }
        if (minCellSize < DisclosurePolicy.FLOOR || minCellSize > 1000) {
            throw ProblemException.badRequest(Reason.of("results.smallest-group-range", DisclosurePolicy.FLOOR,
                    1000));
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
                AuditSummary.of("results.min-cell-size", minCellSize));
        return minCellSize;
    }
}
