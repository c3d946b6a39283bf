package org.beacon.campaign.material;

import java.util.List;

import org.beacon.campaign.review.PublishBlock;
import org.beacon.campaign.review.ReviewView;
import org.beacon.campaign.media.Media;

/** Materials as the API and the pages show them. */
public final class MaterialViews {

    private MaterialViews() {
    }

    public record MaterialView(long id, String slug, String kind, List<VariantView> variants) {

        public VariantView variant(String language) {
            return variants.stream().filter(v -> v.language().equals(language)).findFirst().orElse(null);
        }
    }

    /** The variant of a language being worked on (or the newest), and which number of it is public. */
    public record VariantView(long id, String language, int number, String title, String bodyMarkdown,
            String bodyHtml, MediaView media, String translationStatus, ReviewView review,
            Integer publishedNumber, List<PublishBlock> publishBlocks) {
    }

    public record MediaView(long id, String fileName, String contentType, long size, String href,
            boolean image) {

        public static MediaView of(Media media, String href) {
            return media == null ? null
                    : new MediaView(media.id, media.fileName, media.contentType, media.sizeBytes, href,
                            media.contentType.startsWith("image/"));
        }

        public boolean pdf() {
            return MaterialPreview.PDF.equals(contentType);
        }

        public boolean video() {
            return contentType.startsWith("video/");
        }

        public boolean audio() {
            return contentType.startsWith("audio/");
        }
    }
}
