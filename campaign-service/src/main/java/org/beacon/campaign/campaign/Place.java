package org.beacon.campaign.campaign;

import java.util.Locale;

/**
 * A country (ISO 3166 alpha-2) and optionally a region of it. Written {@code SN} or {@code SN/Dakar} in messages and
 * in the public page's {@code place} parameter.
 */
public record Place(String country, String region) {

    public Place {
        country = country == null ? null : country.trim().toUpperCase(Locale.ROOT);
        region = region == null || region.isBlank() ? null : region.trim();
    }

    public static Place parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int slash = text.indexOf('/');
        return slash < 0 ? new Place(text, null) : new Place(text.substring(0, slash), text.substring(slash + 1));
    }

    public boolean isCountryWide() {
        return region == null;
    }

    /** Whether a help resource serving {@code served} also serves this place: the same region, or the whole country. */
    public boolean isServedBy(Place served) {
        return country.equals(served.country)
                && (served.isCountryWide() || (region != null && region.equalsIgnoreCase(served.region)));
    }

    @Override
    public String toString() {
        return region == null ? country : country + "/" + region;
    }
}
