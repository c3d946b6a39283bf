package org.beacon.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.beacon.gateway.routing.EchoUpstream;
import org.beacon.testing.OperationsEndpointsContract;

/** Runs the {@link OperationsEndpointsContract} tests (health, metrics, OpenAPI on the management port only) here. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(value = EchoUpstream.class, restrictToAnnotatedClass = true)
class OperationsEndpointsTests extends OperationsEndpointsContract {
}
