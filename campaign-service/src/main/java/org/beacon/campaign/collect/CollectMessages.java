package org.beacon.campaign.collect;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Interface strings of the collection links page; translations in messages/collect_*.properties. */
@MessageBundle("collect")
public interface CollectMessages {

    @Message("Field collection")
    String heading();

    @Message("Field teams collect this survey offline with ODK Collect, KoboCollect or Enketo. Each team gets a "
            + "collection link: it lets its phones download this survey and send answers for one wave, nothing else, "
            + "and it can be revoked at once. Name links after teams, never after people.")
    String intro();

    @Message("Collection links")
    String links();

    @Message("No collection link yet.")
    String no_links();

    @Message("Team")
    String name();

    @Message("Wave")
    String wave();

    @Message("Created")
    String created();

    @Message("Answers received")
    String answers();

    @Message("State")
    String state();

    @Message("active")
    String active();

    @Message("revoked on {date}")
    String revoked(String date);

    @Message("Revoke")
    String revoke();

    @Message("New collection link")
    String new_link();

    @Message("Team name (no personal names, phone numbers or e-mail addresses)")
    String name_label();

    @Message("Create the link")
    String create();

    @Message("Collection link for {name}")
    String issued_heading(String name);

    @Message("This is the only time the link is shown: Beacon keeps only a fingerprint of it. Set up the team's "
            + "phones now, or keep the page printed in a safe place. Anyone holding the link can send answers for "
            + "this wave until you revoke it.")
    String issued_once();

    @Message("ODK Collect or KoboCollect: add a project, choose \"Configure with QR code\" and scan this code.")
    String scan_help();

    @Message("QR code that sets up ODK Collect for {name}")
    String qr_alt(String name);

    @Message("KoboCollect or Enketo without a QR code: enter this server address (no user name or password).")
    String url_help();

    @Message("Late submissions")
    String late();

    @Message("Answers collected offline may reach Beacon after a wave has closed. A closed wave still takes them from "
            + "collection links for the number of days you allow here (0 ends it now); the public web form stays "
            + "closed.")
    String late_help();

    @Message("takes late submissions until {date}")
    String late_until(String date);

    @Message("Days")
    String days();

    @Message("Allow")
    String allow();
}
