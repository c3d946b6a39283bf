package org.beacon.campaign.help;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.beacon.campaign.audit.AuditLog;
import org.beacon.campaign.campaign.CampaignVersion;
import org.beacon.campaign.campaign.HelpGate;
import org.beacon.campaign.campaign.Place;
import org.beacon.campaign.i18n.ListedRefusal;
import org.beacon.campaign.material.MaterialVariant;
import org.beacon.campaign.publicpage.event.PublicContentChanged;
import org.beacon.commons.audit.AuditSummary;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/**
 * The help resources campaigns point to, and the publishing gate's question: which place × language of a campaign
 * has no active resource? Every campaign manager sees the whole directory (a hotline serves every campaign in its
 * country); only its organization, or an admin, changes an entry.
 */
@ApplicationScoped
public class HelpDirectory implements HelpGate {

    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    public static final String AUDIT_SUBJECT = "help-resource";

    /** Tells the public page to drop its cached views once the change is committed. */
    @Inject
    Event<PublicContentChanged> publicContent;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    HelpSettings settings;

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
            throw ProblemException.notFound(Reason.of("help.not-found", String.valueOf(id)));
        }
        return resource;
    }

    boolean mayChange(HelpResource resource) {
        return user.isAdmin() || (resource.organization != null && user.mayActFor(resource.organization));
    }

    @Transactional
    public HelpResource create(@Valid @NotNull HelpResourceInput input) {
        publicContent.fire(new PublicContentChanged("help resource added"));
        String organization = user.requireOrganization();
        if (HelpResource.count("slug", input.slug()) > 0) {
            throw ProblemException.conflict(Reason.of("help.slug-taken", input.slug()));
        }
        HelpResource resource = new HelpResource();
        resource.slug = input.slug();
        resource.organization = organization;
        apply(resource, input);
        resource.persist();
        audit.record("help-create", AUDIT_SUBJECT, resource.id, organization, described("help.created", resource));
        return resource;
    }

    @Transactional
    public HelpResource update(long id, @Valid @NotNull HelpResourceInput input) {
        publicContent.fire(new PublicContentChanged("help resource changed"));
        HelpResource resource = find(id);
        if (!mayChange(resource)) {
            throw ProblemException.forbidden(resource.organization == null
                    ? Reason.of("help.shared-admin-only")
                    : Reason.of("help.other-organization"));
        }
        if (!resource.slug.equals(input.slug())) {
            throw ProblemException.badRequest(Reason.of("help.slug-fixed"));
        }
        if (!sameAs(resource, input)) {
            keepingPublishedHelp(CampaignVersion.publishedIn(resource.country), () -> {
                apply(resource, input);
                return resource;
            });
            audit.record("help-update", AUDIT_SUBJECT, resource.id, resource.organization,
                    described("help.changed", resource));
        }
        return resource;
    }

    /** The content import's upsert: platform-wide entries, matched by slug, untouched when nothing changed. */
    @Transactional
    public Outcome importResource(@Valid @NotNull HelpResourceInput input) {
        publicContent.fire(new PublicContentChanged("help resource imported"));
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
     * a version on a public page keeps a resource that counts, and every help placeholder of its published materials
     * stays fillable, as the publishing gate required before it went public. The gate's own rule
     * ({@link #gateProblems}) is asked before and after the change, and only what the change breaks is refused (409,
     * which rolls the change back), so an older gap never blocks another correction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T keepingPublishedHelp(List<CampaignVersion> published, Supplier<T> change) {
        List<List<Reason>> before = published.stream().map(this::gateProblems).toList();
        T result = change.get();
        // The gate reads the directory from the database: the change must be there first.
        HelpResource.flush();
        List<Reason> lost = new ArrayList<>();
        for (int i = 0; i < published.size(); i++) {
            CampaignVersion version = published.get(i);
            for (Reason missing : gateProblems(version)) {
                if (!before.get(i).contains(missing)) {
                    lost.add(Reason.of("gate.campaign-loses", version.campaign.slug, missing));
                }
            }
        }
        if (!lost.isEmpty()) {
            throw ProblemException.listing(409, "Published campaigns would lose their help",
                    Reason.of("help.change-loses-help", ListedRefusal.joined(lost)), lost);
        }
        return result;
    }

    /** Everything the help directory holds against publishing a version: {@link #missingHelp} and {@link #unfilledPlaceholders}. */
    public List<Reason> gateProblems(CampaignVersion version) {
        List<Reason> problems = new ArrayList<>(missingHelp(version));
        problems.addAll(unfilledPlaceholders(version));
        return problems;
    }

    /** The publishing gate: the places × languages of a campaign version that no help resource that counts serves. */
    @Override
    public List<Reason> missingHelp(CampaignVersion version) {
        return missingCoverage(version.placeList(), version.languages());
    }

    /**
     * Every place × language that no active resource counting for the gate serves, as {@code SN/Dakar × ar}, or
     * {@code SN/Dakar × ar (only demo help)} when a demo entry is all there is. A regional place is served by a
     * resource for that region or for the whole country; a country-wide place only by a country-wide resource.
     */
    public List<Reason> missingCoverage(List<Place> places, List<String> languages) {
        List<HelpResource> active = activeFor(places);
        List<Reason> missing = new ArrayList<>();
        for (Place place : places) {
            for (String language : languages) {
                List<HelpResource> serving = active.stream()
                        .filter(r -> place.isServedBy(r.place()) && r.speaks(language)).toList();
                if (serving.stream().noneMatch(this::countsForGate)) {
                    missing.add(Reason.of(serving.isEmpty() ? "gate.missing" : "gate.missing-demo-only",
                            place.toString(), language));
                }
            }
        }
        return missing;
    }

    /**
     * Whether a resource may be what stands between a reader and no help at all. A demo entry (shipped sample data,
     * with no real contact) only counts where the operator says so: the local and end-to-end stacks.
     */
    boolean countsForGate(HelpResource resource) {
        return resource.active && (!resource.demo || settings.demoCountsForGate());
    }

    /**
     * The help placeholders of the version's published materials that the directory cannot fill for one of its
     * places in the material's language, as {@code material 'sms' (fr): {help.hotline.contact} for SN/Dakar}.
     */
    @Override
    public List<Reason> unfilledPlaceholders(CampaignVersion version) {
        List<Reason> unfilled = new ArrayList<>();
        for (String language : version.languages()) {
            for (MaterialVariant variant : MaterialVariant.publishedIn(version.campaign, language)) {
                unfilled.addAll(unfilledPlaceholders(variant.material.slug, language,
                        variant.title + "\n" + variant.bodyMarkdown, version.placeList()));
            }
        }
        return unfilled;
    }

    /** The placeholders of one material text that cannot be filled for a place in its language; empty when all can. */
    @Override
    public List<Reason> unfilledPlaceholders(String material, String language, String text, List<Place> places) {
        List<Reason> unfilled = new ArrayList<>();
        List<HelpResource> active = null;
        for (String written : HelpPlaceholder.writtenIn(text)) {
            Optional<HelpPlaceholder> placeholder = HelpPlaceholder.parse(written);
            if (placeholder.isEmpty()) {
                unfilled.add(Reason.of("gate.not-a-placeholder", material, language, written,
                        List.copyOf(HelpPlaceholder.all())));
                continue;
            }
            if (active == null) {
                active = activeFor(places);
            }
            for (Place place : places) {
                if (filling(active, placeholder.get(), place, language, true).isEmpty()) {
                    unfilled.add(Reason.of(settings.demoCountsForGate() ? "gate.unfilled" : "gate.unfilled-real",
                            material, language, written, place.toString(), placeholder.get().kind()));
                }
            }
        }
        return unfilled;
    }

    /**
     * A material's text (Markdown, or a plain title) with its help placeholders filled for readers at a place, in their language: by a
     * resource counting for the gate, else (the directory changed after publication) by any active one, in the
     * language if possible. A placeholder nothing fills stays as written rather than turning into an empty phrase.
     */
    public String fillPlaceholders(String text, Place place, String language, boolean markdown) {
        Set<String> written = HelpPlaceholder.writtenIn(text);
        if (written.isEmpty() || place == null) {
            return text;
        }
        List<HelpResource> active = activeFor(List.of(place));
        String filled = text;
        for (String token : written) {
            Optional<HelpPlaceholder> placeholder = HelpPlaceholder.parse(token);
            if (placeholder.isEmpty()) {
                continue;
            }
            Optional<HelpResource> resource = filling(active, placeholder.get(), place, language, true)
                    .or(() -> filling(active, placeholder.get(), place, language, false))
                    .or(() -> active.stream().filter(r -> r.kind.equals(placeholder.get().kind())
                            && place.isServedBy(r.place())).findFirst());
            if (resource.isPresent()) {
                String value = placeholder.get().valueOf(resource.get(), language);
                filled = filled.replace(token, markdown ? markdownLiteral(value) : value);
            }
        }
        return filled;
    }

    /** The resource a placeholder names: of its kind, serving the place in the language, the place's region first. */
    private Optional<HelpResource> filling(List<HelpResource> active, HelpPlaceholder placeholder, Place place,
            String language, boolean forGate) {
        return active.stream()
                .filter(r -> r.kind.equals(placeholder.kind()) && place.isServedBy(r.place()) && r.speaks(language))
                .filter(r -> !forGate || countsForGate(r))
                .findFirst();
    }

    /** A directory entry's text is data, not Markdown: a name with a star or an underscore stays as written. */
    private static String markdownLiteral(String text) {
        return text.replaceAll("([\\\\`*_{}\\[\\]()#+\\-.!<>|~&])", "\\\\$1");
    }

    private static List<HelpResource> activeFor(List<Place> places) {
        List<String> countries = places.stream().map(Place::country).distinct().toList();
        // Ordered with regional entries first, so that a place's own region answers before the country.
        return countries.isEmpty() ? List.of() : HelpResource.activeIn(countries);
    }

    /**
     * What a reader at this place is shown: resources in their language first, the place's own region first, then
     * those in other languages, so that a reader who speaks Wolof finds the Wolof line from the French page.
     */
    public List<HelpResource> servingPlace(Place place, String language) {
        List<HelpResource> serving = HelpResource.activeIn(List.of(place.country())).stream()
                .filter(r -> place.isServedBy(r.place()))
                .toList();
        List<HelpResource> ordered = new ArrayList<>(serving.stream().filter(r -> r.speaks(language)).toList());
        serving.stream().filter(r -> !r.speaks(language)).forEach(ordered::add);
        return ordered;
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

    /** What the audit log says of a resource: its slug, kind, place and languages, and whether inactive or demo. */
    private static AuditSummary described(String key, HelpResource resource) {
        List<AuditSummary> flags = new ArrayList<>();
        if (!resource.active) {
            flags.add(AuditSummary.word("help.inactive"));
        }
        if (resource.demo) {
            flags.add(AuditSummary.word("help.demo"));
        }
        AuditSummary kind = AuditSummary.word("kind." + resource.kind);
        List<AuditSummary.Language> languages = AuditSummary.languages(resource.languages);
        return flags.isEmpty()
                ? AuditSummary.of(key, resource.slug, kind, resource.place().toString(), languages)
                : AuditSummary.of(key + "-flagged", resource.slug, kind, resource.place().toString(), languages,
                        flags);
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
