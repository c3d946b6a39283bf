package org.beacon.campaign.material;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.beacon.campaign.publicpage.event.PublicContentChanged;
import org.beacon.campaign.audit.AuditLog;
import org.beacon.campaign.campaign.Campaign;
import org.beacon.campaign.campaign.CampaignService;
import org.beacon.campaign.campaign.CampaignVersion;
import org.beacon.campaign.campaign.HelpGate;
import org.beacon.campaign.review.PublishBlock;
import org.beacon.campaign.review.Review;
import org.beacon.campaign.review.ReviewChecklist;
import org.beacon.campaign.review.ReviewView;
import org.beacon.campaign.campaign.Vocabulary;
import org.beacon.campaign.material.MaterialViews.MaterialView;
import org.beacon.campaign.material.MaterialViews.MediaView;
import org.beacon.campaign.material.MaterialViews.VariantView;
import org.beacon.campaign.campaign.Place;
import org.beacon.campaign.media.Media;
import org.beacon.campaign.media.MediaService;
import org.beacon.commons.audit.AuditSummary;
import org.beacon.commons.security.CurrentUser;
import org.beacon.commons.storage.FileNames;
import org.beacon.campaign.i18n.ListedRefusal;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Materials and their language variants, under the same rules as the campaign they belong to: its organization
 * only, published variants never overwritten, four-eyes approval with the checklist, every publish, unpublish and
 * approval audited.
 */
@ApplicationScoped
public class MaterialService {

    public static final String AUDIT_SUBJECT = "material-variant";

    /** Tells the public page to drop its cached views once the change is committed. */
    @Inject
    Event<PublicContentChanged> publicContent;

    @Inject
    CampaignService campaigns;

    @Inject
    MediaService media;

    @Inject
    HelpGate help;

    @Inject
    MaterialPreview preview;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Transactional
    public List<MaterialView> materials(long campaignId) {
        return Material.of(campaigns.find(campaignId)).stream().map(this::view).toList();
    }

    @Transactional
    public MaterialView material(long campaignId, String slug) {
        return view(find(campaignId, slug));
    }

    @Transactional
    public MaterialView add(long campaignId, @Valid @NotNull NewMaterial request) {
        Campaign campaign = campaigns.find(campaignId);
        return view(add(campaign, request));
    }

    Material add(Campaign campaign, NewMaterial request) {
        if (Material.count("campaign = ?1 and slug = ?2", campaign, request.slug()) > 0) {
            throw ProblemException.conflict(Reason.of("material.slug-taken", request.slug()));
        }
        Material material = new Material();
        material.campaign = campaign;
        material.slug = request.slug();
        material.kind = request.kind();
        material.position = (int) Material.count("campaign", campaign);
        material.createdBy = user.subject();
        material.persist();
        return material;
    }

    /** Writes a variant's text into the draft of that language, starting one if the newest is already public. */
    @Transactional
    public VariantView reviseText(long campaignId, String slug, String language, @Valid @NotNull VariantText text) {
        Vocabulary.requireLanguageTag(language);
        Material material = find(campaignId, slug);
        return viewOf(revise(material, language, text, false, null).orElseGet(() -> current(material, language)));
    }

    /**
     * Applies a text to a material, creating or continuing a draft; empty when the text equals what is there.
     * The content import may pull a variant back from review, since the files it reads are the reviewed source.
     */
    Optional<MaterialVariant> revise(Material material, String language, VariantText text, boolean withdrawReview,
            TranslationStatus statusIfNew) {
        MaterialVariant newest = MaterialVariant.newest(material, language).orElse(null);
        TranslationStatus status = text.translationStatus() != null ? TranslationStatus.of(text.translationStatus())
                : newest != null ? newest.translationStatus
                : statusIfNew != null ? statusIfNew : initialTranslationStatus(material, language);
        if (newest != null && newest.title.equals(text.title()) && newest.bodyMarkdown.equals(text.markdown())
                && newest.translationStatus == status) {
            return Optional.empty();
        }
        if (withdrawReview && newest != null && newest.review.isInReview()) {
            newest.review.sendBack(newest.subject());
        }
        boolean textChanged = newest == null || !newest.bodyMarkdown.equals(text.markdown())
                || !newest.title.equals(text.title());
        MaterialVariant draft = draftOf(material, language, text.title());
        draft.title = text.title();
        draft.bodyMarkdown = text.markdown();
        draft.bodyHtml = MarkdownText.toSafeHtml(text.markdown());
        draft.translationStatus = status;
        draft.review.edited(user.subject());
        if (textChanged && language.equals(material.campaign.defaultLanguage)) {
            markTranslationsOutdated(material, language);
        }
        return Optional.of(draft);
    }

