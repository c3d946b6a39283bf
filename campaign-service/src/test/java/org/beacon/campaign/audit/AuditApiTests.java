package org.beacon.campaign.audit;

import java.time.OffsetDateTime;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.beacon.testing.AuditApiContract;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;

/** Runs the {@link AuditApiContract} (admin only, filtered by organization, action and days) on campaign-service. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class AuditApiTests extends AuditApiContract {

    @Inject
    EntityManager em;

    @Override
    protected String api() {
        return "/campaigns/api/audit";
    }

    @Override
    protected void recordAt(String organization, String action, OffsetDateTime at, String summary) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into audit_entry (at, actor,"
                + " actor_name, organization, action, subject_type, summary) values (?1, 'someone', 'Some One', ?2,"
                + " ?3, 'campaign', ?4)")
                .setParameter(1, at).setParameter(2, organization).setParameter(3, action).setParameter(4, summary)
                .executeUpdate());
    }
}
