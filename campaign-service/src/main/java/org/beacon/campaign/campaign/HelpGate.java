package org.beacon.campaign.campaign;

import java.util.List;

/**
 * What the help directory holds against publishing: the publishing gate of a campaign version and the help
 * placeholders its materials name. The help package implements it; campaigns and materials ask through it, so that
 * neither depends on the directory that depends on them.
 */
public interface HelpGate {

    /** The places × languages of a version that no help resource counting for the gate serves. */
    List<String> missingHelp(CampaignVersion version);

    /** The help placeholders of the version's published materials that cannot be filled for one of its places. */
    List<String> unfilledPlaceholders(CampaignVersion version);

    /** The placeholders of one material text that cannot be filled for a place in its language; empty when all can. */
    List<String> unfilledPlaceholders(String material, String language, String text, List<Place> places);
}
