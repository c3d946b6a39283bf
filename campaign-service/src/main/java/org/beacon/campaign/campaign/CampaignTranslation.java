package org.beacon.campaign.campaign;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.beacon.campaign.review.ReviewStatus;
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

    /**
     * The title in a language of each campaign's newest version that has it, by campaign id: the manager's lists
     * name a campaign in the reader's language where a translation exists, else by its default-language title.
     */
    public static Map<Long, String> newestTitlesIn(String language) {
        return titles(getEntityManager().createQuery("select t.version.campaign.id, t.title from CampaignTranslation t"
                + " where t.language = ?1 and t.version.number = (select max(v.number) from CampaignVersion v"
                + " where v.campaign = t.version.campaign)", Object[].class).setParameter(1, language).getResultList());
    }

    /** The title in a language of each published version that has it, by campaign id, for the public lists. */
    public static Map<Long, String> publishedTitlesIn(String language) {
        return titles(getEntityManager().createQuery("select t.version.campaign.id, t.title from CampaignTranslation t"
                + " where t.language = ?1 and t.version.review.status = ?2", Object[].class).setParameter(1, language)
                .setParameter(2, ReviewStatus.published).getResultList());
    }

    private static Map<Long, String> titles(List<Object[]> rows) {
        Map<Long, String> titles = new HashMap<>();
        rows.forEach(row -> titles.put((Long) row[0], (String) row[1]));
        return titles;
    }
}
