package org.beacon.training.cohort;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
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
import org.beacon.training.period.ReportPeriod;

/**
 * The cohort package's native SQL over the tables it owns (cohort, cohort_member, cohort_session, attendance,
 * trainee), each query's rows read into a named record by column name. What cohorts show of enrolments, attempts
 * and versions is asked of the enrolment and course packages ({@link CohortProgress}).
 */
@ApplicationScoped
public class CohortQueries {

    /** A trainee of the directory (V18__trainee_directory.sql). */
    public record DirectoryTrainee(String subject, String username, String name, String organization) {
    }

    /** A member of the cohort with the sessions they attended within the period. */
    public record Member(String subject, String name, long attended) {
    }

    public record SessionRow(long id, LocalDate heldOn, String topic, Set<String> present) {
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

    public Optional<DirectoryTrainee> trainee(String subject) {
        return trainees(em.createNativeQuery(TRAINEES + " where t.subject = ?1", Tuple.class)
                .setParameter(1, subject)).stream().findFirst();
    }

    /**
     * Trainees of one organization (every organization when {@code anyOrganization}), or among
     * {@code enrolledThroughIt}, whose name or username contains the search words, who are not yet in the cohort;
     * the first {@value #SEARCH_LIMIT} by name.
     */
    public List<DirectoryTrainee> searchTrainees(long cohortId, String organization, boolean anyOrganization,
            Collection<String> enrolledThroughIt, String search) {
        // Of the organization now, or enrolled in the course through it before moving on: the rule addMember applies.
        String sameOrganization = anyOrganization ? "" : " and (t.organization is not distinct from cast(?3 as varchar)"
                + (enrolledThroughIt.isEmpty() ? "" : " or t.subject in (?4)") + ")";
        Query query = em.createNativeQuery(TRAINEES + " where not exists (select 1 from cohort_member m"
                + " where m.cohort_id = ?1 and m.subject = t.subject)" + sameOrganization
                + " and (lower(t.display_name) like ?2 escape '\\' or lower(coalesce(t.username, '')) like ?2 escape '\\')"
                + " order by t.display_name, t.subject limit " + SEARCH_LIMIT, Tuple.class)
                .setParameter(1, cohortId).setParameter(2, containing(search));
        if (!anyOrganization) {
            query.setParameter(3, organization);
            if (!enrolledThroughIt.isEmpty()) {
                query.setParameter(4, enrolledThroughIt);
            }
        }
        return trainees(query);
    }

    private static final String TRAINEES = "select t.subject, t.username, t.display_name, t.organization from trainee t";

    @SuppressWarnings("unchecked")
    private static List<DirectoryTrainee> trainees(Query query) {
        return ((List<Tuple>) query.getResultList()).stream().map(r -> new DirectoryTrainee(
                r.get("subject", String.class), r.get("username", String.class), r.get("display_name", String.class),
                r.get("organization", String.class))).toList();
    }

    /** A LIKE pattern for text containing the search, its own % and _ taken literally. */
    private static String containing(String search) {
        String words = search == null ? "" : search.strip().toLowerCase();
        return "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
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

    /** The cohort's members by name, each with the sessions they attended within the period. */
    @SuppressWarnings("unchecked")
    public List<Member> members(long cohortId, ReportPeriod period) {
        List<Tuple> rows = bind(em.createNativeQuery("""
                select m.subject, m.display_name,
                       (select count(*) from attendance at join cohort_session s on s.id = at.session_id
                         where s.cohort_id = m.cohort_id and at.subject = m.subject and at.present and %s) as attended
                from cohort_member m
                where m.cohort_id = ?1
                order by m.display_name, m.subject
                """.formatted(ReportPeriod.within("s.held_on", 2, 3)), Tuple.class), cohortId, period).getResultList();
        return rows.stream().map(r -> new Member(r.get("subject", String.class), r.get("display_name", String.class),
                r.get("attended", Number.class).longValue())).toList();
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
}
