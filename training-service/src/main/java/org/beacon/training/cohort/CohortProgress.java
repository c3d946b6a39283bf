package org.beacon.training.cohort;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.beacon.training.course.CourseQueries;
import org.beacon.training.course.CourseQueries.VersionSize;
import org.beacon.training.enrolment.EnrolmentQueries;
import org.beacon.training.enrolment.EnrolmentQueries.WorkInPeriod;
import org.beacon.training.enrolment.EnrolmentStatus;
import org.beacon.training.period.ReportPeriod;

/**
 * A cohort's members with their progress and knowledge gain within a period, composed from what each package owns:
 * members and attendance (cohort), each member's latest enrolment with lessons studied and test scores
 * (enrolment), the size of the versions they study (course). One query per package, whatever the cohort's size.
 */
@ApplicationScoped
public class CohortProgress {

    /** {@code status} is null for a member not enrolled in the course; completed only by the period's end. */
    public record MemberRow(String subject, String name, Long enrolmentId, EnrolmentStatus status, int version,
            int progress, BigDecimal pretest, BigDecimal posttest, BigDecimal gain, long attended) {
    }

    public record Bucket(int from, int to, long trainees) {
    }

    public record KnowledgeGain(long trainees, BigDecimal mean, BigDecimal min, BigDecimal max, List<Bucket> distribution) {
    }

    @Inject
    CohortQueries queries;

    @Inject
    EnrolmentQueries enrolments;

    @Inject
    CourseQueries courses;

    /** Each member's latest enrolment in the cohort's course, with the work dated within the period. */
    public List<MemberRow> members(Cohort cohort, ReportPeriod period) {
        List<CohortQueries.Member> members = queries.members(cohort.id, period);
        Map<String, WorkInPeriod> work = enrolments.latestWork(cohort.courseId,
                members.stream().map(CohortQueries.Member::subject).toList(), period).stream()
                .collect(Collectors.toMap(WorkInPeriod::subject, Function.identity()));
        Map<Long, VersionSize> sizes = courses.versionSizes(work.values().stream().map(WorkInPeriod::versionId)
                .collect(Collectors.toSet()));
        return members.stream().map(m -> {
            WorkInPeriod w = work.get(m.subject());
            if (w == null) {
                return new MemberRow(m.subject(), m.name(), null, null, 0, 0, null, null, null, m.attended());
            }
            VersionSize size = sizes.get(w.versionId());
            return new MemberRow(m.subject(), m.name(), w.enrolmentId(),
                    w.completed() ? EnrolmentStatus.completed : EnrolmentStatus.active, size.number(),
                    size.lessons() == 0 ? 0 : (int) (w.studied() * 100 / size.lessons()), w.pretest(), w.posttest(),
                    w.pretest() == null || w.posttest() == null ? null : w.posttest().subtract(w.pretest()),
                    m.attended());
        }).toList();
    }

    /**
     * Post-test minus pre-test for the members who took both within the period: how many, the mean, least and most
     * (to two decimals), and the distribution in 10-point bands, the last band holding 90 and above.
     */
    public static KnowledgeGain knowledgeGain(List<MemberRow> members) {
        List<BigDecimal> gains = members.stream().map(MemberRow::gain).filter(g -> g != null).toList();
        if (gains.isEmpty()) {
            return new KnowledgeGain(0, null, null, null, List.of());
        }
        Map<Integer, Long> bands = new TreeMap<>();
        for (BigDecimal gain : gains) {
            int band = Math.min(gain.divide(BigDecimal.TEN, 0, RoundingMode.FLOOR).intValue() * 10, 90);
            bands.merge(band, 1L, Long::sum);
        }
        BigDecimal sum = gains.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new KnowledgeGain(gains.size(), sum.divide(BigDecimal.valueOf(gains.size()), 2, RoundingMode.HALF_UP),
                scale(gains.stream().min(BigDecimal::compareTo).orElseThrow()),
                scale(gains.stream().max(BigDecimal::compareTo).orElseThrow()),
                bands.entrySet().stream().map(b -> new Bucket(b.getKey(), b.getKey() + 10, b.getValue())).toList());
    }

    private static BigDecimal scale(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
