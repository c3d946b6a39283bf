package org.beacon.campaign.help;

import io.quarkus.cache.CacheInvalidateAll;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.beacon.campaign.audit.AuditLog;
import org.beacon.campaign.campaign.CampaignVersion;
import org.beacon.campaign.publicpage.PublicCampaigns;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.web.ProblemException;

/**
 * The help resources campaigns point to, and the publishing gate's question: which place × language of a campaign
 * has no active resource? Every campaign manager sees the whole directory (a hotline serves every campaign in its
 * country); only its organization, or an admin, changes an entry.
 */
@ApplicationScoped
public class HelpDirectory {

    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    public static final String AUDIT_SUBJECT = "help-resource";

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Transactional
    public List<HelpView> listed() {
        return HelpResource.listed().stream().map(r -> HelpView.of(r, mayChange(r))).toList();
    }

    @Transactional
    public HelpView view(long id) {
        HelpResource resource = find(id);
        return HelpView.of(resource, mayChange(resource));
    }

    HelpResource find(long id) {
        HelpResource resource = HelpResource.findById(id);
        if (resource == null) {
            throw ProblemException.notFound("No help resource " + id + ".");
        }
        return resource;
    }

    boolean mayChange(HelpResource resource) {
        return user.isAdmin() || (resource.organization != null && user.mayActFor(resource.organization));
    }

    @Transactional
    @CacheInvalidateAll(cacheName = PublicCampaigns.PAGE_CACHE)
    public HelpResource create(@Valid @NotNull HelpResourceInput input) {
        String organization = user.requireOrganization();
        if (HelpResource.count("slug", input.slug()) > 0) {
            throw ProblemException.conflict("A help resource with the identifier '" + input.slug() + "' already exists.");
        }
        HelpResource resource = new HelpResource();
        resource.slug = input.slug();
        resource.organization = organization;
        apply(resource, input);
        resource.persist();
        audit.record("help-create", AUDIT_SUBJECT, resource.id, organization, "Added " + describe(resource) + ".");
        return resource;
    }

    @Transactional
    @CacheInvalidateAll(cacheName = PublicCampaigns.PAGE_CACHE)
    public HelpResource update(long id, @Valid @NotNull HelpResourceInput input) {
        HelpResource resource = find(id);
        if (!mayChange(resource)) {
            throw new ForbiddenException(resource.organization == null
                    ? "This help resource is shared by every campaign; only an admin changes it."
                    : "This help resource belongs to another organization.");
        }
        if (!resource.slug.equals(input.slug())) {
            throw ProblemException.badRequest("The identifier of a help resource cannot change.");
        }
        if (!sameAs(resource, input)) {
            keepingPublishedHelp(CampaignVersion.publishedIn(resource.country), () -> {
                apply(resource, input);
                return resource;
            });
            audit.record("help-update", AUDIT_SUBJECT, resource.id, resource.organization,
                    "Changed " + describe(resource) + ".");
        }
        return resource;
    }

    /** The content import's upsert: platform-wide entries, matched by slug, untouched when nothing changed. */
    @Transactional
    @CacheInvalidateAll(cacheName = PublicCampaigns.PAGE_CACHE)
    public Outcome importResource(@Valid @NotNull HelpResourceInput input) {
        HelpResource resource = HelpResource.find("slug", input.slug()).firstResult();
        if (resource == null) {
            resource = new HelpResource();
            resource.slug = input.slug();
            apply(resource, input);
            resource.persist();
            return Outcome.CREATED;
        }
        if (sameAs(resource, input)) {
            return Outcome.UNCHANGED;
        }
        apply(resource, input);
        return Outcome.UPDATED;
    }

