package org.beacon.gateway.signin;

import java.net.URI;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The WireMock Keycloak, already down when the gateway starts. */
public class KeycloakDownAtStart extends OidcWiremockTestResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        URI keycloak = URI.create(config.get("keycloak.url"));
        new WireMock(keycloak.getHost(), keycloak.getPort()).register(KeycloakStub.down());
        return config;
    }
}
