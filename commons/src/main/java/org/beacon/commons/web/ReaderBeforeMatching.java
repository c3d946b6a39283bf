package org.beacon.commons.web;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Learns who the reader is before the request is matched, without blocking. Sign-in is checked lazily, and a path
 * no resource serves is answered on the I/O thread, where the check may not wait: the 404 page then framed a
 * signed-in user as a visitor ("Sign in", no name) and went without {@code no-store} (NoStoreForSignedIn). Resolved
 * here, the identity is known to every page and error page. A token that fails the check is left for the resource
 * that needs it, which answers 401 as before; a visitor without a token costs nothing.
 */
public class ReaderBeforeMatching {

    @Inject
    CurrentIdentityAssociation association;

    @ServerRequestFilter(preMatching = true)
    public Uni<Void> resolveReader() {
        return association.getDeferredIdentity()
                .onItem().invoke((SecurityIdentity identity) -> association.setIdentity(identity))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
