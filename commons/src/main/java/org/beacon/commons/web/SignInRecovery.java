package org.beacon.commons.web;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A token verified again means the sign-in server's keys were fetched: the end of a sign-in outage. Tokens are
 * verified with cached keys once fetched, so there is no cheaper moment to notice it.
 */
@ApplicationScoped
public class SignInRecovery implements SecurityIdentityAugmentor {

    @Inject
    Outages outages;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous()) {
            outages.recovered(Dependency.SIGN_IN);
        }
        return Uni.createFrom().item(identity);
    }
}
