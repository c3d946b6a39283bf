package org.beacon.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URL;

import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.Test;

/**
 * What operators and Kubernetes rely on in every Beacon application: health for the probes, Prometheus metrics and
 * the OpenAPI document, all without a login, on the management port only. The application port must not serve
 * them, since that is the port the Ingress and the Services carry. Each application's test class extends this with
 * its own test set-up.
 */
public abstract class OperationsEndpointsContract {

    /** The management interface's root, {@code http://host:port/q/}. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void healthIsUpForTheProbes() {
        given().when().get(management + "health/live")
                .then().statusCode(200).body("status", equalTo("UP"));
        given().when().get(management + "health/ready")
                .then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().when().get(management + "metrics")
                .then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void theOpenApiDocumentIsPublished() {
        given().queryParam("format", "json").when().get(management + "openapi")
                .then().statusCode(200).body("openapi", containsString("3."));
    }

    @Test
    void theApplicationPortServesNoneOfThem() {
        for (String path : new String[] { "/q/health/ready", "/q/metrics", "/q/openapi" }) {
            int status = given().redirects().follow(false).when().get(path).then().extract().statusCode();
            assertNotEquals(200, status, path + " must not answer on the application port");
        }
    }
}
