package org.beacon.campaign.material;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.beacon.campaign.campaign.Vocabulary;

public record NewMaterial(
        @NotBlank @Size(max = 120) @Pattern(regexp = Vocabulary.TOKEN, message = "use lower-case letters, digits and dashes")
        String slug,
        @NotBlank @Pattern(regexp = "poster|leaflet|radio-script|video|social-media-post|sms",
                message = "must be poster, leaflet, radio-script, video, social-media-post or sms")
        String kind) {
}
