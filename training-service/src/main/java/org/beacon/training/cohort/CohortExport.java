package org.beacon.training.cohort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import org.beacon.commons.audit.AuditSummary;
import org.beacon.training.audit.AuditLog;
import org.beacon.training.cohort.CohortProgress.MemberRow;
import org.beacon.training.report.CsvDownload;
import org.beacon.training.period.ReportPeriod;

/**
 * A cohort's progress and knowledge gain as CSV, one row per trainee, for the same period the page shows. The
 * export is audited like every export of trainees' results.
 */
@ApplicationScoped
public class CohortExport {

    static final List<String> HEADER = List.of("trainee", "account_id", "status", "course_version", "progress_percent",
            "pretest", "posttest", "gain", "sessions_attended", "from", "to");

    @Inject
    CohortService cohorts;

    @Inject
    AuditLog audit;

    @Transactional
    public Response progress(long cohortId, ReportPeriod period) {
        CohortService.CohortDetail detail = cohorts.detail(cohortId, period);
        List<List<?>> rows = new ArrayList<>();
        for (MemberRow m : detail.members()) {
            rows.add(Arrays.asList(m.name(), m.subject(), m.enrolmentId() == null ? "not enrolled" : m.status().name(),
                    m.enrolmentId() == null ? null : m.version(), m.enrolmentId() == null ? null : m.progress(),
                    m.pretest(), m.posttest(), m.gain(), m.attended(), period.from(), period.to()));
        }
        audit.record("cohort.export", "cohort", cohortId,
                AuditSummary.of("cohort.progress-exported", AuditSummary.word("format.csv"), period.audited()));
        return CsvDownload.of(CsvDownload.fileName("cohort-" + cohortId + "-progress", period), HEADER, rows);
    }
}
