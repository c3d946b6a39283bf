package org.beacon.gateway.signin;

import java.util.Set;
import java.util.function.BiConsumer;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.beacon.gateway.i18n.GatewayMessages;
import org.beacon.gateway.web.GatewayErrors;

/**
 * The OIDC login, kept from signing readers out or sending them to a Keycloak that is down. When a token refresh
 * or a login cannot reach Keycloak, the OIDC extension would drop the session cookie and redirect the browser to
 * Keycloak (a connection error); instead the reader gets a Beacon page saying sign-in is unavailable for a moment
 * (503, Retry-After), the session cookie stays, and the next request after Keycloak is back refreshes the tokens
 * and goes on. Everything else is the OIDC extension's own behaviour, delegated.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class SignInDuringOutages implements HttpAuthenticationMechanism {

    @Inject
    OidcAuthenticationMechanism oidc;

    @Inject
    KeycloakReachability keycloak;

    @Inject
    GatewayErrors errors;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        // A failed authentication that means "Keycloak is down" is answered here, before the failure travels on:
        // the challenge that would follow is the OIDC extension's (it drops the session and redirects to
        // Keycloak), and the security layer ends a request itself once the failure reaches it. The failure says
        // so itself when it is a refused or reset connection; when the extension has wrapped the cause away (a
        // refresh that "returned null", a tenant that is "not available"), Keycloak is asked directly.
        return oidc.authenticate(context, identityProviderManager).onFailure().recoverWithUni(failure -> {
            if (failure instanceof AuthenticationRedirectException) {
                // Not a failure: the code flow's last step, back to the page the reader asked for.
                return Uni.createFrom().failure(failure);
            }
            Uni<Boolean> reachable = KeycloakReachability.isUnreachable(failure) ? Uni.createFrom().item(false)
                    : keycloak.isReachable();
            return reachable.onItem().transformToUni(up -> {
                if (up) {
                    return Uni.createFrom().failure(failure);
                }
                keycloak.unreachable(failure);
                signInUnavailable(context);
                return Uni.createFrom().failure(failure instanceof AuthenticationFailedException ? failure
                        : new AuthenticationFailedException(failure));
            });
        });
    }

    /**
     * Once this mechanism has answered 503, the failure still travels to Quarkus' own failure handling, which would
     * try to answer again (a 401) and log an IllegalStateException: the handler it uses is wrapped, on every
     * request, so that an answered request is left alone. Runs between authentication (order -200), which installs
     * that handler, and authorization (-100), which uses it.
     */
    void leaveAnsweredRequestsAlone(@Observes Router router) {
        router.route().order(-150).handler(ctx -> {
            BiConsumer<RoutingContext, Throwable> quarkus = ctx.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
            if (quarkus != null) {
                ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (event, failure) -> {
                    if (!event.response().ended()) {
                        quarkus.accept(event, failure);
                    }
                });
            }
            ctx.next();
        });
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (HttpSecurityUtils.getAuthenticationFailureFromEvent(context) != null
                || context.request().headers().contains(HttpHeaders.AUTHORIZATION)) {
            return oidc.sendChallenge(context);
        }
        // A reader about to be sent to the Keycloak login page: only if Keycloak is there to show it.
        return keycloak.isReachable().chain(reachable -> reachable ? oidc.sendChallenge(context)
                : signInUnavailable(context));
    }

    private Uni<Boolean> signInUnavailable(RoutingContext context) {
        String language = GatewayErrors.language(context);
        GatewayMessages messages = GatewayErrors.messages(language);
        errors.unavailable(context, ENGLISH,
                GatewayErrors.render(context, 503, null, null, messages.sign_in_unavailable()));
        return Uni.createFrom().item(true);
    }

    private static final String ENGLISH = "Signing in is not possible for a moment. Please try again in a minute.";

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return oidc.getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return oidc.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        return oidc.getPriority() + 1;
    }
}
