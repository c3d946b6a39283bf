package org.beacon.training.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.beacon.testing.AuditTexts;
import org.junit.jupiter.api.Test;

/**
 * Every audit key the sources name has its English text, and every text is in the five interface languages with the
 * same arguments (test-support AuditTexts).
 */
class AuditTextsTests {

    @Test
    void everyAuditTextIsInEveryLanguage() {
        assertEquals(List.of(), AuditTexts.problems(Path.of("")));
    }

    @Test
    void theKeysAreFoundInTheSourcesEvenWhenChosenByACondition() {
        assertTrue(AuditTexts.keysInSources(Path.of("src/main/java")).containsAll(List.of("gift.exported", "certificate.issued-refresher-due", "format.csv")),
                AuditTexts.keysInSources(Path.of("src/main/java")).toString());
    }
}
