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
import org.beacon.campaign.campaign.Vocabulary;

/** A piece of campaign material (poster, leaflet, radio script...) whose text and files exist per language. */
@Entity
public class Material extends PanacheEntityBase {

    public static final List<String> KINDS = Vocabulary.MATERIAL_KINDS;

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
