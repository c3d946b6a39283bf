package org.beacon.campaign.campaign;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.beacon.commons.i18n.Languages;

/** Everything about a campaign version except its texts: language, audience, places, channels and period. */
public record CampaignSettings(
        @NotBlank @Pattern(regexp = Languages.TAG, message = "must be a BCP-47 language tag")
        String defaultLanguage,
        @NotNull @Size(max = 20)
        List<@Pattern(regexp = Vocabulary.TOKEN, message = "use lower-case words joined by dashes") String> targetGroups,
        @NotNull @Size(max = 20)
        List<@Pattern(regexp = Vocabulary.TOKEN, message = "use lower-case words joined by dashes") String> channels,
        @NotNull @Size(max = 50) List<@Valid PlaceInput> places,
        LocalDate periodStart,
        LocalDate periodEnd) {

    /** A place as a manager enters it. */
    public record PlaceInput(
            @NotBlank @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166 two-letter country code")
            String country,
            @Size(max = 100) String region) {
    }

    @AssertTrue(message = "the period must not end before it starts")
    public boolean isPeriodOrdered() {
        return periodStart == null || periodEnd == null || !periodEnd.isBefore(periodStart);
    }
}