    /**
     * Runs a change to the directory unless it takes help away from a published campaign: every place × language of
     * a version on a public page keeps an active resource, as the publishing gate required before it went public.
     * The gate's own rule ({@link #missingHelp}) is asked before and after the change, and only what the change
     * leaves uncovered is refused (409, which rolls the change back), so an older gap never blocks another correction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T keepingPublishedHelp(List<CampaignVersion> published, Supplier<T> change) {
        List<List<String>> before = published.stream().map(this::missingHelp).toList();
        T result = change.get();
        // The gate reads the directory from the database: the change must be there first.
        HelpResource.flush();
        List<String> lost = new ArrayList<>();
        for (int i = 0; i < published.size(); i++) {
            CampaignVersion version = published.get(i);
            for (String missing : missingHelp(version)) {
                if (!before.get(i).contains(missing)) {
                    lost.add("campaign '" + version.campaign.slug + "': " + missing);
                }
            }
        }
        if (!lost.isEmpty()) {
            throw new ProblemException(409, "Published campaigns would lose their help",
                    "The change is refused: no other active help resource serves " + String.join(", ", lost)
                            + ". Add or activate another resource there first, or unpublish the campaign.",
                    lost);
        }
        return result;
    }

    /** The publishing gate: the places × languages of a campaign version that no active help resource serves. */
    public List<String> missingHelp(CampaignVersion version) {
        return missingCoverage(version.placeList(), version.languages());
    }

    /**
     * Every place × language that no active resource serves, as {@code SN/Dakar × ar}. A regional place is served by
     * a resource for that region or for the whole country; a country-wide place only by a country-wide resource.
     */
    public List<String> missingCoverage(List<Place> places, List<String> languages) {
        List<String> countries = places.stream().map(Place::country).distinct().toList();
        List<HelpResource> active = countries.isEmpty() ? List.of() : HelpResource.activeIn(countries);
        List<String> missing = new ArrayList<>();
        for (Place place : places) {
            for (String language : languages) {
                boolean served = active.stream().anyMatch(r -> place.isServedBy(r.place()) && r.speaks(language));
                if (!served) {
                    missing.add(place + " × " + language);
                }
            }
        }
        return missing;
    }

    /** What a reader at this place is shown: resources in their language first, the place's own region first. */
    public List<HelpResource> servingPlace(Place place, String language) {
        List<HelpResource> serving = HelpResource.activeIn(List.of(place.country())).stream()
                .filter(r -> place.isServedBy(r.place()))
                .toList();
        List<HelpResource> inLanguage = serving.stream().filter(r -> r.speaks(language)).toList();
        // Deactivating a resource after publication must not leave a reader with no help at all.
        return inLanguage.isEmpty() ? serving : inLanguage;
    }

    private void apply(HelpResource resource, HelpResourceInput input) {
        resource.kind = input.kind();
        resource.country = input.country().toUpperCase(Locale.ROOT);
        resource.region = blankToNull(input.region());
        resource.languages = new ArrayList<>(input.languages());
        resource.names = new LinkedHashMap<>(input.names());
        resource.contact = input.contact().trim();
        resource.active = input.active();
        resource.demo = input.demo();
        resource.lastVerified = input.lastVerified();
        resource.updatedBy = user.subject();
        resource.updatedAt = OffsetDateTime.now();
    }

    private static String describe(HelpResource resource) {
        return "help resource '" + resource.slug + "' (" + resource.kind + ", " + resource.place() + ", "
                + String.join(" ", resource.languages) + (resource.active ? "" : ", inactive")
                + (resource.demo ? ", demo" : "") + ")";
    }

    private static boolean sameAs(HelpResource resource, HelpResourceInput input) {
        return Objects.equals(resource.kind, input.kind())
                && Objects.equals(resource.country, input.country().toUpperCase(Locale.ROOT))
                && Objects.equals(resource.region, blankToNull(input.region()))
                && Objects.equals(resource.languages, input.languages())
                && Objects.equals(resource.names, input.names())
                && Objects.equals(resource.contact, input.contact().trim())
                && resource.active == input.active()
                && resource.demo == input.demo()
                && Objects.equals(resource.lastVerified, input.lastVerified());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
