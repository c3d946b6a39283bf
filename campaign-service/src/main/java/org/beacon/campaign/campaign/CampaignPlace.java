package org.beacon.campaign.campaign;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Where a campaign version runs: a country (ISO 3166 alpha-2) and optionally a region of it. */
@Entity
@Table(name = "campaign_place")
public class CampaignPlace extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "version_id")
    public CampaignVersion version;
    public int position;
    public String country;
    public String region;

    public Place place() {
        return new Place(country, region);
    }
}
