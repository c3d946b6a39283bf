package org.beacon.campaign.campaign;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.beacon.campaign.review.PublishBlock;
import org.beacon.campaign.publicpage.event.PublicContentChanged;
import org.beacon.campaign.audit.AuditLog;
import org.beacon.campaign.review.Review;
import org.beacon.campaign.review.ReviewChecklist;
import org.beacon.campaign.review.ReviewStatus;
import org.beacon.campaign.review.ReviewView;
import org.beacon.commons.audit.AuditSummary;
import org.beacon.commons.security.CurrentUser;
import org.beacon.campaign.i18n.ListedRefusal;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/**
 * Campaign rules, for the pages, the API and the content import alike: a campaign belongs to one organization and
 * only its managers (or an admin) see and change it; published text is never overwritten (a change starts the next
 * draft version); approval needs a second person and the full checklist; publishing needs an active help resource
 * for every place × language.
 */
@ApplicationScoped
public class CampaignService {

    public static final String AUDIT_SUBJECT = "campaign";

    /** Tells the public page to drop its cached views once the change is committed. */
    @Inject
    Event<PublicContentChanged> publicContent;

    @Inject
    CurrentUser user;

    @Inject
    HelpGate help;

    @Inject
    AuditLog audit;

    public List<Campaign> visibleCampaigns() {
        return user.isAdmin() ? Campaign.all() : Campaign.ofOrganization(user.requireOrganization());
    }

    /** Which of these campaigns wait for nothing but publishing: their open version is approved. */
    @Transactional
    public Set<Long> approvedAmong(List<Campaign> listed) {
        return listed.stream().filter(c -> !c.isPublished())
                .filter(c -> CampaignVersion.open(c).map(v -> v.review.isApproved()).orElse(false))
                .map(c -> c.id).collect(Collectors.toSet());
    }

    public Campaign find(long id) {
        Campaign campaign = Campaign.findById(id);
        if (campaign == null) {
            throw ProblemException.notFound(Reason.of("campaign.not-found", String.valueOf(id)));
        }
        user.requireMayActFor(campaign.organization);
        return campaign;
    }

    /** The version a manager works on: the open one, else the newest (published or archived). */
    public CampaignVersion current(Campaign campaign) {
        return CampaignVersion.open(campaign).or(() -> CampaignVersion.newest(campaign))
                .orElseThrow(() -> new IllegalStateException("Campaign " + campaign.id + " has no version"));
    }

    public List<CampaignVersion> versions(Campaign campaign) {
        return CampaignVersion.of(campaign);
    }

    @Transactional
    public Campaign create(@Valid @NotNull NewCampaign request) {
        return create(request, user.requireOrganization());
    }

    @Transactional
    public Campaign create(NewCampaign request, String organization) {
        if (Campaign.count("slug", request.slug()) > 0) {
            throw ProblemException.conflict(Reason.of("campaign.address-taken", request.slug()));
        }
        Campaign campaign = new Campaign();
        campaign.slug = request.slug();
        campaign.title = request.title().trim();
        campaign.defaultLanguage = request.defaultLanguage();
        campaign.organization = organization;
        campaign.status = ReviewStatus.draft;
        campaign.createdBy = user.subject();
        campaign.updatedAt = OffsetDateTime.now();
        campaign.persist();

        CampaignVersion version = new CampaignVersion();
        version.campaign = campaign;
        version.number = 1;
        version.defaultLanguage = request.defaultLanguage();
        version.review = Review.startedBy(user.subject());
        CampaignTranslation main = new CampaignTranslation();
        main.version = version;
        main.language = request.defaultLanguage();
        main.title = campaign.title;
        version.translations.add(main);
        version.persist();
        audit.record(AuditLog.CREATE, AUDIT_SUBJECT, campaign.id, organization,
                AuditSummary.of("campaign.created", campaign.slug));
        return campaign;
    }

    @Transactional
    public CampaignVersion updateSettings(long campaignId, @Valid @NotNull CampaignSettings settings) {
        Campaign campaign = find(campaignId);
        if (sameSettings(current(campaign), settings)) {
            return current(campaign);
        }
        CampaignVersion version = draftOf(campaign);
        applySettings(version, settings);
        audit.record(AuditLog.CHANGE, AUDIT_SUBJECT, campaign.id, campaign.organization,
                AuditSummary.of("campaign.settings-changed", campaign.slug, version.number));
        return edited(version);
    }

