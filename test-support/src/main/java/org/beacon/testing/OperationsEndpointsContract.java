package org.beacon.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/**
 * What operators and Kubernetes rely on in every Beacon application: health for the probes, Prometheus metrics and
 * the OpenAPI document, all without a login. Each application's test class extends this with its own test set-up.
 */
public abstract class OperationsEndpointsContract {

    @Test
    void healthIsUpForTheProbes() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void theOpenApiDocumentIsPublished() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).body("openapi", containsString("3."));
    }
}