    /**
     * The content import's material: found by slug or added; its kind follows the file, as a kind is not text a
     * reader sees and needs no review.
     */
    @Transactional
    public Material importMaterial(Campaign campaign, String slug, String kind) {
        Material material = Material.find("campaign = ?1 and slug = ?2", campaign, slug).firstResult();
        if (material == null) {
            return add(campaign, new NewMaterial(slug, kind));
        }
        material.kind = kind;
        return material;
    }

    /**
     * The content import's variant text: unchanged text leaves everything as it is (so importing twice changes
     * nothing); changed text goes into a draft, never over a published variant. Imported translations start as
     * "translated", the original as "original".
     */
    @Transactional
    public Optional<MaterialVariant> importVariant(Material material, String language, String title, String markdown) {
        TranslationStatus statusIfNew = language.equals(material.campaign.defaultLanguage) ? TranslationStatus.ORIGINAL
                : TranslationStatus.TRANSLATED;
        return revise(material, language, new VariantText(title, markdown, null), true, statusIfNew);
    }

    /** Attaches a file (poster image, PDF, audio or video spot) to the draft of a language. */
    @Transactional
    public VariantView attachFile(long campaignId, String slug, String language, FileUpload file) {
        Vocabulary.requireLanguageTag(language);
        Material material = find(campaignId, slug);
        // The draft first: a variant in review refuses the change before anything is stored.
        MaterialVariant draft = draftOf(material, language,
                titleFromFileName(FileNames.forRecord(file == null ? null : file.fileName())));
        draft.media = media.upload(file, material.campaign.organization);
        draft.review.edited(user.subject());
        return viewOf(draft);
    }

    @Transactional
    public VariantView submit(long campaignId, String slug, String language) {
        MaterialVariant variant = openVariant(find(campaignId, slug), language);
        if (variant.bodyMarkdown.isBlank() && variant.media == null) {
            throw ProblemException.badRequest(Reason.of("material.empty-variant"));
        }
        variant.review.submit(user.subject(), variant.subject());
        return viewOf(variant);
    }

    @Transactional
    public VariantView sendBack(long campaignId, String slug, String language) {
        MaterialVariant variant = openVariant(find(campaignId, slug), language);
        variant.review.sendBack(variant.subject());
        return viewOf(variant);
    }

    @Transactional
    public VariantView approve(long campaignId, String slug, String language, @NotNull ReviewChecklist checklist) {
        MaterialVariant variant = openVariant(find(campaignId, slug), language);
        variant.review.approve(user.subject(), checklist, variant.subject());
        audit.record(AuditLog.APPROVE, AUDIT_SUBJECT, variant.id, variant.material.campaign.organization,
                audited("material.approved", variant));
        return viewOf(variant);
    }

    @Transactional
    public VariantView publish(long campaignId, String slug, String language) {
        publicContent.fire(new PublicContentChanged("material variant published"));
        Material material = find(campaignId, slug);
        MaterialVariant variant = openVariant(material, language);
        variant.review.requirePublishable(variant.subject());
        requireFillableHelp(variant);
        Optional<MaterialVariant> previous = MaterialVariant.published(material, language);
        previous.ifPresent(old -> {
            old.review.archive();
            // One published variant per language (partial unique index): retire the old one first.
            old.persistAndFlush();
        });
        variant.review.publish(user.subject());
        audit.record(AuditLog.PUBLISH, AUDIT_SUBJECT, variant.id, material.campaign.organization,
                previous.map(old -> audited("material.published-replacing", variant, old.number))
                        .orElseGet(() -> audited("material.published", variant)));
        return viewOf(variant);
    }

    @Transactional
    public VariantView unpublish(long campaignId, String slug, String language) {
        publicContent.fire(new PublicContentChanged("material variant taken down"));
        Material material = find(campaignId, slug);
        MaterialVariant variant = MaterialVariant.published(material, language)
                .orElseThrow(() -> ProblemException.conflict(Reason.of("material.no-published-variant", slug, language)));
        variant.review.archive();
        audit.record(AuditLog.UNPUBLISH, AUDIT_SUBJECT, variant.id, material.campaign.organization,
                audited("material.unpublished", variant));
        return viewOf(variant);
    }

    /** What the audit log says of a variant: its material, campaign, language and number, then {@code more}. */
    private static AuditSummary audited(String key, MaterialVariant variant, Object... more) {
        List<Object> arguments = new ArrayList<>(List.<Object>of(variant.material.slug,
                variant.material.campaign.slug, AuditSummary.language(variant.language), variant.number));
        arguments.addAll(List.of(more));
        return new AuditSummary(key, arguments);
    }

