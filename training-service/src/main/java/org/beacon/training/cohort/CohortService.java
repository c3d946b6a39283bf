package org.beacon.training.cohort;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.security.Roles;
import org.beacon.commons.text.UntrustedText;
import org.beacon.commons.web.ProblemException;
import org.beacon.training.cohort.CohortProgress.KnowledgeGain;
import org.beacon.training.cohort.CohortProgress.MemberRow;
import org.beacon.training.cohort.CohortQueries.DirectoryTrainee;
import org.beacon.training.cohort.CohortQueries.SessionRow;
import org.beacon.training.cohort.CohortRefusal.Reason;
import org.beacon.training.course.Course;
import org.beacon.training.enrolment.EnrolmentQueries;
import org.beacon.training.enrolment.EnrolmentQueries.EnrolledTrainee;
import org.beacon.training.enrolment.EnrolmentService;
import org.beacon.training.period.ReportPeriod;

/**
 * Cohorts belong to the trainer who created them: another trainer gets 403, admins see all. A trainer adds
 * trainees of the cohort's organization who have signed in at least once, enrolling them in the cohort's course
 * when they are not yet. Progress and knowledge gain (post-test minus pre-test, per trainee, mean and
 * distribution) are composed by {@link CohortProgress} from what the cohort, enrolment and course packages own.
 */
@ApplicationScoped
public class CohortService {

    @Inject
    CurrentUser user;

    @Inject
    CohortQueries queries;

    @Inject
    CohortProgress progress;

    @Inject
    EnrolmentService enrolments;

    @Inject
    EnrolmentQueries enrolmentQueries;

    @Inject
    KeycloakTrainees keycloak;

    public record NewCohort(String name, String course, String institution, String startsOn, String endsOn) {
    }

    public record CohortRow(long id, String name, String course, String institution, LocalDate startsOn,
            LocalDate endsOn, String trainer, long trainees) {
    }

    /** A trainee of the directory, with whether they are enrolled in the cohort's course. */
    public record TraineeRow(String subject, String username, String name, String organization, boolean enrolled) {
    }

    public record CohortDetail(CohortRow cohort, List<MemberRow> members, List<SessionRow> sessions,
            KnowledgeGain knowledgeGain) {
    }

    @Transactional
    public Cohort create(NewCohort request) {
        requireTrainer();
        if (request == null) {
            throw ProblemException.badRequest(org.beacon.commons.web.Reason.of("cohort.send-fields"));
        }
        List<CohortRefusal.Field> refused = new ArrayList<>();
        // Shown to the cohort's trainees and in reports: nothing in them may reorder what others read.
        String name = UntrustedText.stripSpoofing(request.name());
        String institution = UntrustedText.stripSpoofing(request.institution());
        if (blank(name)) {
            refused.add(new CohortRefusal.Field("name", Reason.MISSING, 0, "give the cohort a name."));
        }
        tooLong("name", name, NAME_LIMIT, refused);
        Course course = blank(request.course()) ? null : Course.bySlug(request.course()).orElse(null);
        if (course == null) {
            refused.add(new CohortRefusal.Field("course", Reason.NO_SUCH_COURSE, 0,
                    "no course '" + request.course() + "'."));
        }
        if (blank(institution)) {
            refused.add(new CohortRefusal.Field("institution", Reason.MISSING, 0,
                    "name the institution the trainees come from."));
        }
        tooLong("institution", institution, NAME_LIMIT, refused);
        LocalDate starts = date(request.startsOn(), "startsOn", refused);
        LocalDate ends = date(request.endsOn(), "endsOn", refused);
        if (starts != null && ends != null && ends.isBefore(starts)) {
            refused.add(new CohortRefusal.Field("endsOn", Reason.ENDS_BEFORE_START, 0,
                    "the cohort cannot end before it starts."));
        }
        if (!refused.isEmpty()) {
            throw new CohortRefusal(org.beacon.commons.web.Reason.of("cohort.invalid"), refused);
        }
        Cohort cohort = new Cohort();
        cohort.name = name.strip();
        cohort.courseId = course.id;
        cohort.institution = institution.strip();
        cohort.organization = user.organization().orElse(null);
        cohort.trainerSubject = user.subject();
        cohort.trainerName = user.displayName();
        cohort.startsOn = starts;
        cohort.endsOn = ends;
        cohort.persist();
        return cohort;
    }

