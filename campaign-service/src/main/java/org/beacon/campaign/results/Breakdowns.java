package org.beacon.campaign.results;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.beacon.campaign.audit.AuditLog;
import org.beacon.campaign.survey.SurveyForm;
import org.beacon.campaign.survey.SurveyQuestion;
import org.beacon.campaign.survey.SurveyService;
import org.beacon.campaign.survey.Wave;
import org.beacon.commons.audit.AuditSummary;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.security.Roles;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/**
 * The breakdown dimensions of a survey: which single-choice questions (and whether the collection team) results may
 * be broken down by and filtered on. The campaign manager decides once per survey; until then every background and
 * single-choice question and the collection team are allowed. A change rebuilds the rollup for the new dimensions.
 */
@ApplicationScoped
public class Breakdowns {

    public static final String AUDIT_ACTION = "survey-breakdown-dimensions";

    /** What a results request asks for: a breakdown, a filter, both or neither (either may be null). */
    public record Selection(BreakdownAxis by, BreakdownAxis filter, int filterValue) {

        public static final Selection NONE = new Selection(null, null, 0);

        /** The groups of the pair the request needs from the rollup besides the single dimensions; null if none. */
        public Dimension pair() {
            return by != null && filter != null ? by.dimension().within(filter.dimension(), filterValue) : null;
        }
    }

    @Inject
    BreakdownStore store;

    @Inject
    Rollup rollup;

    @Inject
    SurveyService surveys;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    /** The questions a manager may allow: those with one answer from a list (the answer is a group). */
    public static List<SurveyForm.Question> candidates(SurveyForm form) {
        return form.answerable().stream().filter(Breakdowns::mayBreakDown).toList();
    }

    static boolean mayBreakDown(SurveyForm.Question question) {
        return question.collectsAnswer() && (question.kind().equals(SurveyQuestion.SINGLE)
                || question.kind().equals(SurveyQuestion.LIKERT) || question.kind().equals(SurveyQuestion.KNOWLEDGE));
    }

    /** Allowed until the manager decides: the background questions and the other single-choice questions. */
    static boolean allowedByDefault(SurveyForm.Question question) {
        return mayBreakDown(question) && (question.kind().equals(SurveyQuestion.SINGLE)
                || SurveyQuestion.AGE_BAND.equals(question.role()) || SurveyQuestion.GENDER.equals(question.role())
                || SurveyQuestion.REGION.equals(question.role()));
    }

    /** The manager's decision, or the default. */
    public BreakdownStore.Decision decision(SurveyForm form) {
        return store.decision(form.id()).orElseGet(() -> new BreakdownStore.Decision(candidates(form).stream()
                .filter(Breakdowns::allowedByDefault).map(SurveyForm.Question::id)
                .collect(Collectors.toCollection(LinkedHashSet::new)), true));
    }

    /**
     * The dimensions results show, in the form's order, the collection team last. The team is a dimension only once
     * the survey has collection links: before that everyone would be in its one group.
     */
    public List<BreakdownAxis> axes(SurveyForm form) {
        BreakdownStore.Decision decision = decision(form);
        List<BreakdownAxis> axes = new ArrayList<>();
        for (SurveyForm.Question question : candidates(form)) {
            if (decision.questions().contains(question.id())) {
                axes.add(BreakdownAxis.of(question));
            }
        }
        if (decision.collector()) {
            Map<Integer, BreakdownAxis.Team> teams = store.teams(form.id());
            if (!teams.isEmpty()) {
                axes.add(BreakdownAxis.team(teams));
            }
        }
        return axes;
    }

