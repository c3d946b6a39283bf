package org.beacon.campaign.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code content/campaigns/<slug>/campaign.yaml} as content/README.md describes it. Unknown keys ({@code sources},
 * {@code surveys}) are for reviewers and the survey import, and are ignored here.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CampaignFile(String slug, String organization, String defaultLanguage, List<String> languages,
        Map<String, String> title, List<Map<String, String>> keyMessages, Map<String, String> objectives,
        List<String> targetGroups, List<PlaceEntry> places, List<String> channels, Period period,
        List<MaterialEntry> materials) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PlaceEntry(String country, String region) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Period(LocalDate start, LocalDate end) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MaterialEntry(String slug, String type, Map<String, String> title) {
    }
}
