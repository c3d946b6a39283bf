package org.beacon.campaign.campaign;

import java.util.List;

import org.beacon.commons.web.Reason;

/**
 * What the help directory holds against publishing: the publishing gate of a campaign version and the help
 * placeholders its materials name. The help package implements it; campaigns and materials ask through it, so that
 * neither depends on the directory that depends on them. Each gap is a {@link Reason}: the pages say it in the
 * reader's language, the API and the refusals' problem+json in English ({@link Reason#english()}).
 */
public interface HelpGate {

    /** The places × languages of a version that no help resource counting for the gate serves. */
    List<Reason> missingHelp(CampaignVersion version);

    /** The help placeholders of the version's published materials that cannot be filled for one of its places. */
    List<Reason> unfilledPlaceholders(CampaignVersion version);

    /** The placeholders of one material text that cannot be filled for a place in its language; empty when all can. */
    List<Reason> unfilledPlaceholders(String material, String language, String text, List<Place> places);

    /**
     * A material's text with its help placeholders filled for readers at a place in a language, as the public page
     * fills them; a placeholder nothing fills stays as written.
     */
    String fillPlaceholders(String text, Place place, String language, boolean markdown);
}
