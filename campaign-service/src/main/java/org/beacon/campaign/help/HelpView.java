package org.beacon.campaign.help;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.beacon.campaign.campaign.Place;

/** A help resource as the API and the pages show it, with whether the viewer may change it. */
public record HelpView(long id, String slug, String organization, String kind, String country, String region,
        List<String> languages, Map<String, String> names, String contact, boolean active, boolean demo,
        LocalDate lastVerified, boolean verificationDue, boolean mayChange) {

    static HelpView of(HelpResource r, boolean mayChange) {
        return new HelpView(r.id, r.slug, r.organization, r.kind, r.country, r.region, List.copyOf(r.languages),
                Map.copyOf(r.names), r.contact, r.active, r.demo, r.lastVerified,
                r.verificationDue(LocalDate.now()), mayChange);
    }

    public String place() {
        return new Place(country, region).toString();
    }

    public String languageList() {
        return String.join(", ", languages);
    }

    /** The names one per line as {@code fr: Nom}, the way the edit form takes them. */
    public String namesAsLines() {
        StringBuilder lines = new StringBuilder();
        names.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> lines.append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
        return lines.toString();
    }
}
