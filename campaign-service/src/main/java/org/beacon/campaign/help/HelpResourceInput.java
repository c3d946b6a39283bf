package org.beacon.campaign.help;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.beacon.campaign.campaign.Vocabulary;
import org.beacon.commons.i18n.Languages;

/** A help resource as a manager or the content import describes it. */
public record HelpResourceInput(
        @NotBlank @Size(max = 120) @Pattern(regexp = Vocabulary.TOKEN, message = "use lower-case letters, digits and dashes")
        String slug,
        @NotBlank @Pattern(regexp = "hotline|shelter|referral", message = "must be hotline, shelter or referral")
        String kind,
        @NotBlank @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166 two-letter country code")
        String country,
        @Size(max = 100) String region,
        @NotEmpty List<@Pattern(regexp = Languages.TAG, message = "must be a BCP-47 language tag") String> languages,
        @NotEmpty Map<@Pattern(regexp = Languages.TAG) String, @NotBlank @Size(max = 300) String> names,
        @NotBlank @Size(max = 500) String contact,
        boolean active,
        boolean demo,
        /* Null until someone has checked the entry with the service: a date is a claim, never a default. */
        @PastOrPresent LocalDate lastVerified) {
}
