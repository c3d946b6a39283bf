package org.beacon.campaign.material;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.beacon.commons.text.UntrustedText;

/** The text of a material in one language; the translation status is left as it is when omitted. */
public record VariantText(
        @NotBlank @Size(max = 300) String title,
        @Size(max = 50000) String markdown,
        @Pattern(regexp = "original|in-progress|translated|outdated",
                message = "must be original, in-progress, translated or outdated")
        String translationStatus) {

    public VariantText {
        // The title is shown to other people: nothing in it may reorder or hide what they read.
        title = title == null ? null : UntrustedText.stripSpoofing(title).trim();
        markdown = markdown == null ? "" : markdown.strip();
        translationStatus = translationStatus == null || translationStatus.isBlank() ? null : translationStatus;
    }
}
