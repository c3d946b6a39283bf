package org.beacon.campaign.publicpage;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.beacon.campaign.publicpage.OpenSurveyLinks.SurveyLink;
import org.beacon.commons.web.ReaderFormats;

/** Everything a public campaign page shows, in one language, read in one transaction. */
public record PublicCampaignView(String slug, String language, String dir, String title, List<String> keyMessages,
        List<LanguageLink> languages, List<PublicMaterial> materials, List<PlaceLink> places, HelpBlock help,
        List<SurveyLink> surveys, boolean showDemoLabel) {

    public record LanguageLink(String language, String name, String href, boolean current) {
    }

    /**
     * @param language the language the material is written in: the page's, or its own when it has no translation
     * @param onlyIn   for a material not translated into the page's language, its language named in the page's
     *                 language ("français" on a Spanish page); else null
     */
    public record PublicMaterial(String kind, String title, String html, String mediaHref, String mediaType,
            String mediaName, long mediaKb, boolean image, String language, String dir, String onlyIn) {
    }

    public record PlaceLink(String label, String href, boolean current) {
    }

    /** @param alsoIn the other languages help is offered in at this place, named in the page's language, or "" */
    public record HelpBlock(String place, List<HelpEntry> entries, String alsoIn) {
    }

    /**
     * The help block of a page other than the campaign's own (the public survey form and its thanks page): the help
     * of the campaign's first place, and where the campaign page shows that of its other places.
     *
     * @param otherPlacesHref the campaign page's help section when the campaign has more than one place, else null
     */
    public record PlaceHelp(HelpBlock help, boolean showDemoLabel, String otherPlacesHref) {
    }

    /** @param languages for an entry that does not speak the page's language, the ones it does; else "" */
    /** @param contact the contact as written, in parts: text, and phone numbers as {@code tel:} links */
    public record HelpEntry(String kind, String name, List<ContactText.Part> contact, boolean demo,
            LocalDate lastVerified, String languages) {

        /** The day it was last verified as a reader of the page's language writes a date ("20 nov. 2026"). */
        public String verifiedOn(String pageLanguage) {
            return ReaderFormats.date(lastVerified, Locale.forLanguageTag(pageLanguage));
        }
    }
}
