package org.beacon.campaign.material;

import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.beacon.campaign.campaign.Campaign;

/** A piece of campaign material (poster, leaflet, radio script...) whose text and files exist per language. */
@Entity
public class Material extends PanacheEntityBase {

    public static final List<String> KINDS = List.of("poster", "leaflet", "radio-script", "video", "social-media-post",
            "sms");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "campaign_id")
    public Campaign campaign;
    public String slug;
    public String kind;
    public int position;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    public static List<Material> of(Campaign campaign) {
        return list("campaign = ?1 order by position, id", campaign);
    }
}
