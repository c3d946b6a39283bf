package org.beacon.campaign.help;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.beacon.campaign.campaign.Place;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A hotline, shelter or referral service for a country or one of its regions, in some languages. */
@Entity
@Table(name = "help_resource")
public class HelpResource extends PanacheEntityBase {

    public static final List<String> KINDS = List.of("hotline", "shelter", "referral");

    /**
     * How long a check of a name and contact is trusted: services move and numbers change, and a campaign that
     * sends a victim to a dead number does harm (001 L83, L111).
     */
    public static final Period VERIFY_EVERY = Period.ofMonths(6);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String slug;
    /** Null for the platform-wide entries imported from content/help, which only admins change. */
    public String organization;
    public String kind;
    public String country;
    public String region;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> languages = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> names = new LinkedHashMap<>();
    public String contact;
    public boolean active;
    public boolean demo;
    /** When someone last checked the name and contact with the service itself; null when nobody has. */
    @Column(name = "last_verified")
    public LocalDate lastVerified;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public static List<HelpResource> listed() {
        return list("order by country, region nulls first, kind, slug");
    }

    public static List<HelpResource> activeIn(List<String> countries) {
        return list("active = true and country in ?1 order by region nulls last, kind, slug", countries);
    }

    public Place place() {
        return new Place(country, region);
    }

    /** Whether it answers people in this language; {@code fr} also serves a campaign written in {@code fr-SN}. */
    public boolean speaks(String language) {
        String wanted = language.toLowerCase(Locale.ROOT);
        String primary = wanted.split("-")[0];
        return languages.stream().map(l -> l.toLowerCase(Locale.ROOT))
                .anyMatch(l -> l.equals(wanted) || l.equals(primary));
    }

    /** Whether a manager should check the entry again: never verified, or verified too long ago. */
    public boolean verificationDue(LocalDate today) {
        return lastVerified == null || lastVerified.plus(VERIFY_EVERY).isBefore(today);
    }

    /** The name in a language, else in English, else any: a help line must never be shown without a name. */
    public String name(String language) {
        String name = names.get(language);
        if (name == null) {
            name = names.get(language.split("-")[0]);
        }
        if (name == null) {
            name = names.get("en");
        }
        return name != null ? name : names.values().stream().findFirst().orElse(slug);
    }
}