    @Transactional
    public CampaignVersion putTranslation(long campaignId, String language, @Valid @NotNull TranslationText text) {
        Vocabulary.requireLanguageTag(language);
        Campaign campaign = find(campaignId);
        CampaignTranslation existing = current(campaign).translation(language);
        if (existing != null && sameText(existing, text)) {
            return current(campaign);
        }
        CampaignVersion version = draftOf(campaign);
        version.write(language, text);
        return edited(version);
    }

    @Transactional
    public CampaignVersion removeTranslation(long campaignId, String language) {
        Campaign campaign = find(campaignId);
        if (current(campaign).translation(language) == null) {
            throw ProblemException.notFound(Reason.of("campaign.no-text-in", language));
        }
        CampaignVersion version = draftOf(campaign);
        if (language.equals(version.defaultLanguage)) {
            throw ProblemException.badRequest(Reason.of("campaign.default-text-kept"));
        }
        version.translations.remove(version.translation(language));
        return edited(version);
    }

    @Transactional
    public CampaignVersion submit(long campaignId) {
        Campaign campaign = find(campaignId);
        CampaignVersion version = openVersion(campaign);
        List<Reason> problems = incompleteness(version);
        if (!problems.isEmpty()) {
            throw ListedRefusal.invalidItems(Reason.of("campaign.incomplete"), problems);
        }
        version.review.submit(user.subject(), version.subject());
        campaign.summarize(version, CampaignVersion.published(campaign).isPresent());
        return version;
    }

    @Transactional
    public CampaignVersion sendBack(long campaignId) {
        Campaign campaign = find(campaignId);
        CampaignVersion version = openVersion(campaign);
        version.review.sendBack(version.subject());
        campaign.summarize(version, CampaignVersion.published(campaign).isPresent());
        return version;
    }

    @Transactional
    public CampaignVersion approve(long campaignId, @NotNull ReviewChecklist checklist) {
        Campaign campaign = find(campaignId);
        CampaignVersion version = openVersion(campaign);
        version.review.approve(user.subject(), checklist, version.subject());
        audit.record(AuditLog.APPROVE, AUDIT_SUBJECT, campaign.id, campaign.organization,
                AuditSummary.of("campaign.approved", campaign.slug, version.number));
        return version;
    }

    @Transactional
    public CampaignVersion publish(long campaignId) {
        publicContent.fire(new PublicContentChanged("campaign published"));
        Campaign campaign = find(campaignId);
        CampaignVersion version = openVersion(campaign);
        version.review.requirePublishable(version.subject());
        List<Reason> missing = missingHelp(version);
        if (!missing.isEmpty()) {
            throw ProblemException.listing(409, "No help for some readers",
                    Reason.of("publish.no-help", missing),
                    missing);
        }
        List<Reason> unfilled = help.unfilledPlaceholders(version);
        if (!unfilled.isEmpty()) {
            throw ProblemException.listing(409, "Materials name help that does not exist",
                    Reason.of("publish.unfilled-help", ListedRefusal.joined(unfilled)),
                    unfilled);
        }
        Optional<CampaignVersion> previous = CampaignVersion.published(campaign);
        previous.ifPresent(old -> {
            old.review.archive();
            // The partial unique index allows one published version: retire the old one before the new one.
            old.persistAndFlush();
        });
        version.review.publish(user.subject());
        campaign.summarize(version, true);
        audit.record(AuditLog.PUBLISH, AUDIT_SUBJECT, campaign.id, campaign.organization,
                previous.map(old -> AuditSummary.of("campaign.published-replacing", campaign.slug, version.number,
                        AuditSummary.languages(version.languages()), old.number))
                        .orElseGet(() -> AuditSummary.of("campaign.published", campaign.slug, version.number,
                                AuditSummary.languages(version.languages()))));
        return version;
    }

    @Transactional
    public CampaignVersion unpublish(long campaignId) {
        publicContent.fire(new PublicContentChanged("campaign taken down"));
        Campaign campaign = find(campaignId);
        CampaignVersion version = CampaignVersion.published(campaign)
                .orElseThrow(() -> ProblemException.conflict(Reason.of("campaign.not-published", campaign.slug)));
        version.review.archive();
        campaign.summarize(current(campaign), false);
        audit.record(AuditLog.UNPUBLISH, AUDIT_SUBJECT, campaign.id, campaign.organization,
                AuditSummary.of("campaign.unpublished", campaign.slug, version.number));
        return version;
    }

