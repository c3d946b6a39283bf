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

    @Message("Surveys")
    String nav_surveys();

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

    @Message("Campaign")
    String campaign();

    @Message("Organization")
    String organization_column();

    @Message("Review queue")
    String review_queue();

    @Message("Help resources")
    String help_directory();

    @Message("Audit log")
    String audit_log();

    @Message("Start a campaign")
    String new_campaign();

    @Message("Address (lower-case letters, digits, dashes)")
    String field_slug();

    @Message("Title")
    String field_title();

    @Message("Default language (BCP-47 tag, e.g. fr)")
    String field_default_language();

    @Message("Create")
    String create();

    @Message("Public page")
    String public_page();

    @Message("Version {fmt:number(number)}")
    String version_heading(int number);

    @Message("Publishing is blocked: no active help resource for these places and languages")
    String gate_missing();

    @Message("Every place and language has an active help resource.")
    String gate_ok();

    @Message("Version {fmt:number(number)} is on the public page until this one is published.")
    String published_version_is(int number);

    @Message("This version is not a draft: saving a change starts a new draft version, or sends nothing while it is in review.")
    String frozen_hint();

    @Message("Texts per language")
    String texts();

    @Message("Language")
    String language();

    @Message("Languages")
    String languages();

    @Message("Key messages")
    String key_messages();

    @Message("default")
    String default_language_marker();

    @Message("Edit")
    String edit();

    @Message("Remove")
    String remove();

    @Message("Add a language (BCP-47 tag)")
    String add_language();

    @Message("Add")
    String add();

    @Message("Audience, places and period")
    String settings();

    @Message("Target groups")
    String target_groups();

    @Message("Channels")
    String channels();

    @Message("Others, separated by commas")
    String other_comma();

    @Message("Places, one a line: country code, optionally / region (e.g. SN/Dakar)")
    String places_hint();

    @Message("Start")
    String period_start();

    @Message("End")
    String period_end();

    @Message("Save")
    String save();

    @Message("Materials")
    String materials();

    @Message("Material")
    String material();

    @Message("Kind")
    String kind();

    @Message("No material yet.")
    String no_materials();

    @Message("Add material")
    String add_material();

    @Message("Versions")
    String versions();

    @Message("Text in {language}")
    String text_in(String language);

    @Message("Objectives")
    String objectives();

    @Message("Key messages, one a line")
    String key_messages_hint();

    @Message("Please correct the following:")
    String errors_title();

    @Message("draft")
    String st_draft();

    @Message("in review")
    String st_in_review();

    @Message("published")
    String st_published();

    @Message("archived")
    String st_archived();

    @Message("original")
    String ts_original();

    @Message("translation in progress")
    String ts_in_progress();

    @Message("translated")
    String ts_translated();

    @Message("needs update (original changed)")
    String ts_outdated();

    @Message("you wrote or last changed it")
    String wf_you_wrote();

    @Message("Send for review")
    String wf_submit();

    @Message("Back to draft")
    String wf_send_back();

    @Message("Approved by a second manager.")
    String wf_approved();

    @Message("Publish")
    String wf_publish();

    @Message("Another campaign manager must approve what you wrote.")
    String wf_author_cannot_approve();

    @Message("Review checklist: confirm all four")
    String wf_checklist();

    @Message("It promotes safe alternatives, not only risks.")
    String check_safe_alternatives();

    @Message("Trafficking in human beings and migrant smuggling are told apart correctly.")
    String check_thb_som();

    @Message("It is sensitive to gender, children and LGBTI people.")
    String check_sensitivity();

    @Message("No image can identify a victim.")
    String check_no_identifying_image();

    @Message("Approve")
    String wf_approve();

    @Message("Unpublish")
    String wf_unpublish();

    @Message("Translation")
    String translation_status();

    @Message("Published variant")
    String published_variant();

    @Message("not written yet")
    String no_variant();

    @Message("Variant {fmt:number(number)}")
    String variant_number(int number);

    @Message("Preview")
    String preview();

    @Message("Text")
    String text();

    @Message("Text (Markdown; HTML, scripts and images are removed)")
    String markdown_hint();

    @Message("File")
    String file();

    @Message("PDF, image, audio or video file")
    String file_hint();

    @Message("Upload")
    String upload();

    @Message("A campaign is published only where an active help resource serves every place and language.")
    String help_intro();

    @Message("Place")
    String place();

    @Message("Contact")
    String contact();

    @Message("Active")
    String active();

    @Message("Last verified")
    String last_verified();

    @Message("Add a help resource")
    String add_help();

    @Message("Country (ISO code, e.g. SN)")
    String country();

    @Message("Region (optional)")
    String region_optional();

    @Message("Languages served, separated by commas")
    String languages_comma();

    @Message("Name per language, one a line (fr: Nom)")
    String names_hint();

    @Message("Demo entry (sample data)")
    String demo_entry();

    @Message("Hotline")
    String kind_hotline();

    @Message("Shelter")
    String kind_shelter();

    @Message("Referral service")
    String kind_referral();

    @Message("Campaigns")
    String campaigns_in_review();

    @Message("Materials")
    String materials_in_review();

    @Message("Nothing waits for review.")
    String nothing_in_review();

    @Message("Languages")
    String pub_languages();

    @Message("Help at the campaign's other places")
    String pub_help_other_places();

    @Message("The help this text names is filled in as the public page shows it at {place}; each other place gets its own.")
    String preview_help_filled(String place);

    @Message("Marked: help this text names that the help directory cannot fill at {place} yet. The public page fills it for each place.")
    String preview_help_unfilled(String place);

    @Message("Marked: help this text names, filled on the public page for each of the campaign's places; no place is entered yet.")
    String preview_help_no_place();

    @Message("Not published in this language")
    String pub_not_in_language_title();

    @Message("This campaign is not published in '{language}'. Read it in:")
    String pub_not_in_language(String language);

    @Message("What you need to know")
    String pub_key_messages();

    @Message("Where to find help")
    String pub_help_title();

    @Message("Your area")
    String pub_place();

    @Message("demo")
    String pub_demo();

    /** @param date the day in the page language's date format */
    @Message("Last verified {date}")
    String pub_verified(String date);

    @Message("Ask a local support service or the police for help.")
    String pub_no_help();

    @Message("Tell us what you think")
    String pub_survey_title();

    @Message("QR code for the survey: {title}")
    String pub_qr_alt(String title);

    @Message("Materials")
    String pub_materials();

    @Message("Download {name}")
    String pub_download(String name);

    @Message("{fmt:number(kb)} KB")
    String size_kb(long kb);

    @Message("Young people")
    String term_young_people();

    @Message("Parents")
    String term_parents();

    @Message("Potential migrants")
    String term_potential_migrants();

    @Message("Returnees")
    String term_returnees();

    @Message("Domestic workers")
    String term_domestic_workers();

    @Message("Employers")
    String term_employers();

    @Message("Diaspora")
    String term_diaspora();

    @Message("Radio")
    String term_radio();

    @Message("TV")
    String term_tv();

    @Message("Social media")
    String term_social_media();

    @Message("Posters")
    String term_posters();

    @Message("Theatre")
    String term_theatre();

    @Message("School talks")
    String term_school_talks();

    @Message("Public transport")
    String term_public_transport();

    @Message("Community meetings")
    String term_community_meetings();

    @Message("Poster")
    String term_poster();

    @Message("Leaflet")
    String term_leaflet();

    @Message("Radio script")
    String term_radio_script();

    @Message("Video")
    String term_video();

    @Message("Social media post")
    String term_social_media_post();

    @Message("SMS text")
    String term_sms();

    @Message("Help is also available in: {languages}")
    String pub_help_also_in(String languages);

    @Message("Help entries to check: {fmt:number(count)} (never verified, or last verified more than six months ago).")
    String help_verify_due(int count);

    @Message("Call the service, check its name, languages and contact, then enter the date of your check. Readers see that date; a campaign that sends a victim to a dead number does harm.")
    String help_verify_how();

    @Message("verified over six months ago: re-verify")
    String help_reverify();

    @Message("never verified")
    String help_never_verified();

    @Message("Leave empty until you have checked the entry with the service itself; readers see this date.")
    String last_verified_hint();

    @Message("Publishing is blocked: published materials name help that the directory cannot fill")
    String gate_placeholders();

    @Message("To name the help of the reader's place in the reader's language, write one of: {placeholders}. Publishing needs a real entry of that kind for every place and language of the campaign.")
    String material_placeholders(String placeholders);

    @Message("approved, ready to publish")
    String st_approved();

    @Message("No place entered yet: help coverage cannot be checked. Add the places where the campaign runs under Settings.")
    String gate_no_place();

    @Message("Publishing is not possible yet:")
    String wf_publish_blocked();

    @Message("not sent for review yet")
    String block_not_submitted();

    @Message("missing approval: a campaign manager who did not write it must approve it")
    String block_not_approved();

    @Message("no place entered")
    String block_no_place();

    @Message("missing help coverage: a place and language has no active help resource (listed below)")
    String block_missing_help();

    @Message("the text names help that the help directory cannot fill for a place of the campaign")
    String block_unfilled_placeholders();

    @Message("This entry is shared by every campaign: only an admin changes it.")
    String help_read_only_shared();

    @Message("This entry belongs to another organization: only its campaign managers change it.")
    String help_read_only_other_org();

    @Message("Image of the material under review: {title}")
    String preview_image_alt(String title);

    @Message("Page {fmt:number(page)} of {fmt:number(total)}: {title}")
    String preview_pdf_page(int page, int total, String title);

    @Message("Only the first {fmt:number(shown)} of {fmt:number(total)} pages are shown here; open the file to check the others.")
    String preview_pdf_more(int shown, int total);

    @Message("This PDF cannot be shown here (damaged, or locked with a password); open the file to check it.")
    String preview_pdf_unreadable();

    @Message("Answer the survey")
    String pub_answer_survey();

    @Message("Only in {language}")
    String pub_only_in(String language);
}
