package org.beacon.gateway.routing;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where the services listen. Each path prefix belongs to exactly one service. */
@ApplicationScoped
public class Upstreams {

    public record Upstream(String name, String host, int port) {
        static Upstream of(String name, String url) {
            URI uri = URI.create(url);
            return new Upstream(name, uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 80);
        }
    }

    @ConfigProperty(name = "beacon.upstream.training")
    String trainingUrl;

    @ConfigProperty(name = "beacon.upstream.campaigns")
    String campaignsUrl;

    public Upstream training() {
        return Upstream.of("training-service", trainingUrl);
    }

    public Upstream campaigns() {
        return Upstream.of("campaign-service", campaignsUrl);
    }
}
