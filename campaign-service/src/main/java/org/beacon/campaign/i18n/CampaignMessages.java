package org.beacon.campaign.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Interface strings of the campaign pages; translations in messages/msg_*.properties. */
@MessageBundle
public interface CampaignMessages {

    @Message("Home")
    String nav_home();

    @Message("Campaigns")
    String nav_campaigns();

    @Message("Campaigns")
    String manage_title();

    @Message("Signed in as {name}")
    String signed_in_as(String name);

    @Message("Organization: {org}")
    String organization(String org);

    @Message("Your organization has no campaign yet.")
    String no_campaigns();

    @Message("Status")
    String status();

    @Message("Awareness campaigns")
    String public_title();

    @Message("No campaign is published at the moment.")
    String no_published();
}