    /** A trainer's own cohorts; an admin sees every cohort. */
    @Transactional
    public List<CohortRow> list() {
        requireTrainer();
        List<Cohort> cohorts = user.isAdmin() ? Cohort.list("order by startsOn desc, id desc")
                : Cohort.ofTrainer(user.subject());
        return cohorts.stream().map(this::row).toList();
    }

    /** The cohort if the caller runs it (or is an admin); 404 if unknown, 403 if another trainer's. */
    public Cohort require(long id) {
        requireTrainer();
        Cohort cohort = Cohort.findById(id);
        if (cohort == null) {
            throw ProblemException.notFound(org.beacon.commons.web.Reason.of("cohort.not-found", String.valueOf(id)));
        }
        if (!user.isAdmin() && !cohort.trainerSubject.equals(user.subject())) {
            throw ProblemException.forbidden(org.beacon.commons.web.Reason.of("detail.other-trainer"));
        }
        return cohort;
    }

    /** Cohorts are for trainers and admins, whichever resource calls. */
    private void requireTrainer() {
        if (!user.isAdmin() && !user.hasRole(Roles.TRAINER)) {
            throw ProblemException.forbidden(org.beacon.commons.web.Reason.of("cohort.trainers-only"));
        }
    }

    /**
     * The trainees a trainer may add to the cohort, by name or username: those of the cohort's organization who
     * have signed in at least once and are not in the cohort yet (an admin finds every organization's).
     */
    @Transactional
    public List<TraineeRow> searchTrainees(long cohortId, String search) {
        Cohort cohort = require(cohortId);
        List<String> enrolledThrough = user.isAdmin() ? List.of()
                : enrolmentQueries.enrolledThrough(cohort.courseId, cohort.organization);
        List<DirectoryTrainee> found = withNeverSignedIn(cohort, queries.searchTrainees(cohort.id,
                cohort.organization, user.isAdmin(), enrolledThrough, search), search);
        Set<String> enrolled = enrolmentQueries.enrolledAmong(cohort.courseId,
                found.stream().map(DirectoryTrainee::subject).toList());
        return found.stream().map(t -> traineeRow(t, enrolled.contains(t.subject()))).toList();
    }

