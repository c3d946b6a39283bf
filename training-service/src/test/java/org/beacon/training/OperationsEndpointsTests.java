package org.beacon.training;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.beacon.testing.OperationsEndpointsContract;
import org.beacon.testing.PostgresResource;
import org.beacon.testing.S3Resource;
import org.beacon.testing.TestTokens;

/** Runs the {@link OperationsEndpointsContract} tests (health, metrics, OpenAPI on the management port only) here. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(TestTokens.class)
class OperationsEndpointsTests extends OperationsEndpointsContract {
}
