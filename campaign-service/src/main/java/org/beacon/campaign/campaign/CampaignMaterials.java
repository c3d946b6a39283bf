package org.beacon.campaign.campaign;

import java.util.List;
import java.util.Map;

import org.beacon.campaign.review.ReviewView;
import org.beacon.commons.web.Reason;

/**
 * What a campaign's page and its import need of the campaign's materials. The material package implements it (its
 * materials belong to a campaign, so it depends on this package, never the other way round).
 */
public interface CampaignMaterials {

    /** A campaign's materials as its page lists them. */
    List<MaterialRow> of(long campaignId);

    /** Adds a material to a campaign; its slug. Refused (400, 409) as the material API refuses it. */
    String add(long campaignId, String slug, String kind);

    /**
     * Creates the material if the campaign lacks it and writes each language's text as a draft where it changed;
     * the drafts written, empty when nothing changed.
     */
    List<WrittenVariant> importMaterial(Campaign campaign, String slug, String kind, Map<String, VariantText> variants);

    /** A material's draft variant an import wrote: the report says "poster fr variant 2" in the reader's words. */
    record WrittenVariant(String material, String language, int number) {
    }

    record MaterialRow(String slug, String kind, List<VariantRow> variants) {
    }

    record VariantRow(String language, ReviewView review) {
    }

    /** One language's text of a material as content/ holds it. */
    record VariantText(String title, String markdown) {
    }
}
