package org.beacon.campaign.results;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
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

    /** Solves the disclosure problems requests wait for (see {@link SolvedDisclosures}). */
    private ExecutorService problems;

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
     * A survey as results read it in one state ({@link ResultsQueries.State}): its form, the dimensions results show,
     * the waves ever opened, k and the campaign's title. Kept per survey while the state is unchanged, so that a
     * request whose figures were solved already costs one round trip to the database.
     */
    record SurveyState(ResultsQueries.State state, SurveyForm form, List<BreakdownAxis> axes, Set<Wave> opened,
            int minCellSize, String campaignTitle) {
    }

    /**
     * What a request asks for: the survey in its current state and the number of responses its figures count now.
     * {@code kept} is false when the state changed while it was being read (a settings change at that very moment):
     * its figures are then solved for this request alone, never kept under a state they may not belong to.
     */
    record Asked(SurveyState survey, long responses, boolean kept) {

        SurveyForm form() {
            return survey.form();
        }
    }

    /**
     * What a request reads, in a language and wording, with a filtered breakdown's pair or not. With the number of
     * responses counted it names the figures: the state names the form (by its id, revision and settings revision),
     * k, the opened waves and the dimensions.
     */
    private record Reading(ResultsQueries.State state, String language, String wording, Dimension pair) {
    }

    private static final int SURVEY_STATES = 256;

    /** Surveys read before, by id; a few hundred at most, each sharing its form with {@link SurveyService}'s. */
    private final Map<Long, SurveyState> surveyStates = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, SurveyState> eldest) {
            return size() > SURVEY_STATES;
        }
    };

    /** How often a survey whose state keeps changing while it is read is read again before it is served unkept. */
    private static final int ATTEMPTS = 3;

    @PostConstruct
    void keepSolvedProblems() {
        problems = Executors.newFixedThreadPool(2, daemon("survey-disclosure-solver"));
        solved = new SolvedDisclosures(settings.solvedProblems(), problems, settings.solvingPatience());
        solver = Executors.newSingleThreadExecutor(daemon("survey-results-solver"));
        states = new ResultsStates(settings.solvedProblems(), settings.staleFor(), settings.patience(), solver,
                Clock.systemUTC());
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @PreDestroy
    void stopSolving() {
        solver.shutdownNow();
        problems.shutdownNow();
    }

    void checkConfiguration(@Observes StartupEvent start) {
        if (defaultMinCellSize < DisclosurePolicy.FLOOR) {
            throw new IllegalStateException("beacon.surveys.min-cell-size must be at least " + DisclosurePolicy.FLOOR
                    + ", is " + defaultMinCellSize);
        }
        if (settings.intervalWidth().isPresent() && settings.intervalWidth().getAsInt() < 0) {
            throw new IllegalStateException("beacon.results.interval-width must be 0 or unset (no range checked) or "
                    + "at least 1; is " + settings.intervalWidth().getAsInt());
        }
        if (settings.filteredIntervalWidth().isPresent() && settings.filteredIntervalWidth().getAsInt() < 0) {
            throw new IllegalStateException("beacon.results.filtered-interval-width must be 0 (no range checked), at "
                    + "least 1, or unset for the width of every other output; is "
                    + settings.filteredIntervalWidth().getAsInt());
        }
    }

    /** The survey a results request is about, after the organization check. */
    public SurveyForm survey(long surveyId) {
        return surveys.form(surveyId);
    }

    /**
     * The survey a results output is about, after the organization check (404 when there is none, 403 when it is
     * another organization's), and how many responses its figures count now. The state is named by one query
     * ({@link ResultsQueries#STAMP}); the form, dimensions, waves, k and title are read again only when it changed,
     * and kept only when it did not change again while they were read.
     */
    Asked asked(long surveyId) {
        for (int attempt = 1;; attempt++) {
            ResultsQueries.Stamp stamp = stamp(surveyId);
            SurveyState known;
            synchronized (surveyStates) {
                known = surveyStates.get(surveyId);
            }
            if (known != null && known.state().equals(stamp.state())) {
                return new Asked(known, stamp.responses(), true);
            }
            SurveyForm form = surveys.form(surveyId);
            Set<Wave> opened = EnumSet.noneOf(Wave.class);
            for (SurveyWave wave : SurveyWave.ofSurvey(surveyId)) {
                opened.add(Wave.parse(wave.wave));
            }
            SurveyState read = new SurveyState(stamp.state(), form, List.copyOf(breakdowns.axes(form)),
                    opened, minCellSize(form.organization()), campaignTitle(form));
            ResultsQueries.Stamp after = stamp(surveyId);
            if (after.state().equals(stamp.state())) {
                synchronized (surveyStates) {
                    surveyStates.put(surveyId, read);
                }
                return new Asked(read, after.responses(), true);
            }
            if (attempt == ATTEMPTS) {
                return new Asked(read, after.responses(), false);
            }
        }
    }

    private ResultsQueries.Stamp stamp(long surveyId) {
        ResultsQueries.Stamp stamp = query.stamp(surveyId)
                .orElseThrow(() -> ProblemException.notFound(Reason.of("survey.not-found", String.valueOf(surveyId))));
        user.requireMayActFor(stamp.organization());
        return stamp;
    }

    /**
     * Results as the page shows them to a reader: in the reader's language where the survey has it, worded and
     * formatted for the reader; while newer answers are being solved, the latest solved figures with their time.
     * The selection comes from {@link Breakdowns#select} for the asked survey's form and dimensions.
     */
    Current forReader(Asked asked, String interfaceLanguage, Breakdowns.Selection selection) {
        return read(asked, asked.form().language(interfaceLanguage), interfaceLanguage,
                () -> ResultsWording.of(interfaceLanguage), selection, true);
    }

    /**
     * Results as the JSON API and the CSV export give them: the survey's default language, English wording, and
     * always the current figures (a file carries no "as of" note, and a dashboard reads what was just submitted).
     */
    Current forExport(Asked asked, Breakdowns.Selection selection) {
        return read(asked, asked.form().defaultLanguage(), "", () -> ResultsWording.ENGLISH, selection, false);
    }

    /**
     * The latest solved results of the reading (see {@link ResultsStates}): when the figures the request counted
     * were solved already, nothing else is read.
     */
    private Current read(Asked asked, String language, String wording, Supplier<ResultsWording> words,
            Breakdowns.Selection selection, boolean earlier) {
        SurveyState survey = asked.survey();
        Dimension pair = selection.pair();
        int width = settings.intervalWidth().orElse(survey.minCellSize());
        int filteredWidth = settings.filteredIntervalWidth().orElse(width);
        Supplier<SolvedResults> solve = () -> {
            Tally tally = query.tally(survey.form().id(), pair);
            Instant asOf = Instant.now();
            return new SolvedResults(new SurveyResults(survey.form(), tally, survey.minCellSize(), width,
                    filteredWidth, survey.opened(), language, words.get(), survey.axes(), pair, solved),
                    tally.responses(), asOf);
        };
        if (!asked.kept()) {
            SolvedResults alone = solve.get();
            return new Current(alone, Math.max(0, asked.responses() - alone.responses()));
        }
        SolvedResults shown = states.read(new Reading(survey.state(), language, wording, pair), asked.responses(),
                earlier, solve);
        return new Current(shown, Math.max(0, asked.responses() - shown.responses()));
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
        recordExport(form, minCellSize(form.organization()), what);
    }

    /** {@link #recordExport(SurveyForm, AuditSummary)} with the k the exported figures were suppressed with. */
    @Transactional
    public void recordExport(SurveyForm form, int minCellSize, AuditSummary what) {
        audit.record(EXPORT, SurveyService.AUDIT_SUBJECT, form.id(), form.organization(),
                AuditSummary.of("survey.exported", form.slug(), what, minCellSize));
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
