package org.beacon.commons.web;

import java.util.List;
import java.util.Set;

import org.beacon.commons.security.Roles;

/**
 * The areas of Beacon and the roles that may open each, as the services' {@code @RolesAllowed} say. The header
 * offers a user only the areas of their roles, so no link leads to "Not allowed"; the gateway's start page lists
 * the same areas ({@link #workFor}), so the two cannot drift apart. Each service still checks the role itself.
 */
public final class Navigation {

    /** Who may open an area: visitors only, everyone, or a signed-in user holding one of {@code roles}. */
    enum Audience {
        VISITORS, EVERYONE, ROLES
    }

    /** An area: the key of its label in {@code frame.properties}, its address, and who may open it. */
    record Area(String key, String href, Audience audience, Set<String> roles) {

        boolean mayOpen(boolean signedIn, Set<String> userRoles) {
            return switch (audience) {
                case VISITORS -> !signedIn;
                case EVERYONE -> true;
                case ROLES -> signedIn && roles.stream().anyMatch(userRoles::contains);
            };
        }
    }

    private static final List<Area> AREAS = List.of(
            new Area("nav.home", "/", Audience.EVERYONE, Set.of()),
            forRoles("nav.training", "/training", Roles.TRAINEE, Roles.TRAINER, Roles.AUTHOR, Roles.ADMIN),
            forRoles("nav.cohorts", "/training/cohorts", Roles.TRAINER, Roles.ADMIN),
            forRoles("nav.authoring", "/training/author", Roles.AUTHOR, Roles.ADMIN),
            forRoles("nav.import", "/training/author/import", Roles.ADMIN),
            forRoles("nav.campaigns", "/campaigns/manage", Roles.CAMPAIGN_MANAGER, Roles.ADMIN),
            forRoles("nav.surveys", "/campaigns/surveys", Roles.CAMPAIGN_MANAGER, Roles.EVALUATOR, Roles.ADMIN),
            forRoles("nav.reports", "/training/reports", Roles.TRAINER, Roles.ADMIN),
            forRoles("nav.organizations", "/admin/organizations", Roles.ADMIN),
            forRoles("nav.audit", "/admin/audit", Roles.ADMIN),
            // The public doors, for visitors; a signed-in user finds them on the start page.
            new Area("nav.public-campaigns", "/campaigns/public", Audience.VISITORS, Set.of()),
            new Area("nav.verify", "/training/public/verify", Audience.VISITORS, Set.of()));

    private Navigation() {
    }

    /**
     * The areas of a signed-in user's roles, in the header's order, as the start page offers them: each by its
     * name (the label key without its {@code nav.} prefix: "training", "import"…) and address. Home and the public
     * doors, which every reader has, are not among them.
     */
    public static List<Work> workFor(Set<String> roles) {
        return areasFor(true, roles).stream().filter(area -> area.audience() == Audience.ROLES)
                .map(area -> new Work(area.key().substring("nav.".length()), area.href())).toList();
    }

    /** One area of a user's work: its name and its address. */
    public record Work(String name, String href) {
    }

    /** The areas a visitor, or a signed-in user with these roles, may open, in the header's order. */
    static List<Area> areasFor(boolean signedIn, Set<String> roles) {
        return AREAS.stream().filter(area -> area.mayOpen(signedIn, roles)).toList();
    }

    /** The area a path belongs to: the longest address it starts with, so a cohort page marks "Cohorts". */
    static String currentHref(String path, List<Area> areas) {
        String best = null;
        for (Area area : areas) {
            String href = area.href();
            boolean inside = href.equals("/") ? path.equals("/")
                    : path.equals(href) || path.startsWith(href + "/");
            if (inside && (best == null || href.length() > best.length())) {
                best = href;
            }
        }
        return best;
    }

    private static Area forRoles(String key, String href, String... roles) {
        return new Area(key, href, Audience.ROLES, Set.of(roles));
    }
}
