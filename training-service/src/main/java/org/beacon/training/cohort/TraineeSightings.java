package org.beacon.training.cohort;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Where the trainees a trainer can find come from: accounts live in Keycloak, and the training service learns of
 * a trainee the first time their token reaches it (any page or API call of a signed-in trainee). Each answer to a
 * trainee records their subject, username, display name and organization as the token gives them now, so that a
 * trainee who moved to another organization is found there.
 *
 * <p>A response filter, not a request filter: it runs after the resource checked the token (authentication is not
 * proactive here), so a public page costs nothing and a refused token or request records no one.
 */
public class TraineeSightings {

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentUser user;

    @Inject
    CohortQueries queries;

    @ServerResponseFilter
    public void record(ContainerResponseContext response) {
        // A refusal (401, 403) is answered on the I/O thread before the resource runs: only answers the resource
        // gave, on a worker thread, record the trainee.
        if (response.getStatus() >= 400 || !BlockingOperationControl.isBlockingAllowed() || identity.isAnonymous() || !identity.hasRole(Roles.TRAINEE)
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return;
        }
        String username = token.getClaim("preferred_username");
        QuarkusTransaction.requiringNew().run(() -> queries.sawTrainee(user.subject(), username, user.displayName(),
                user.organization().orElse(null)));
    }
}