    /**
     * Reads the breakdown ({@code by}: a question's name or its background role, or "team") and the filter
     * ({@code dimension:group}, the group being a choice's name or a collection link's id) of a request. Anything
     * that names no allowed dimension or group is bad input (400) that says what would be accepted.
     */
    public static Selection select(SurveyForm form, List<BreakdownAxis> axes, String by, String filter) {
        BreakdownAxis breakdown = blank(by) ? null : axis(form, axes, by.strip(), Reason.of("results.use.broken-down-by"));
        BreakdownAxis filterAxis = null;
        int value = 0;
        if (!blank(filter)) {
            int colon = filter.indexOf(':');
            if (colon < 0) {
                throw ProblemException.badRequest(Reason.of("results.filter-shape", filter));
            }
            filterAxis = axis(form, axes, filter.substring(0, colon).strip(), Reason.of("results.use.filtered-on"));
            String group = filter.substring(colon + 1).strip();
            value = filterAxis.value(group);
            if (value < 0) {
                throw ProblemException.badRequest(filterAxis.isTeam()
                        ? Reason.of("results.no-team-group", filterAxis.id(), group)
                        : Reason.of("results.no-group", filterAxis.id(), group, filterAxis.question().choices().stream()
                                .map(SurveyForm.Choice::name).toList().toString()));
            }
            if (breakdown != null && breakdown.dimension().equals(filterAxis.dimension())) {
                throw ProblemException.badRequest(Reason.of("results.breakdown-and-filter", breakdown.id()));
            }
        }
        return new Selection(breakdown, filterAxis, value);
    }

    private static BreakdownAxis axis(SurveyForm form, List<BreakdownAxis> axes, String name, Reason use) {
        for (BreakdownAxis axis : axes) {
            if (axis.id().equals(name) || !axis.isTeam() && name.equals(axis.question().role())) {
                return axis;
            }
        }
        List<String> allowed = axes.stream().map(BreakdownAxis::id).toList();
        Optional<SurveyForm.Question> question = form.answerable().stream().filter(q -> q.name().equals(name))
                .findFirst();
        if (question.isEmpty()) {
            throw ProblemException.badRequest(Reason.of("results.no-question-allowed", name, use,
                    allowed.isEmpty() ? Reason.of("results.nothing-yet") : String.join(", ", allowed)));
        }
        if (!mayBreakDown(question.get())) {
            throw ProblemException.badRequest(Reason.of("results.not-single-choice", name, question.get().kind(), use));
        }
        throw ProblemException.badRequest(Reason.of("results.not-allowed", use, name,
                allowed.isEmpty() ? Reason.of("results.none") : String.join(", ", allowed)));
    }

    /** The view of a selection: its filter's group, broken down by its dimension in the given wave. */
    public static ResultsView view(SurveyResults results, String campaign, Selection selection, Wave wave) {
        return results.view(campaign, selection.by() == null ? null : selection.by().dimension(), wave,
                selection.filter() == null ? null : selection.filter().dimension(), selection.filterValue());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * Sets the survey's breakdown dimensions: managers of the survey's organization (and admins) only, each a
     * single-choice question of the survey. Audited, and the rollup is rebuilt in the same transaction.
     */
    /** Whether the user may change a survey's breakdown dimensions (the organization is checked with the survey). */
    public boolean mayChange() {
        return user.isAdmin() || user.hasRole(Roles.CAMPAIGN_MANAGER);
    }

    @Transactional
    public BreakdownStore.Decision change(long surveyId, Set<String> questions, boolean collector) {
        SurveyForm form = surveys.form(surveyId);
        if (!mayChange()) {
            throw ProblemException.forbidden(Reason.of("results.dimensions-manager"));
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String name : questions) {
            SurveyForm.Question question = form.answerable().stream().filter(q -> q.name().equals(name)).findFirst()
                    .orElseThrow(() -> ProblemException.badRequest(Reason.of("results.no-question", name)));
            if (!mayBreakDown(question)) {
                throw ProblemException.badRequest(Reason.of("results.dimension-single-choice", name,
                        question.kind()));
            }
            ids.add(question.id());
        }
        BreakdownStore.Decision decision = new BreakdownStore.Decision(ids, collector);
        // The rollup is rebuilt first: it takes the fold's lock, so a batch folded with the old dimensions cannot
        // land after the new ones are stored; the waiting responses are counted by the results meanwhile.
        rollup.rebuild(form.id());
        store.store(form.id(), decision, user.subject());
        audit.record(AUDIT_ACTION, SurveyService.AUDIT_SUBJECT, form.id(), form.organization(),
                AuditSummary.of(collector ? "survey.breakdowns-set-with-team" : "survey.breakdowns-set", form.slug(),
                        questions.isEmpty() ? AuditSummary.word("word.no-question") : List.copyOf(questions)));
        return decision;
    }
}
