package org.beacon.campaign.publicpage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.beacon.campaign.campaign.Campaign;
import org.beacon.campaign.campaign.CampaignTranslation;
import org.beacon.campaign.campaign.CampaignVersion;
import org.beacon.campaign.help.HelpDirectory;
import org.beacon.campaign.help.HelpPlaceholder;
import org.beacon.campaign.help.HelpResource;
import org.beacon.campaign.help.HelpSettings;
import org.beacon.campaign.campaign.Place;
import org.beacon.campaign.material.MarkdownText;
import org.beacon.campaign.material.MaterialVariant;
import org.beacon.campaign.media.Media;
import org.beacon.campaign.publicpage.PublicCampaignView.HelpBlock;
import org.beacon.campaign.publicpage.PublicCampaignView.HelpEntry;
import org.beacon.campaign.publicpage.PublicCampaignView.LanguageLink;
import org.beacon.campaign.publicpage.PublicCampaignView.PlaceHelp;
import org.beacon.campaign.publicpage.PublicCampaignView.PlaceLink;
import org.beacon.campaign.publicpage.PublicCampaignView.PublicMaterial;
import org.beacon.commons.i18n.Languages;
import org.beacon.commons.text.SourceReferences;
import org.beacon.commons.web.ProblemException;
import org.beacon.commons.web.Reason;

/** What community members may see: published versions, published variants and the files they use. Nothing else. */
@ApplicationScoped
public class PublicCampaigns {

    static final String NOT_PUBLISHED = "public.not-published";

    /**
     * Public pages are read far more often than anything changes, by readers on slow links: their views are kept for
     * a few seconds (see application.properties) and dropped whenever published content, help or waves change.
     */
    public static final String PAGE_CACHE = "public-campaign-page";

    @Inject
    HelpDirectory help;

    @Inject
    @Any
    Instance<OpenSurveyLinks> surveyLinks;

    @Inject
    HelpSettings helpSettings;

    /**
     * A published campaign asked in a language it has no text in: a 404 whose page links each language it has
     * (problem+json and the logs keep the English sentence naming them).
     */
    public static final class NotInLanguage extends ProblemException {
        private final transient List<LanguageLink> languages;

        NotInLanguage(String language, List<LanguageLink> languages) {
            super(404, "Not Found", Reason.of("public.not-in-language", language,
                    languages.stream().map(LanguageLink::language).toList()));
            this.languages = List.copyOf(languages);
        }

        public List<LanguageLink> languages() {
            return languages;
        }
    }

    /** The language to send a reader to: theirs when the campaign speaks it, else the campaign's default. */
    @Transactional
    public String languageFor(String slug, String readerLanguage) {
        CampaignVersion version = publishedVersion(slug);
        List<String> languages = version.languages();
        return languages.contains(readerLanguage) ? readerLanguage : version.defaultLanguage;
    }

    /** @param placeParameter the reader's chosen place, or "" for the campaign's first place */
    @CacheResult(cacheName = PAGE_CACHE)
    @Transactional
    public PublicCampaignView page(String slug, String language, String placeParameter) {
        CampaignVersion version = publishedVersion(slug);
        CampaignTranslation text = version.translation(language);
        if (text == null) {
            String base = "/campaigns/public/" + version.campaign.slug + "/";
            throw new NotInLanguage(language, version.languages().stream()
                    .map(l -> new LanguageLink(l, nameOf(l), base + l, false)).toList());
        }
        Campaign campaign = version.campaign;
        String base = "/campaigns/public/" + campaign.slug + "/";

        // The page's one row of languages: where Beacon's interface speaks the language, the link switches it too
        // (the gateway's chooser, then back to this campaign in that language), so header and content agree.
        List<LanguageLink> languages = version.languages().stream()
                .map(l -> new LanguageLink(l, nameOf(l), Languages.SUPPORTED.contains(l)
                        ? "/lang?l=" + l + "&back=" + URLEncoder.encode(base + l, StandardCharsets.UTF_8)
                        : base + l, l.equals(language)))
                .toList();

        List<Place> places = version.placeList();
        Place chosen = Optional.ofNullable(Place.parse(placeParameter)).filter(places::contains)
                .orElse(places.isEmpty() ? null : places.get(0));

        List<PublicMaterial> materials = readable(MaterialVariant.publishedOf(campaign), language,
                version.languages()).stream()
                .map(variant -> material(variant, chosen, language))
                .toList();

        List<PlaceLink> placeLinks = places.size() < 2 ? List.of()
                : places.stream().map(p -> new PlaceLink(p.toString(),
                        base + language + "?place=" + URLEncoder.encode(p.toString(), StandardCharsets.UTF_8),
                        p.equals(chosen))).toList();
        HelpBlock helpBlock = chosen == null ? new HelpBlock("", List.of(), "") : helpBlock(chosen, language);

        List<OpenSurveyLinks.SurveyLink> surveys = new ArrayList<>();
        for (OpenSurveyLinks links : surveyLinks) {
            surveys.addAll(links.openSurveys(campaign.id, language));
        }
        return new PublicCampaignView(campaign.slug, language, Languages.direction(language), text.title,
                List.copyOf(text.keyMessages), languages, materials, placeLinks, helpBlock, surveys,
                helpSettings.showDemoLabel());
    }

