package org.beacon.training.cohort;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import org.beacon.training.report.ReportPeriod;

/**
 * The cohort package's native SQL, each query's rows read into a named record by column name. Cohorts read the
 * enrolment, lesson and attempt tables of other packages here only, for the progress and knowledge gain the
 * database computes.
 */
@ApplicationScoped
public class CohortQueries {

    /** A trainee of the directory (V18__trainee_directory.sql), with whether they are enrolled in the course. */
    public record TraineeRow(String subject, String username, String name, String organization, boolean enrolled) {
    }

    /** A trainee's enrolment in a course, with the organization they enrolled through. */
    public record EnrolledTrainee(String subject, String name, String organization) {
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

    /** How many trainees a search shows at most: a name narrows it down. */
    static final int SEARCH_LIMIT = 50;

    @Inject
    EntityManager em;

    /**
     * Records a trainee who signed in, as their token names them now. The row is written only when something
     * changed or it was last seen more than a day ago, so that browsing costs no write per page.
     */
    public void sawTrainee(String subject, String username, String name, String organization) {
        em.createNativeQuery("""
                insert into trainee (subject, username, display_name, organization) values (?1, ?2, ?3, ?4)
                on conflict (subject) do update set username = excluded.username, display_name = excluded.display_name,
                    organization = excluded.organization, last_seen = now()
                where trainee.username is distinct from excluded.username
                   or trainee.display_name is distinct from excluded.display_name
                   or trainee.organization is distinct from excluded.organization
                   or trainee.last_seen < now() - interval '1 day'
                """).setParameter(1, subject).setParameter(2, username).setParameter(3, name)
                .setParameter(4, organization).executeUpdate();
    }

    public Optional<TraineeRow> trainee(String subject, long courseId) {
        return traineeRows(em.createNativeQuery(TRAINEES + " where t.subject = ?2", Tuple.class)
                .setParameter(1, courseId).setParameter(2, subject)).stream().findFirst();
    }

    /**
     * Trainees of one organization (every organization when {@code anyOrganization}) whose name or username
     * contains the search words, who are not yet in the cohort; the first {@value #SEARCH_LIMIT} by name.
     */
    public List<TraineeRow> searchTrainees(long cohortId, long courseId, String organization, boolean anyOrganization,
            String search) {
        // Of the organization now, or enrolled in the course through it before moving on: the rule addMember applies.
        String sameOrganization = anyOrganization ? "" : organization == null
                ? " and (t.organization is null or exists (select 1 from enrolment e where e.subject = t.subject"
                        + " and e.course_id = ?1 and e.organization is null))"
                : " and (t.organization = ?4 or exists (select 1 from enrolment e where e.subject = t.subject"
                        + " and e.course_id = ?1 and e.organization = ?4))";
        Query query = em.createNativeQuery(TRAINEES + " where not exists (select 1 from cohort_member m"
                + " where m.cohort_id = ?2 and m.subject = t.subject)" + sameOrganization
                + " and (lower(t.display_name) like ?3 escape '\\' or lower(coalesce(t.username, '')) like ?3 escape '\\')"
                + " order by t.display_name, t.subject limit " + SEARCH_LIMIT, Tuple.class)
                .setParameter(1, courseId).setParameter(2, cohortId).setParameter(3, containing(search));
        if (!anyOrganization && organization != null) {
            query.setParameter(4, organization);
        }
        return traineeRows(query);
    }

    private static final String TRAINEES = """
            select t.subject, t.username, t.display_name, t.organization,
                   exists (select 1 from enrolment e where e.subject = t.subject and e.course_id = ?1) as enrolled
            from trainee t""";

    @SuppressWarnings("unchecked")
    private static List<TraineeRow> traineeRows(Query query) {
        return ((List<Tuple>) query.getResultList()).stream().map(r -> new TraineeRow(r.get("subject", String.class),
                r.get("username", String.class), r.get("display_name", String.class),
                r.get("organization", String.class), r.get("enrolled", Boolean.class))).toList();
    }

