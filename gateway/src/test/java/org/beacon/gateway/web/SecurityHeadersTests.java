package org.beacon.gateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.beacon.gateway.routing.EchoUpstream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(EchoUpstream.class)
class SecurityHeadersTests {

    @Test
    void onlyTheBrowserCollectorPageMayCompileWebAssemblyAndItsWorkerComesFromThisSite() {
        given().when().get("/campaigns/collect/a-link-token/web")
                .then().header("Content-Security-Policy", allOf(
                        containsString("script-src 'self' 'wasm-unsafe-eval';"),
                        containsString("worker-src 'self'"), containsString("connect-src 'self'"),
                        containsString("frame-ancestors 'none'"), not(containsString("'unsafe-eval'")),
                        not(containsString("'unsafe-inline'"))));
        for (String other : new String[] {"/campaigns/collect/a-link-token/formList",
                "/campaigns/collect/a-link-token/web/worker.js", "/campaigns/public/surveys/x",
                "/training/public/courses", "/"}) {
            given().redirects().follow(false).when().get(other)
                    .then().header("Content-Security-Policy", allOf(containsString("script-src 'self';"),
                            not(containsString("wasm"))));
        }
    }
}
