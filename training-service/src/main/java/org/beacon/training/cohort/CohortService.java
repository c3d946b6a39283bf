package org.beacon.training.cohort;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.text.UntrustedText;
import org.beacon.commons.web.ProblemException;
import org.beacon.training.course.Course;

/**
 * Cohorts belong to the trainer who created them: another trainer gets 403, admins see all. Progress and
 * knowledge gain (post-test minus pre-test, per trainee, mean and distribution) are computed by the database.
 */
@ApplicationScoped
public class CohortService {

    @Inject
    CurrentUser user;

    @Inject
    EntityManager em;

    public record NewCohort(String name, String course, String institution, String startsOn, String endsOn) {
    }

    public record CohortRow(long id, String name, String course, String institution, LocalDate startsOn,
            LocalDate endsOn, String trainer, long trainees) {
    }

    public record MemberRow(String subject, String name, Long enrolmentId, String status, int version,
            int progress, BigDecimal pretest, BigDecimal posttest, BigDecimal gain, long attended) {
    }

    public record SessionRow(long id, LocalDate heldOn, String topic, Set<String> present) {
    }

    public record Bucket(int from, int to, long trainees) {
    }

    public record KnowledgeGain(long trainees, BigDecimal mean, BigDecimal min, BigDecimal max, List<Bucket> distribution) {
    }

    public record Candidate(String subject, String name) {
    }

    public record CohortDetail(CohortRow cohort, List<MemberRow> members, List<SessionRow> sessions,
            KnowledgeGain knowledgeGain, List<Candidate> candidates) {
    }

