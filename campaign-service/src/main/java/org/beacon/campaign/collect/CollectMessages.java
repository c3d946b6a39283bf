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

    // The browser collector (CollectorPage)

    @Message("Field teams without ODK Collect: open this address in the phone's browser while online, once. The "
            + "page then works offline and sends the answers when the network returns.")
    String web_help();

    @Message("Open the browser collector")
    String web_open();

    @Message("Finished answers are kept on this device and sent to Beacon when there is a network. Once opened, "
            + "this page works without a network: keep it bookmarked. Nothing about the person answering or this "
            + "device is stored.")
    String web_intro();

    @Message("This wave is closed. Answers kept on this device are sent only if late submissions are allowed.")
    String web_closed();

    @Message("This collector needs JavaScript. Without it, use ODK Collect or KoboCollect with this link.")
    String web_needs_script();

    @Message("This collection link is not valid or has been revoked: ask your coordinator for a new one.")
    String web_not_valid();

    @Message("Answers waiting to be sent:")
    String web_waiting();

    @Message("Send now")
    String web_send_now();

    @Message("Answers Beacon refused")
    String web_refused();

    @Message("These answers were not stored and are not sent again. They stay on this device: show this list to "
            + "your coordinator.")
    String web_refused_help();

    @Message("Loading the form…")
    String web_loading();

    @Message("No network: answers are kept on this device and sent when the network returns.")
    String web_offline();

    @Message("Connected: answers are sent as soon as they are finished.")
    String web_online();

    @Message("Sending…")
    String web_sending();

    @Message("The answer is kept and a new blank form is ready.")
    String web_saved();

    @Message("Some answers break the form's rules: see the messages in red, then finish again.")
    String web_fix();

    @Message("This question needs an answer.")
    String web_required();

    @Message("This question cannot be answered in the browser: use ODK Collect for this form.")
    String web_unsupported();

    @Message("This browser may delete the waiting answers when it runs short of space: send them soon.")
    String web_storage_not_kept();

    @Message("The page met a problem:")
    String web_error();

    @Message("Finish and keep this answer")
    String web_finish();
}