    /** A LIKE pattern for text containing the search, its own % and _ taken literally. */
    private static String containing(String search) {
        String words = search == null ? "" : search.strip().toLowerCase();
        return "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * The trainee's enrolment in the course, preferring one through the given organization: an enrolment through
     * the cohort's organization counts even when a later one (a new version, after moving elsewhere) was not.
     */
    @SuppressWarnings("unchecked")
    public Optional<EnrolledTrainee> enrolment(long courseId, String subject, String organization) {
        List<Tuple> rows = em.createNativeQuery("select subject, display_name, organization from enrolment"
                + " where course_id = ?1 and subject = ?2"
                + " order by (organization = cast(?3 as varchar)) desc nulls last, id desc limit 1", Tuple.class)
                .setParameter(1, courseId).setParameter(2, subject).setParameter(3, organization).getResultList();
        return rows.stream().map(r -> new EnrolledTrainee(r.get("subject", String.class),
                r.get("display_name", String.class), r.get("organization", String.class))).findFirst();
    }

    public void addMember(long cohortId, String subject, String name) {
        em.createNativeQuery("insert into cohort_member (cohort_id, subject, display_name) values (?1, ?2, ?3)"
                + " on conflict do nothing")
                .setParameter(1, cohortId).setParameter(2, subject).setParameter(3, name).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<String> memberSubjects(long cohortId) {
        return em.createNativeQuery("select subject from cohort_member where cohort_id = ?1")
                .setParameter(1, cohortId).getResultList();
    }

    public long memberCount(long cohortId) {
        return ((Number) em.createNativeQuery("select count(*) from cohort_member where cohort_id = ?1")
                .setParameter(1, cohortId).getSingleResult()).longValue();
    }

    public long addSession(long cohortId, LocalDate heldOn, String topic) {
        return ((Number) em.createNativeQuery("insert into cohort_session (cohort_id, held_on, topic)"
                + " values (?1, ?2, ?3) returning id")
                .setParameter(1, cohortId).setParameter(2, heldOn).setParameter(3, topic).getSingleResult()).longValue();
    }

    public boolean hasSession(long cohortId, long sessionId) {
        return ((Number) em.createNativeQuery("select count(*) from cohort_session where id = ?1 and cohort_id = ?2")
                .setParameter(1, sessionId).setParameter(2, cohortId).getSingleResult()).longValue() > 0;
    }

    public void recordAttendance(long sessionId, String subject, boolean present) {
        em.createNativeQuery("insert into attendance (session_id, subject, present) values (?1, ?2, ?3)"
                + " on conflict (session_id, subject) do update set present = excluded.present")
                .setParameter(1, sessionId).setParameter(2, subject).setParameter(3, present).executeUpdate();
    }

    /**
     * Each member's latest enrolment in the cohort's course, with the work dated within the period: lessons
     * studied, the pre-test, the best post-test and the sessions attended. A course completed after the period
     * reads as not completed yet.
     */
    private static final String MEMBERS = """
            select m.subject, m.display_name, e.id as enrolment_id,
                   case when e.status = 'completed' and %s then 'completed' when e.id is not null then 'active' end
                     as status, v.number,
                   (select count(*) from lesson_progress lp where lp.enrolment_id = e.id and %s) as studied,
                   (select count(*) from lesson l join course_module cm on cm.id = l.module_id
                     where cm.version_id = e.version_id) as lessons,
                   (select a.score from attempt a where a.enrolment_id = e.id and a.kind = 'pretest' and %s
                     order by a.id limit 1) as pre,
                   (select max(a.score) from attempt a where a.enrolment_id = e.id and a.kind = 'posttest' and %s) as post,
                   (select count(*) from attendance at join cohort_session s on s.id = at.session_id
                     where s.cohort_id = m.cohort_id and at.subject = m.subject and at.present and %s) as attended
            from cohort_member m
            join cohort c on c.id = m.cohort_id
            left join lateral (select * from enrolment e where e.subject = m.subject and e.course_id = c.course_id
                               order by e.id desc limit 1) e on true
            left join course_version v on v.id = e.version_id
            where m.cohort_id = ?1
            """.formatted("(cast(?3 as date) is null or e.completed_at < cast(?3 as date) + 1)",
            ReportPeriod.within("lp.studied_at", 2, 3), ReportPeriod.within("a.submitted_at", 2, 3),
            ReportPeriod.within("a.submitted_at", 2, 3), ReportPeriod.within("s.held_on", 2, 3));

    @SuppressWarnings("unchecked")
    public List<MemberRow> members(long cohortId, ReportPeriod period) {
        List<Tuple> rows = bind(em.createNativeQuery(MEMBERS + " order by m.display_name, m.subject", Tuple.class),
                cohortId, period).getResultList();
        return rows.stream().map(CohortQueries::memberRow).toList();
    }

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

    /** Post-test minus pre-test for members who took both within the period; the distribution in 10-point bands. */
    @SuppressWarnings("unchecked")
    public KnowledgeGain knowledgeGain(long cohortId, ReportPeriod period) {
        String gains = "with g as (select post - pre as gain from (" + MEMBERS + ") t where pre is not null and post is not null) ";
        Tuple summary = (Tuple) bind(em.createNativeQuery(gains + "select count(*) as trainees, avg(gain) as mean,"
                + " min(gain) as least, max(gain) as most from g", Tuple.class), cohortId, period).getSingleResult();
        List<Bucket> buckets = new ArrayList<>();
        for (Tuple r : (List<Tuple>) bind(em.createNativeQuery(gains + "select least(floor(gain / 10) * 10, 90) as band,"
                + " count(*) as trainees from g group by band order by band", Tuple.class), cohortId, period).getResultList()) {
            int from = r.get("band", Number.class).intValue();
            buckets.add(new Bucket(from, from + 10, r.get("trainees", Number.class).longValue()));
        }
        return new KnowledgeGain(summary.get("trainees", Number.class).longValue(), scale(summary.get("mean")),
                scale(summary.get("least")), scale(summary.get("most")), buckets);
    }

    /** The cohort's sessions held within the period, each with who was present. */
    @SuppressWarnings("unchecked")
    public List<SessionRow> sessions(long cohortId, ReportPeriod period) {
        Map<Long, SessionRow> sessions = new LinkedHashMap<>();
        List<Tuple> rows = bind(em.createNativeQuery("select s.id, s.held_on, s.topic, a.subject"
                + " from cohort_session s left join attendance a on a.session_id = s.id and a.present"
                + " where s.cohort_id = ?1 and " + ReportPeriod.within("s.held_on", 2, 3)
                + " order by s.held_on, s.id", Tuple.class), cohortId, period).getResultList();
        for (Tuple r : rows) {
            SessionRow session = sessions.computeIfAbsent(r.get("id", Number.class).longValue(),
                    id -> new SessionRow(id, day(r.get("held_on")), r.get("topic", String.class), new HashSet<>()));
            String present = r.get("subject", String.class);
            if (present != null) {
                session.present().add(present);
            }
        }
        return new ArrayList<>(sessions.values());
    }

    private static Query bind(Query query, long cohortId, ReportPeriod period) {
        return period.bind(query.setParameter(1, cohortId), 2, 3);
    }

    private static LocalDate day(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    private static BigDecimal scale(Object value) {
        return value == null ? null : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
    }
}
