package org.beacon.campaign.campaign;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The text of a campaign version in one language: title, objectives and key messages. */
@Entity
@Table(name = "campaign_translation")
public class CampaignTranslation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "version_id")
    public CampaignVersion version;
    public String language;
    public String title;
    public String objectives = "";
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "key_messages")
    public List<String> keyMessages = new ArrayList<>();
}