    /**
     * The help block of the campaign's public survey pages, in the survey's language: the help of the published
     * campaign's first place (as its public page shows by default); null while the campaign is not published or
     * has no place. Cached with the public pages, and dropped with them when help or the campaign changes.
     */
    @CacheResult(cacheName = PAGE_CACHE)
    @Transactional
    public PlaceHelp surveyHelp(long campaignId, String language) {
        Campaign campaign = Campaign.findById(campaignId);
        CampaignVersion version = campaign == null ? null : CampaignVersion.published(campaign).orElse(null);
        if (version == null || version.placeList().isEmpty()) {
            return null;
        }
        List<Place> places = version.placeList();
        String campaignLanguage = version.languages().contains(language) ? language : version.defaultLanguage;
        return new PlaceHelp(helpBlock(places.get(0), language), helpSettings.showDemoLabel(),
                places.size() < 2 ? null : "/campaigns/public/" + campaign.slug + "/" + campaignLanguage + "#help");
    }

    /**
     * The help of a place: entries in the page's language first, then those only in other languages with the
     * languages they speak, and a line naming those languages (Wolof, Pulaar...) so a reader who speaks one of them
     * knows help exists for them even though the campaign is not written in it.
     */
    private HelpBlock helpBlock(Place place, String language) {
        Locale reader = Locale.forLanguageTag(language);
        List<HelpResource> serving = help.servingPlace(place, language);
        List<HelpEntry> entries = serving.stream()
                .map(r -> new HelpEntry(r.kind, r.name(language), ContactText.parts(r.contact), r.demo,
                        r.lastVerified,
                        r.speaks(language) ? "" : namesIn(r.languages, reader)))
                .toList();
        String primary = reader.getLanguage();
        List<String> others = serving.stream().flatMap(r -> r.languages.stream())
                .filter(l -> !Locale.forLanguageTag(l).getLanguage().equals(primary))
                .map(l -> Locale.forLanguageTag(l).getLanguage())
                .distinct()
                .toList();
        return new HelpBlock(place.toString(), entries, namesIn(others, reader));
    }

    /**
     * Languages named for a reader ("Wolof, Peul" on a French page, "الولوفية، الفولانية" with the Arabic comma on an
     * Arabic one); a tag the JDK cannot name stays a tag.
     */
    private static String namesIn(List<String> tags, Locale reader) {
        String comma = Languages.isRightToLeft(reader.getLanguage()) ? "، " : ", ";
        return String.join(comma, tags.stream().map(tag -> {
            String name = Locale.forLanguageTag(tag).getDisplayLanguage(reader);
            return name.isBlank() ? tag : name.substring(0, 1).toUpperCase(reader) + name.substring(1);
        }).distinct().toList());
    }

    /** A file for the public: only one used by a published variant of a published campaign. */
    @Transactional
    public Media publicMedia(long id) {
        Media media = Media.findById(id);
        if (media == null || !MaterialVariant.isPublicMedia(id)) {
            throw ProblemException.notFound(Reason.of("public.no-file"));
        }
        return media;
    }

    private CampaignVersion publishedVersion(String slug) {
        return Campaign.publishedBySlug(slug).flatMap(CampaignVersion::published)
                .orElseThrow(() -> ProblemException.notFound(Reason.of(NOT_PUBLISHED)));
    }

    /**
     * One published variant per material, in the campaign's material order: the page's language, else the
     * campaign's languages in order (default first), else any. A material nobody translated yet is still shown,
     * in its own language, rather than left out: a poster in French is better than no poster.
     */
    static List<MaterialVariant> readable(List<MaterialVariant> published, String language, List<String> preferred) {
        Map<Long, List<MaterialVariant>> byMaterial = new LinkedHashMap<>();
        published.forEach(v -> byMaterial.computeIfAbsent(v.material.id, id -> new ArrayList<>()).add(v));
        List<String> order = new ArrayList<>(List.of(language));
        preferred.stream().filter(l -> !l.equals(language)).forEach(order::add);
        return byMaterial.values().stream()
                .map(variants -> order.stream()
                        .flatMap(l -> variants.stream().filter(v -> v.language.equals(l)))
                        .findFirst().orElse(variants.get(0)))
                .toList();
    }

    /**
     * A published variant as readers at a place see it: the help it names is that place's, in the variant's
     * language; one in another language than the page's says so.
     */
    private PublicMaterial material(MaterialVariant variant, Place place, String pageLanguage) {
        Media media = variant.media;
        String language = variant.language;
        boolean namesHelp = !HelpPlaceholder.writtenIn(variant.title + "\n" + variant.bodyMarkdown).isEmpty();
        // Rendered for the public, without source references: text that names help with that place's help.
        String markdown = namesHelp ? help.fillPlaceholders(variant.bodyMarkdown, place, language, true)
                : variant.bodyMarkdown;
        // A radio script's production note is for the studio and the reviewers, not for the public.
        String html = variant.material.kind.equals("radio-script") ? MarkdownText.toPublicScriptHtml(markdown)
                : MarkdownText.toPublicHtml(markdown);
        String title = SourceReferences.hidden(namesHelp
                ? help.fillPlaceholders(variant.title, place, language, false)
                : variant.title);
        return new PublicMaterial(variant.material.kind, title, html,
                media == null ? null : "/campaigns/public/media/" + media.id,
                media == null ? null : media.contentType,
                media == null ? null : media.fileName,
                media == null ? 0 : Math.max(1, (media.sizeBytes + 1023) / 1024),
                media != null && media.contentType.startsWith("image/"), language, Languages.direction(language),
                language.equals(pageLanguage) ? null : nameIn(language, Locale.forLanguageTag(pageLanguage)));
    }

    /** A language named for a reader as it reads mid-sentence ("français" on a French page, "French" in English). */
    private static String nameIn(String tag, Locale reader) {
        String name = Locale.forLanguageTag(tag).getDisplayLanguage(reader);
        return name.isBlank() ? tag : name;
    }

    /** A language's own name for itself ("français", "العربية"), as readers look for it. */
    private static String nameOf(String language) {
        Locale locale = Locale.forLanguageTag(language);
        String name = locale.getDisplayLanguage(locale);
        return name.isBlank() ? language : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
