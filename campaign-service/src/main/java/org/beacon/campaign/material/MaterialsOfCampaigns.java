package org.beacon.campaign.material;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.beacon.campaign.campaign.Campaign;
import org.beacon.campaign.campaign.CampaignMaterials;

/** The materials of campaigns as the campaign package asks for them, answered by MaterialService. */
@ApplicationScoped
public class MaterialsOfCampaigns implements CampaignMaterials {

    @Inject
    MaterialService materials;

    @Override
    public List<MaterialRow> of(long campaignId) {
        return materials.materials(campaignId).stream()
                .map(m -> new MaterialRow(m.slug(), m.kind(),
                        m.variants().stream().map(v -> new VariantRow(v.language(), v.review())).toList()))
                .toList();
    }

    @Override
    public String add(long campaignId, String slug, String kind) {
        return materials.add(campaignId, new NewMaterial(slug, kind)).slug();
    }

    @Override
    public List<WrittenVariant> importMaterial(Campaign campaign, String slug, String kind,
            Map<String, VariantText> variants) {
        Material material = materials.importMaterial(campaign, slug, kind);
        List<WrittenVariant> written = new ArrayList<>();
        variants.forEach((language, variant) -> materials
                .importVariant(material, language, variant.title(), variant.markdown())
                .ifPresent(draft -> written.add(new WrittenVariant(draft.material.slug, draft.language,
                        draft.number))));
        return written;
    }
}
