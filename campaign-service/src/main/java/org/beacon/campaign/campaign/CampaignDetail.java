package org.beacon.campaign.campaign;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.beacon.campaign.review.PublishBlock;
import org.beacon.campaign.review.ReviewStatus;
import org.beacon.campaign.review.ReviewView;

/**
 * A campaign with the version being worked on and the one on the public page, for the API and the pages. The
 * publishing gate's lists are in English for the API ({@code missingHelp}, {@code unfilledPlaceholders}, the text
 * they always had) and in the reader's language for the pages ({@code readerMissingHelp}, ...).
 */
public record CampaignDetail(long id, String slug, String organization, ReviewStatus status, String title,
        VersionView current, VersionView published, List<VersionSummary> versions) {

    public record VersionView(long id, int number, String defaultLanguage, List<String> languages,
            List<String> targetGroups, List<String> channels, LocalDate periodStart, LocalDate periodEnd,
            List<PlaceView> places, List<TranslationView> translations, ReviewView review,
            List<String> missingHelp, List<String> unfilledPlaceholders, List<PublishBlock> publishBlocks,
            @JsonIgnore List<String> readerMissingHelp, @JsonIgnore List<String> readerUnfilledPlaceholders) {

        public TranslationView translation(String language) {
            return translations.stream().filter(t -> t.language().equals(language)).findFirst().orElse(null);
        }
    }

    public record PlaceView(String country, String region, String label) {
    }

    public record TranslationView(String language, String title, String objectives, List<String> keyMessages) {
    }

    /** @param stage the status as pages say it ({@link Review#stage()}) */
    public record VersionSummary(long id, int number, ReviewStatus status, String stage) {
    }
}
