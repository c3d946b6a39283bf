package org.beacon.commons.security;

import java.util.Optional;
import java.util.Set;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in user as the service sees it: the verified bearer token, never a header the gateway could have
 * forged. Personal data stays in Keycloak; services keep only the subject id and the display name.
 */
@RequestScoped
public class CurrentUser {

    /** Claim carrying the user's organization (a Keycloak group, see keycloak/beacon-realm.json). */
    public static final String ORGANIZATION_CLAIM = "org";

    @Inject
    SecurityIdentity identity;

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    public String subject() {
        JsonWebToken token = token();
        String subject = token == null ? null : token.getSubject();
        return subject != null ? subject : identity.getPrincipal().getName();
    }

    public String displayName() {
        JsonWebToken token = token();
        if (token != null) {
            String name = token.getClaim("name");
            if (name != null && !name.isBlank()) {
                return name;
            }
            String username = token.getClaim("preferred_username");
            if (username != null) {
                return username;
            }
        }
        return identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /**
     * The organization from the {@code org} claim. Keycloak's group membership mapper emits a list of group names
     * (optionally as full paths); a user belongs to one organization, so the first entry is taken.
     */
    public Optional<String> organization() {
        JsonWebToken token = token();
        if (token == null) {
            return Optional.empty();
        }
        Object claim = token.getClaim(ORGANIZATION_CLAIM);
        String value = null;
        if (claim instanceof JsonArray array && !array.isEmpty()) {
            value = array.getString(0);
        } else if (claim instanceof JsonString string) {
            value = string.getString();
        } else if (claim instanceof String string) {
            value = string;
        } else if (claim instanceof Iterable<?> iterable && iterable.iterator().hasNext()) {
            value = String.valueOf(iterable.iterator().next());
        }
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.startsWith("/") ? value.substring(1) : value);
    }

    /** The user's organization, or 403: organization-scoped work is impossible without one. */
    public String requireOrganization() {
        return organization().orElseThrow(() -> new ForbiddenException("Your account belongs to no organization."));
    }

    /** Admins may act on every organization; everyone else only on their own. */
    public boolean mayActFor(String organization) {
        return isAdmin() || organization().map(organization::equals).orElse(false);
    }

    public void requireMayActFor(String organization) {
        if (!mayActFor(organization)) {
            throw new ForbiddenException("This belongs to another organization.");
        }
    }

    private JsonWebToken token() {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null;
    }
}
