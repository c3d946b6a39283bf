package org.beacon.campaign.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.beacon.commons.i18n.Languages;
import org.beacon.commons.text.UntrustedText;

/** What a manager gives to start a campaign; the organization comes from the token, never from the request. */
public record NewCampaign(
        @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "use lower-case letters, digits and dashes")
        @Size(max = 120) String slug,
        @NotBlank @Size(max = 300) String title,
        @NotBlank @Pattern(regexp = Languages.TAG, message = "must be a BCP-47 language tag")
        String defaultLanguage) {

    public NewCampaign {
        // The title is shown to other people: nothing in it may reorder or hide what they read.
        title = UntrustedText.stripSpoofing(title);
    }
}