    public enum ImportOutcome { UNCHANGED, UPDATED_DRAFT, NEW_VERSION }

    /**
     * The content import's campaign text. The same content as the newest version changes nothing (importing twice
     * is a no-op); other content goes into the open draft, or a new draft version when the newest is published or
     * archived. A version in review is withdrawn first: the files are the source the reviewer will see again.
     */
    @Transactional
    public ImportOutcome importContent(Campaign campaign, CampaignSettings settings,
            Map<String, TranslationText> texts) {
        CampaignVersion newest = current(campaign);
        boolean sameTexts = newest.translations.size() == texts.size()
                && texts.entrySet().stream().allMatch(e -> newest.translation(e.getKey()) != null
                        && sameText(newest.translation(e.getKey()), e.getValue()));
        if (sameTexts && sameSettings(newest, settings)) {
            return ImportOutcome.UNCHANGED;
        }
        if (newest.review.isInReview()) {
            newest.review.sendBack(newest.subject());
        }
        CampaignVersion draft = draftOf(campaign);
        draft.translations.removeIf(t -> !texts.containsKey(t.language));
        texts.forEach(draft::write);
        applySettings(draft, settings);
        edited(draft);
        return draft == newest ? ImportOutcome.UPDATED_DRAFT : ImportOutcome.NEW_VERSION;
    }

    /** Everything the campaign page and the API show about a campaign, read in one transaction. */
    @Transactional
    public CampaignDetail detail(long campaignId) {
        Campaign campaign = find(campaignId);
        CampaignVersion current = current(campaign);
        Optional<CampaignVersion> published = CampaignVersion.published(campaign);
        return new CampaignDetail(campaign.id, campaign.slug, campaign.organization, campaign.status, campaign.title,
                view(current), published.map(this::view).orElse(null),
                versions(campaign).stream()
                        .map(v -> new CampaignDetail.VersionSummary(v.id, v.number, v.review.status,
                                v.review.stage()))
                        .toList());
    }

    private CampaignDetail.VersionView view(CampaignVersion version) {
        List<Reason> missingHelp = missingHelp(version);
        List<Reason> unfilled = help.unfilledPlaceholders(version);
        List<PublishBlock> gate = new ArrayList<>();
        if (version.places.isEmpty()) {
            gate.add(PublishBlock.NO_PLACE);
        }
        if (!missingHelp.isEmpty()) {
            gate.add(PublishBlock.MISSING_HELP);
        }
        if (!unfilled.isEmpty()) {
            gate.add(PublishBlock.UNFILLED_PLACEHOLDERS);
        }
        return new CampaignDetail.VersionView(version.id, version.number, version.defaultLanguage,
                version.languages(), List.copyOf(version.targetGroups), List.copyOf(version.channels),
                version.periodStart, version.periodEnd,
                version.places.stream()
                        .map(p -> new CampaignDetail.PlaceView(p.country, p.region, p.place().toString()))
                        .toList(),
                version.languages().stream().map(version::translation)
                        .map(t -> new CampaignDetail.TranslationView(t.language, t.title, t.objectives,
                                List.copyOf(t.keyMessages)))
                        .toList(),
                ReviewView.of(version.review, user.subject()),
                missingHelp.stream().map(Reason::english).toList(), unfilled.stream().map(Reason::english).toList(),
                PublishBlock.of(version.review, gate),
                missingHelp.stream().map(Reason::readerText).toList(), unfilled.stream().map(Reason::readerText).toList());
    }

    /** The places × languages of a version that no help resource counting for the gate serves. */
    public List<Reason> missingHelp(CampaignVersion version) {
        return help.missingHelp(version);
    }

    /** Campaign versions waiting for a reviewer, of the organizations the user acts for. */
    @Transactional
    public List<ReviewItem> reviewQueue() {
        return CampaignVersion.inReview().stream()
                .filter(v -> user.mayActFor(v.campaign.organization))
                .map(v -> new ReviewItem(v.campaign.id, v.campaign.slug, v.campaign.title, v.number,
                        v.review.approvedBy != null, v.review.isAuthor(user.subject())))
                .toList();
    }