    /**
     * The trainees found among those who signed in once, and the cohort organization's trainees in Keycloak who are
     * not among them (who have never signed in) nor in the cohort yet: all trainees of the organization, by name.
     */
    private List<DirectoryTrainee> withNeverSignedIn(Cohort cohort, List<DirectoryTrainee> signedIn, String search) {
        // Only a search asks Keycloak: the cohort page itself stays readable while Keycloak is away.
        if (search == null || !keycloak.configured() || cohort.organization == null) {
            return signedIn;
        }
        Set<String> known = new HashSet<>(queries.memberSubjects(cohort.id));
        signedIn.forEach(t -> known.add(t.subject()));
        List<DirectoryTrainee> all = new ArrayList<>(signedIn);
        keycloak.search(cohort.organization, search).stream().filter(t -> !known.contains(t.subject()))
                .forEach(all::add);
        all.sort(Comparator.comparing(DirectoryTrainee::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(DirectoryTrainee::subject));
        return all.size() > CohortQueries.SEARCH_LIMIT ? all.subList(0, CohortQueries.SEARCH_LIMIT) : all;
    }

    /**
     * Adds a trainee by account id (the subject of their token) and enrols them in the cohort's course, in its
     * default language, if they are not enrolled yet. A trainer runs cohorts for their own organization: a trainee
     * of another organization is refused (403) unless they enrolled in the course through the cohort's; an admin
     * may cross.
     */
    @Transactional
    public void addMember(long cohortId, String subject) {
        Cohort cohort = require(cohortId);
        if (blank(subject)) {
            throw ProblemException.badRequest(org.beacon.commons.web.Reason.of("cohort.trainee-id"));
        }
        DirectoryTrainee trainee = queries.trainee(subject.strip()).orElse(null);
        EnrolledTrainee enrolled = enrolmentQueries.enrolment(cohort.courseId, subject.strip(), cohort.organization)
                .orElse(null);
        if (trainee == null && enrolled == null && keycloak.configured()) {
            // Someone who has never signed in: Keycloak says whether they are a trainee, and of which organization.
            trainee = keycloak.trainee(subject.strip()).orElse(null);
        }
        if (trainee == null && enrolled == null) {
            throw ProblemException.badRequest(org.beacon.commons.web.Reason.of("cohort.trainee-unknown"));
        }
        boolean ofCohortOrganization = (trainee != null && Objects.equals(trainee.organization(), cohort.organization))
                || (enrolled != null && Objects.equals(enrolled.organization(), cohort.organization));
        if (!user.isAdmin() && !ofCohortOrganization) {
            throw ProblemException.forbidden(org.beacon.commons.web.Reason.of("cohort.trainee-other-organization",
                    cohort.organization == null ? org.beacon.commons.web.Reason.of("cohort.no-organization")
                            : cohort.organization));
        }
        String name = trainee != null ? trainee.name() : enrolled.name();
        if (enrolled == null) {
            enrolments.enrolForCohort(cohort.courseId,
                    new EnrolmentService.Trainee(trainee.subject(), trainee.name(), trainee.organization()));
        }
        queries.addMember(cohort.id, subject.strip(), name);
    }

    @Transactional
    public long addSession(long cohortId, String heldOn, String topic) {
        Cohort cohort = require(cohortId);
        List<CohortRefusal.Field> refused = new ArrayList<>();
        LocalDate date = date(heldOn, "heldOn", refused);
        topic = UntrustedText.stripSpoofing(topic);
        if (blank(topic)) {
            refused.add(new CohortRefusal.Field("topic", Reason.MISSING, 0, "say what the session covers."));
        }
        tooLong("topic", topic, TOPIC_LIMIT, refused);
        if (!refused.isEmpty()) {
            throw new CohortRefusal(org.beacon.commons.web.Reason.of("cohort.session-invalid"), refused);
        }
        return queries.addSession(cohort.id, date, topic.strip());
    }

    /** Records who was present at a session; every other trainee of the cohort is recorded absent. */
    @Transactional
    public void recordAttendance(long cohortId, long sessionId, Collection<String> present) {
        Cohort cohort = require(cohortId);
        if (!queries.hasSession(cohort.id, sessionId)) {
            throw ProblemException.notFound(org.beacon.commons.web.Reason.of("cohort.no-session", String.valueOf(sessionId)));
        }
        Set<String> members = new HashSet<>(queries.memberSubjects(cohort.id));
        Set<String> presentSet = present == null ? Set.of() : new HashSet<>(present);
        presentSet.stream().filter(s -> !members.contains(s)).findFirst().ifPresent(s -> {
            throw ProblemException.badRequest(org.beacon.commons.web.Reason.of("cohort.not-a-member", s));
        });
        for (String member : members) {
            queries.recordAttendance(sessionId, member, presentSet.contains(member));
        }
    }

    @Transactional
    public CohortDetail detail(long id) {
        return detail(id, ReportPeriod.ALWAYS);
    }

    /** Trainees with the work they did within the period, the sessions held in it, and their knowledge gain. */
    @Transactional
    public CohortDetail detail(long id, ReportPeriod period) {
        Cohort cohort = require(id);
        List<MemberRow> members = progress.members(cohort, period);
        return new CohortDetail(row(cohort), members, queries.sessions(cohort.id, period),
                CohortProgress.knowledgeGain(members));
    }

    private static TraineeRow traineeRow(DirectoryTrainee trainee, boolean enrolled) {
        return new TraineeRow(trainee.subject(), trainee.username(), trainee.name(), trainee.organization(), enrolled);
    }

    private CohortRow row(Cohort cohort) {
        Course course = Course.findById(cohort.courseId);
        return new CohortRow(cohort.id, cohort.name, course.slug, cohort.institution, cohort.startsOn, cohort.endsOn,
                cohort.trainerName, queries.memberCount(cohort.id));
    }

    private static LocalDate date(String text, String field, List<CohortRefusal.Field> refused) {
        if (blank(text)) {
            refused.add(new CohortRefusal.Field(field, Reason.MISSING, 0, "give a date as YYYY-MM-DD."));
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            refused.add(new CohortRefusal.Field(field, Reason.NOT_A_DATE, 0,
                    "'" + text + "' is not a date as YYYY-MM-DD."));
            return null;
        }
    }

    /** The columns' sizes (V12__cohorts.sql): longer text is a 400 naming the limit, not a database error. */
    private static final int NAME_LIMIT = 200;
    private static final int TOPIC_LIMIT = 300;

    private static void tooLong(String field, String value, int limit, List<CohortRefusal.Field> refused) {
        if (value != null && value.strip().length() > limit) {
            refused.add(new CohortRefusal.Field(field, Reason.TOO_LONG, limit, "at most " + limit + " characters."));
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
