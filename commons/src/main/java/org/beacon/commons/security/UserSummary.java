package org.beacon.commons.security;

import java.util.Set;
import java.util.TreeSet;

/** The signed-in user as APIs show it back: no e-mail or other personal data beyond the display name. */
public record UserSummary(String subject, String name, String organization, Set<String> roles) {

    public static UserSummary of(CurrentUser user) {
        return new UserSummary(user.subject(), user.displayName(), user.organization().orElse(null),
                new TreeSet<>(user.roles()));
    }
}
