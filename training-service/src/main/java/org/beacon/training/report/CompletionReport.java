package org.beacon.training.report;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import org.beacon.commons.audit.AuditSummary;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.security.Roles;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.beacon.training.audit.AuditLog;
import org.beacon.training.course.Course;
import org.beacon.training.enrolment.EnrolmentQueries;
import org.beacon.training.enrolment.EnrolmentQueries.CompletionCount;
import org.beacon.training.period.ReportPeriod;

/**
 * Enrolments and completions grouped by the course's sectors, the trainee's institution (their organization), the
 * course's country overlay, or the institution and the quarter the enrolments started in: staff trained per
 * institution over time, which shows whether training keeps up with turnover (000 L3273). The enrolment package's
 * query counts per course, organization and quarter; those counts are summed here by the courses' sectors or
 * country, so no enrolment is loaded row by row. A period keeps the enrolments that started within it.
 * <p>
 * Admins see every organization; a trainer sees only the enrolments of their own organization (PRODUCT.md §3:
 * reports are for trainers and admins), whatever page or API asks: the scope is decided here, not by the caller.
 */
@ApplicationScoped
public class CompletionReport {

    public static final List<String> DIMENSIONS = List.of("sector", "institution", "country", "institution-quarter");

    static final List<String> CSV_HEADER = List.of("by", "group", "enrolments", "completions", "from", "to");

    public record Row(String key, long enrolments, long completions) {
    }

    /** Groups in the order a reader expects ("border" before "Police"), names equal to the collator kept apart. */
    private static final Comparator<String> BY_NAME = ((Comparator<String>) Collator.getInstance(Locale.ROOT)::compare)
            .thenComparing(Comparator.naturalOrder());

    @Inject
    EnrolmentQueries enrolments;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    /** The organization whose enrolments the reader may count; empty for an admin, who counts all of them. */
    public Optional<String> scope() {
        if (user.isAdmin()) {
            return Optional.empty();
        }
        if (!user.hasRole(Roles.TRAINER)) {
            throw ProblemException.forbidden(Reason.of("report.trainers-and-admins"));
        }
        return Optional.of(user.organization().orElseThrow(
                () -> ProblemException.forbidden(Reason.of("report.no-organization"))));
    }

    public List<Row> by(String dimension) {
        return by(dimension, ReportPeriod.ALWAYS);
    }

    /** Rows by group, in the order of the groups' names; another dimension than {@link #DIMENSIONS} is a 400. */
    @Transactional
    public List<Row> by(String dimension, ReportPeriod period) {
        Function<CompletionCount, List<String>> groups = switch (dimension == null ? "" : dimension) {
            case "sector" -> course(c -> c.sectorList());
            case "institution" -> count -> List.of(count.organization());
            case "country" -> course(c -> List.of(Objects.toString(c.country, "")));
            case "institution-quarter" -> count -> List.of(count.organization() + " · " + count.quarter());
            default -> throw ProblemException.badRequest(Reason.of("report.group-by", String.join(", ", DIMENSIONS)));
        };
        Optional<String> organization = scope();
        Map<String, long[]> sums = new TreeMap<>(BY_NAME);
        for (CompletionCount count : enrolments.completionCounts(period)) {
            if (organization.isPresent() && !organization.get().equals(count.organization())) {
                continue;
            }
            for (String group : groups.apply(count)) {
                long[] sum = sums.computeIfAbsent(group, g -> new long[2]);
                sum[0] += count.enrolments();
                sum[1] += count.completions();
            }
        }
        return sums.entrySet().stream().map(e -> new Row(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    /** Groups read from the enrolments' course (a handful of rows: every course is read once). */
    private static Function<CompletionCount, List<String>> course(Function<Course, List<String>> groups) {
        Map<Long, List<String>> byCourse = Course.<Course>listAll().stream()
                .collect(Collectors.toMap(c -> c.id, groups));
        return count -> byCourse.getOrDefault(count.courseId(), List.of());
    }

    /** Every grouping's rows, in the order of {@link #DIMENSIONS}, as one CSV file. */
    public Response csv(ReportPeriod period) {
        List<List<?>> rows = new ArrayList<>();
        for (String dimension : DIMENSIONS) {
            for (Row row : by(dimension, period)) {
                rows.add(Arrays.asList(dimension, row.key(), row.enrolments(), row.completions(), period.from(),
                        period.to()));
            }
        }
        audit.record("report.export", "report", null,
                AuditSummary.of("report.completions-exported", AuditSummary.word("format.csv"), period.audited()));
        return CsvDownload.of(CsvDownload.fileName("completions", period), CSV_HEADER, rows);
    }
}