    /**
     * A text that names help ({@code {help.hotline.contact}}) goes public only where the directory can fill it for
     * every place of the campaign (its newest version and the one on the public page): otherwise an SMS would tell
     * readers to call a number that is not there. The campaign's own publishing asks the same of its materials.
     */
    private void requireFillableHelp(MaterialVariant variant) {
        List<Reason> unfilled = unfilledHelp(variant);
        if (!unfilled.isEmpty()) {
            throw ProblemException.listing(409, "The material names help that does not exist",
                    Reason.of("publish.material-unfilled-help", ListedRefusal.joined(unfilled)),
                    unfilled);
        }
    }

    /** The help placeholders of a variant that cannot be filled for one of its campaign's places; empty when all can. */
    private List<Reason> unfilledHelp(MaterialVariant variant) {
        Campaign campaign = variant.material.campaign;
        List<Place> places = new ArrayList<>();
        CampaignVersion.newest(campaign).ifPresent(v -> places.addAll(v.placeList()));
        CampaignVersion.published(campaign).ifPresent(v -> v.placeList().stream()
                .filter(p -> !places.contains(p)).forEach(places::add));
        return help.unfilledPlaceholders(variant.material.slug, variant.language,
                variant.title + "\n" + variant.bodyMarkdown, places);
    }

    /** How many pages of the variant's PDF the review page shows (0: no PDF, or one that cannot be drawn), and of how many. */
    @Transactional
    public PreviewPages previewPages(long campaignId, String slug, String language) {
        Media file = shown(find(campaignId, slug), language).map(v -> v.media).orElse(null);
        int pages = MaterialPreview.isPdf(file) ? preview.pageCount(file) : 0;
        return new PreviewPages(Math.min(pages, MaterialPreview.MAX_PAGES), pages);
    }

    public record PreviewPages(int shown, int total) {
    }

    /**
     * The variant's text as the reviewer previews it: its help placeholders filled as the public page fills them
     * for the campaign's first place ({@code place}, null when the campaign has none yet), and each one nothing
     * fills there marked as still to be filled, so that no raw "{help.hotline.name}" reads as if it were the text.
     *
     * @param unfilled whether a placeholder is left marked
     */
    public record TextPreview(String title, String html, String place, boolean filled, boolean unfilled) {
    }

    /** Marks each help placeholder left in safe HTML; the pattern admits no character HTML would need escaped. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{help\\.[a-z]+\\.[a-z]+\\}");

    @Transactional
    public TextPreview textPreview(long campaignId, String slug, String language) {
        MaterialVariant variant = shown(find(campaignId, slug), language).orElse(null);
        if (variant == null) {
            return null;
        }
        Place place = CampaignVersion.newest(variant.material.campaign).map(CampaignVersion::placeList)
                .filter(places -> !places.isEmpty()).map(places -> places.get(0)).orElse(null);
        String markdown = place == null ? variant.bodyMarkdown
                : help.fillPlaceholders(variant.bodyMarkdown, place, language, true);
        String title = place == null ? variant.title : help.fillPlaceholders(variant.title, place, language, false);
        String html = MarkdownText.toSafeHtml(markdown);
        boolean unfilled = PLACEHOLDER.matcher(html).find() || PLACEHOLDER.matcher(title).find();
        return new TextPreview(title, PLACEHOLDER.matcher(html).replaceAll("<mark class=\"to-fill\">$0</mark>"),
                place == null ? null : place.toString(), !markdown.equals(variant.bodyMarkdown)
                        || !title.equals(variant.title), unfilled);
    }

    /**
     * A page of the PDF of the variant the review page shows, as an image: for its campaign's organization only,
     * like the variant itself.
     */
    @Transactional
    public byte[] previewPage(long campaignId, String slug, String language, int page) {
        Vocabulary.requireLanguageTag(language);
        Media file = shown(find(campaignId, slug), language).map(v -> v.media).orElse(null);
        if (!MaterialPreview.isPdf(file)) {
            throw ProblemException.notFound(Reason.of("material.no-pdf", language, slug));
        }
        return preview.page(file, page);
    }

    /** Material variants waiting for a reviewer, of the organizations the user acts for. */
    @Transactional
    public List<ReviewItem> reviewQueue() {
        return MaterialVariant.inReview().stream()
                .filter(v -> user.mayActFor(v.material.campaign.organization))
                .map(v -> new ReviewItem(v.material.campaign.id, v.material.campaign.title, v.material.slug,
                        v.material.kind, v.language, v.number, v.title, v.review.isAuthor(user.subject())))
                .toList();
    }