    @Transactional
    public Cohort create(NewCohort request) {
        List<String> errors = new ArrayList<>();
        if (request == null) {
            throw ProblemException.badRequest("Send the cohort's name, course, institution and dates.");
        }
        // Shown to the cohort's trainees and in reports: nothing in them may reorder what others read.
        String name = UntrustedText.stripSpoofing(request.name());
        String institution = UntrustedText.stripSpoofing(request.institution());
        if (blank(name)) {
            errors.add("name: give the cohort a name.");
        }
        if (blank(institution)) {
            errors.add("institution: name the institution the trainees come from.");
        }
        tooLong("name", name, NAME_LIMIT, errors);
        tooLong("institution", institution, NAME_LIMIT, errors);
        Course course = blank(request.course()) ? null : Course.bySlug(request.course()).orElse(null);
        if (course == null) {
            errors.add("course: no course '" + request.course() + "'.");
        }
        LocalDate starts = date(request.startsOn(), "startsOn", errors);
        LocalDate ends = date(request.endsOn(), "endsOn", errors);
        if (starts != null && ends != null && ends.isBefore(starts)) {
            errors.add("endsOn: the cohort cannot end before it starts.");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The cohort is not valid.", errors);
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
        List<Cohort> cohorts = user.isAdmin() ? Cohort.list("order by startsOn desc, id desc")
                : Cohort.ofTrainer(user.subject());
        return cohorts.stream().map(this::row).toList();
    }

    /** The cohort if the caller runs it (or is an admin); 404 if unknown, 403 if another trainer's. */
    public Cohort require(long id) {
        Cohort cohort = Cohort.findById(id);
        if (cohort == null) {
            throw ProblemException.notFound("No cohort " + id + ".");
        }
        if (!user.isAdmin() && !cohort.trainerSubject.equals(user.subject())) {
            throw new ForbiddenException("This cohort belongs to another trainer.");
        }
        return cohort;
    }

    /**
     * Adds a trainee enrolled in the cohort's course, by account id (the subject of their token). A trainer runs
     * cohorts for their own organization: a trainee of another organization is refused (403); an admin may cross.
     */
    @Transactional
    public void addMember(long cohortId, String subject) {
        Cohort cohort = require(cohortId);
        if (blank(subject)) {
            throw ProblemException.badRequest("Give the trainee's account id.");
        }
        // An enrolment through the cohort's organization counts even when a later one (a new version, taken after
        // moving to another organization) was not: the same rule as the candidates offered.
        List<?> found = em.createNativeQuery("select subject, display_name, organization from enrolment"
                + " where course_id = ?1 and subject = ?2"
                + " order by (organization = cast(?3 as varchar)) desc nulls last, id desc limit 1")
                .setParameter(1, cohort.courseId).setParameter(2, subject.strip())
                .setParameter(3, cohort.organization).getResultList();
        if (found.isEmpty()) {
            throw ProblemException.badRequest(
                    "No trainee with this account id is enrolled in the cohort's course; ask them to enrol first.");
        }
        Object[] trainee = (Object[]) found.get(0);
        if (!user.isAdmin() && !Objects.equals(trainee[2], cohort.organization)) {
            throw new ForbiddenException("This trainee belongs to another organization than the cohort ("
                    + (cohort.organization == null ? "none" : cohort.organization)
                    + "); only an admin can add them.");
        }
        em.createNativeQuery("insert into cohort_member (cohort_id, subject, display_name) values (?1, ?2, ?3)"
                + " on conflict do nothing")
                .setParameter(1, cohort.id).setParameter(2, trainee[0]).setParameter(3, trainee[1]).executeUpdate();
    }

    @Transactional
    public long addSession(long cohortId, String heldOn, String topic) {
        Cohort cohort = require(cohortId);
        List<String> errors = new ArrayList<>();
        LocalDate date = date(heldOn, "heldOn", errors);
        topic = UntrustedText.stripSpoofing(topic);
        if (blank(topic)) {
            errors.add("topic: say what the session covers.");
        }
        tooLong("topic", topic, TOPIC_LIMIT, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The session is not valid.", errors);
        }
        return ((Number) em.createNativeQuery("insert into cohort_session (cohort_id, held_on, topic) values (?1, ?2, ?3)"
                + " returning id")
                .setParameter(1, cohort.id).setParameter(2, date).setParameter(3, topic.strip())
                .getSingleResult()).longValue();
    }

    /** Records who was present at a session; every other trainee of the cohort is recorded absent. */
    @Transactional
    public void recordAttendance(long cohortId, long sessionId, Collection<String> present) {
        Cohort cohort = require(cohortId);
        long sessions = ((Number) em.createNativeQuery("select count(*) from cohort_session where id = ?1 and cohort_id = ?2")
                .setParameter(1, sessionId).setParameter(2, cohort.id).getSingleResult()).longValue();
        if (sessions == 0) {
            throw ProblemException.notFound("The cohort has no session " + sessionId + ".");
        }
        Set<String> members = new HashSet<>(members(cohort.id));
        Set<String> presentSet = present == null ? Set.of() : new HashSet<>(present);
        presentSet.stream().filter(s -> !members.contains(s)).findFirst().ifPresent(s -> {
            throw ProblemException.badRequest("'" + s + "' is not a trainee of this cohort.");
        });
        for (String member : members) {
            em.createNativeQuery("insert into attendance (session_id, subject, present) values (?1, ?2, ?3)"
                    + " on conflict (session_id, subject) do update set present = excluded.present")
                    .setParameter(1, sessionId).setParameter(2, member).setParameter(3, presentSet.contains(member))
                    .executeUpdate();
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> members(long cohortId) {
        return em.createNativeQuery("select subject from cohort_member where cohort_id = ?1")
                .setParameter(1, cohortId).getResultList();
    }

    /** Each member's latest enrolment in the cohort's course, with progress and test scores. */
    private static final String MEMBERS = """
            select m.subject, m.display_name, e.id as enrolment_id, e.status, v.number,
                   (select count(*) from lesson_progress lp where lp.enrolment_id = e.id) as studied,
                   (select count(*) from lesson l join course_module cm on cm.id = l.module_id
                     where cm.version_id = e.version_id) as lessons,
                   (select a.score from attempt a where a.enrolment_id = e.id and a.kind = 'pretest'
                     order by a.id limit 1) as pre,
                   (select max(a.score) from attempt a where a.enrolment_id = e.id and a.kind = 'posttest') as post,
                   (select count(*) from attendance at join cohort_session s on s.id = at.session_id
                     where s.cohort_id = m.cohort_id and at.subject = m.subject and at.present) as attended
            from cohort_member m
            join cohort c on c.id = m.cohort_id
            left join lateral (select * from enrolment e where e.subject = m.subject and e.course_id = c.course_id
                               order by e.id desc limit 1) e on true
            left join course_version v on v.id = e.version_id
            where m.cohort_id = ?1
            """;

    @Transactional
    @SuppressWarnings("unchecked")
    public CohortDetail detail(long id) {
        Cohort cohort = require(id);
        List<MemberRow> members = new ArrayList<>();
        for (Tuple r : (List<Tuple>) em.createNativeQuery(MEMBERS + " order by m.display_name, m.subject", Tuple.class)
                .setParameter(1, cohort.id).getResultList()) {
            members.add(memberRow(r));
        }
        Map<Long, SessionRow> sessions = new LinkedHashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("select s.id, s.held_on, s.topic, a.subject"
                + " from cohort_session s left join attendance a on a.session_id = s.id and a.present"
                + " where s.cohort_id = ?1 order by s.held_on, s.id").setParameter(1, cohort.id).getResultList()) {
            long sessionId = ((Number) r[0]).longValue();
            SessionRow session = sessions.computeIfAbsent(sessionId, k -> new SessionRow(k,
                    r[1] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[1], (String) r[2], new HashSet<>()));
            if (r[3] != null) {
                session.present().add((String) r[3]);
            }
        }
        // The trainees a trainer may add (addMember): enrolled through the cohort's organization; admins see all.
        String sameOrganization = user.isAdmin() ? ""
                : cohort.organization == null ? " and e.organization is null" : " and e.organization = ?3";
        var query = em.createNativeQuery("select distinct on (e.subject) e.subject,"
                + " e.display_name from enrolment e where e.course_id = ?1" + sameOrganization
                + " and not exists (select 1 from cohort_member m"
                + " where m.cohort_id = ?2 and m.subject = e.subject) order by e.subject, e.id desc limit 500")
                .setParameter(1, cohort.courseId).setParameter(2, cohort.id);
        if (sameOrganization.contains("?3")) {
            query.setParameter(3, cohort.organization);
        }
        List<Candidate> candidates = ((List<Object[]>) query.getResultList())
                .stream().map(r -> new Candidate((String) r[0], (String) r[1])).toList();
        return new CohortDetail(row(cohort), members, new ArrayList<>(sessions.values()), knowledgeGain(cohort.id),
                candidates);
    }

    /** One row of {@link #MEMBERS}, read by column name. */
    private static MemberRow memberRow(Tuple r) {
        long studied = r.get("studied", Number.class).longValue();
        long lessons = r.get("lessons", Number.class).longValue();
        BigDecimal pre = r.get("pre", BigDecimal.class);
        BigDecimal post = r.get("post", BigDecimal.class);
        Number enrolmentId = r.get("enrolment_id", Number.class);
        Number version = r.get("number", Number.class);
        return new MemberRow(r.get("subject", String.class), r.get("display_name", String.class),
                enrolmentId == null ? null : enrolmentId.longValue(), r.get("status", String.class),
                version == null ? 0 : version.intValue(), lessons == 0 ? 0 : (int) (studied * 100 / lessons), pre,
                post, pre == null || post == null ? null : post.subtract(pre), r.get("attended", Number.class).longValue());
    }

    /** Post-test minus pre-test for members who took both; the distribution in 10-point bands. */
    @SuppressWarnings("unchecked")
    KnowledgeGain knowledgeGain(long cohortId) {
        String gains = "with g as (select post - pre as gain from (" + MEMBERS + ") t where pre is not null and post is not null) ";
        Object[] summary = (Object[]) em.createNativeQuery(gains + "select count(*), avg(gain), min(gain), max(gain) from g")
                .setParameter(1, cohortId).getSingleResult();
        long trainees = ((Number) summary[0]).longValue();
        List<Bucket> buckets = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery(gains + "select least(floor(gain / 10) * 10, 90) as band,"
                + " count(*) from g group by band order by band").setParameter(1, cohortId).getResultList()) {
            int from = ((Number) r[0]).intValue();
            buckets.add(new Bucket(from, from + 10, ((Number) r[1]).longValue()));
        }
        return new KnowledgeGain(trainees, scale(summary[1]), scale(summary[2]), scale(summary[3]), buckets);
    }

    private CohortRow row(Cohort cohort) {
        Course course = Course.findById(cohort.courseId);
        long trainees = ((Number) em.createNativeQuery("select count(*) from cohort_member where cohort_id = ?1")
                .setParameter(1, cohort.id).getSingleResult()).longValue();
        return new CohortRow(cohort.id, cohort.name, course.slug, cohort.institution, cohort.startsOn, cohort.endsOn,
                cohort.trainerName, trainees);
    }

    private static BigDecimal scale(Object value) {
        return value == null ? null : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
    }

    private static LocalDate date(String text, String field, List<String> errors) {
        if (blank(text)) {
            errors.add(field + ": give a date as YYYY-MM-DD.");
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(field + ": '" + text + "' is not a date as YYYY-MM-DD.");
            return null;
        }
    }

    /** The columns' sizes (V12__cohorts.sql): longer text is a 400 naming the limit, not a database error. */
    private static final int NAME_LIMIT = 200;
    private static final int TOPIC_LIMIT = 300;

    private static void tooLong(String field, String value, int limit, List<String> errors) {
        if (value != null && value.strip().length() > limit) {
            errors.add(field + ": at most " + limit + " characters.");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