    public record ReviewItem(long campaignId, String slug, String title, int version, boolean approved,
            boolean writtenByYou) {
    }

    /**
     * The draft to write into: the open draft, or a new version copied from the newest one, so published text
     * stays as it was reviewed. A version in review is what its reviewer sees, so it is not changed.
     */
    CampaignVersion draftOf(Campaign campaign) {
        Optional<CampaignVersion> open = CampaignVersion.open(campaign);
        if (open.isPresent()) {
            open.get().review.requireEditable(open.get().subject());
            return open.get();
        }
        CampaignVersion newest = current(campaign);
        CampaignVersion draft = new CampaignVersion();
        draft.campaign = campaign;
        draft.number = newest.number + 1;
        draft.defaultLanguage = newest.defaultLanguage;
        draft.targetGroups = new ArrayList<>(newest.targetGroups);
        draft.channels = new ArrayList<>(newest.channels);
        draft.periodStart = newest.periodStart;
        draft.periodEnd = newest.periodEnd;
        draft.review = Review.startedBy(user.subject());
        for (CampaignTranslation source : newest.translations) {
            CampaignTranslation copy = new CampaignTranslation();
            copy.version = draft;
            copy.language = source.language;
            copy.title = source.title;
            copy.objectives = source.objectives;
            copy.keyMessages = new ArrayList<>(source.keyMessages);
            draft.translations.add(copy);
        }
        for (CampaignPlace source : newest.places) {
            CampaignPlace copy = new CampaignPlace();
            copy.version = draft;
            copy.position = source.position;
            copy.country = source.country;
            copy.region = source.region;
            draft.places.add(copy);
        }
        draft.persist();
        return draft;
    }

    private static void applySettings(CampaignVersion version, CampaignSettings settings) {
        version.defaultLanguage = settings.defaultLanguage();
        version.targetGroups = new ArrayList<>(settings.targetGroups());
        version.channels = new ArrayList<>(settings.channels());
        version.periodStart = settings.periodStart();
        version.periodEnd = settings.periodEnd();
        version.places.clear();
        int position = 0;
        for (Place place : places(settings)) {
            CampaignPlace row = new CampaignPlace();
            row.version = version;
            row.position = position++;
            row.country = place.country();
            row.region = place.region();
            version.places.add(row);
        }
    }

    private CampaignVersion edited(CampaignVersion version) {
        version.review.edited(user.subject());
        version.campaign.summarize(version, CampaignVersion.published(version.campaign).isPresent());
        return version;
    }

    private CampaignVersion openVersion(Campaign campaign) {
        return CampaignVersion.open(campaign).orElseThrow(() -> ProblemException.conflict(
                Reason.of("campaign.no-open-version", campaign.slug)));
    }

    private static List<Reason> incompleteness(CampaignVersion version) {
        List<Reason> problems = new ArrayList<>();
        if (version.translation(version.defaultLanguage) == null) {
            problems.add(Reason.of("campaign.no-default-text", version.defaultLanguage));
        }
        if (version.places.isEmpty()) {
            problems.add(Reason.of("campaign.no-place"));
        }
        for (CampaignTranslation translation : version.translations) {
            if (translation.keyMessages.isEmpty()) {
                problems.add(Reason.of("campaign.no-key-message", translation.language));
            }
        }
        return problems;
    }

    static List<Place> places(CampaignSettings settings) {
        return settings.places().stream().map(p -> new Place(p.country(), p.region())).distinct().toList();
    }

    static boolean sameSettings(CampaignVersion version, CampaignSettings settings) {
        return Objects.equals(version.defaultLanguage, settings.defaultLanguage())
                && Objects.equals(version.targetGroups, settings.targetGroups())
                && Objects.equals(version.channels, settings.channels())
                && Objects.equals(version.periodStart, settings.periodStart())
                && Objects.equals(version.periodEnd, settings.periodEnd())
                && Objects.equals(version.placeList(), places(settings));
    }

    static boolean sameText(CampaignTranslation translation, TranslationText text) {
        return Objects.equals(translation.title, text.title())
                && Objects.equals(translation.objectives, text.objectives())
                && Objects.equals(translation.keyMessages, text.keyMessages());
    }
}