    public record ReviewItem(long campaignId, String campaignTitle, String materialSlug, String kind,
            String language, int number, String title, boolean writtenByYou) {
    }

    Material find(long campaignId, String slug) {
        Campaign campaign = campaigns.find(campaignId);
        Material material = Material.find("campaign = ?1 and slug = ?2", campaign, slug).firstResult();
        if (material == null) {
            throw ProblemException.notFound(Reason.of("material.not-found", campaign.slug, slug));
        }
        return material;
    }

    private MaterialVariant draftOf(Material material, String language, String titleIfNew) {
        Optional<MaterialVariant> open = MaterialVariant.open(material, language);
        if (open.isPresent()) {
            open.get().review.requireEditable(open.get().subject());
            return open.get();
        }
        MaterialVariant newest = MaterialVariant.newest(material, language).orElse(null);
        MaterialVariant draft = new MaterialVariant();
        draft.material = material;
        draft.language = language;
        draft.review = Review.startedBy(user.subject());
        if (newest == null) {
            draft.number = 1;
            draft.title = titleIfNew;
            draft.translationStatus = initialTranslationStatus(material, language);
        } else {
            draft.number = newest.number + 1;
            draft.title = newest.title;
            draft.bodyMarkdown = newest.bodyMarkdown;
            draft.bodyHtml = newest.bodyHtml;
            draft.media = newest.media;
            draft.translationStatus = newest.translationStatus;
        }
        draft.persist();
        return draft;
    }

    private MaterialVariant openVariant(Material material, String language) {
        return MaterialVariant.open(material, language).orElseThrow(() -> ProblemException.conflict(
                Reason.of("material.no-open-variant", material.slug, language)));
    }

    private MaterialVariant current(Material material, String language) {
        return shown(material, language).orElseThrow();
    }

    /** The variant of a language its page shows: the one in draft or review, else the newest. */
    private static Optional<MaterialVariant> shown(Material material, String language) {
        return MaterialVariant.open(material, language).or(() -> MaterialVariant.newest(material, language));
    }

    /** Translators see at once which languages lag behind a changed original. */
    private void markTranslationsOutdated(Material material, String sourceLanguage) {
        Map<String, MaterialVariant> newestByLanguage = new LinkedHashMap<>();
        for (MaterialVariant variant : MaterialVariant.of(material)) {
            newestByLanguage.putIfAbsent(variant.language, variant);
        }
        newestByLanguage.values().stream()
                .filter(v -> !v.language.equals(sourceLanguage))
                .filter(v -> v.translationStatus == TranslationStatus.TRANSLATED)
                .forEach(v -> v.translationStatus = TranslationStatus.OUTDATED);
    }

    private static TranslationStatus initialTranslationStatus(Material material, String language) {
        return language.equals(material.campaign.defaultLanguage) ? TranslationStatus.ORIGINAL
                : TranslationStatus.IN_PROGRESS;
    }

    private MaterialView view(Material material) {
        Map<String, MaterialVariant> currentByLanguage = new LinkedHashMap<>();
        Map<String, Integer> publishedByLanguage = new LinkedHashMap<>();
        for (MaterialVariant variant : MaterialVariant.of(material)) {
            if (variant.review.isPublished()) {
                publishedByLanguage.put(variant.language, variant.number);
            }
            MaterialVariant chosen = currentByLanguage.get(variant.language);
            if (chosen == null || (!chosen.review.isOpen() && variant.review.isOpen())) {
                currentByLanguage.put(variant.language, variant);
            }
        }
        List<VariantView> variants = new ArrayList<>();
        currentByLanguage.values().forEach(v -> variants.add(view(v, publishedByLanguage.get(v.language))));
        return new MaterialView(material.id, material.slug, material.kind, variants);
    }

    private VariantView viewOf(MaterialVariant variant) {
        Integer published = MaterialVariant.published(variant.material, variant.language).map(v -> v.number)
                .orElse(null);
        return view(variant, published);
    }

    private VariantView view(MaterialVariant variant, Integer publishedNumber) {
        return new VariantView(variant.id, variant.language, variant.number, variant.title, variant.bodyMarkdown,
                variant.bodyHtml, MediaView.of(variant.media, variant.media == null ? null
                        : "/campaigns/api/media/" + variant.media.id),
                variant.translationStatus.value(), ReviewView.of(variant.review, user.subject()), publishedNumber,
                variant.review.isOpen()
                        ? PublishBlock.of(variant.review, unfilledHelp(variant).isEmpty() ? List.of()
                                : List.of(PublishBlock.UNFILLED_PLACEHOLDERS))
                        : List.of());
    }

    private static String titleFromFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

}
