package org.beacon.training.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;

import org.beacon.training.cohort.CohortProgress.Bucket;
import org.beacon.training.cohort.CohortProgress.KnowledgeGain;
import org.beacon.training.cohort.CohortProgress.MemberRow;
import org.beacon.training.enrolment.EnrolmentStatus;
import org.junit.jupiter.api.Test;

/** Knowledge gain from members' rows, without a database: who counts, the mean's rounding, the 10-point bands. */
class KnowledgeGainTests {

    private static MemberRow member(String pre, String post) {
        BigDecimal pretest = pre == null ? null : new BigDecimal(pre);
        BigDecimal posttest = post == null ? null : new BigDecimal(post);
        return new MemberRow("s-" + pre + "-" + post, "Trainee", 1L, EnrolmentStatus.active, 1, 50, pretest, posttest,
                pretest == null || posttest == null ? null : posttest.subtract(pretest), 0);
    }

    @Test
    void onlyMembersWithBothTestsCountAndTheBandsHoldNegativeAndFullGains() {
        KnowledgeGain gain = CohortProgress.knowledgeGain(List.of(member("20", "32.5"), member("10", "100"),
                member("60", "55"), member("40", null), member(null, "80")));
        assertEquals(3, gain.trainees());
        // (12.5 + 90 - 5) / 3 = 32.5
        assertEquals(new BigDecimal("32.50"), gain.mean());
        assertEquals(new BigDecimal("-5.00"), gain.min());
        assertEquals(new BigDecimal("90.00"), gain.max());
        assertEquals(List.of(new Bucket(-10, 0, 1), new Bucket(10, 20, 1), new Bucket(90, 100, 1)),
                gain.distribution());
    }

    @Test
    void theMeanIsRoundedHalfUpToTwoDecimals() {
        // (10 + 10 + 11) / 3 = 10.333…; (0.005 + 0) / 2 = 0.0025 → 0.00; (0.01 + 0) / 2 = 0.005 → 0.01
        assertEquals(new BigDecimal("10.33"), CohortProgress.knowledgeGain(List.of(member("0", "10"),
                member("0", "10"), member("0", "11"))).mean());
        assertEquals(new BigDecimal("0.01"), CohortProgress.knowledgeGain(List.of(member("0", "0.01"),
                member("0", "0"))).mean());
        assertEquals(new BigDecimal("95.00"), CohortProgress.knowledgeGain(List.of(member("0", "95"))).max());
        assertEquals(List.of(new Bucket(90, 100, 1)),
                CohortProgress.knowledgeGain(List.of(member("0", "120"))).distribution());
    }

    @Test
    void noGainWithoutMembersWhoTookBothTests() {
        KnowledgeGain gain = CohortProgress.knowledgeGain(List.of(member("40", null)));
        assertEquals(0, gain.trainees());
        assertNull(gain.mean());
        assertEquals(List.of(), gain.distribution());
    }
}
