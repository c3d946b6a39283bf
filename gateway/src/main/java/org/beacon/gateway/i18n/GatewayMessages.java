package org.beacon.gateway.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Interface strings of the gateway's pages; translations in messages/msg_*.properties. */
@MessageBundle
public interface GatewayMessages {

    @Message("Beacon: training and awareness against trafficking in human beings and migrant smuggling")
    String tagline();

    @Message("Start")
    String home_title();

    @Message("Welcome, {name}")
    String welcome(String name);

    @Message("Organization: {org}")
    String organization(String org);

    @Message("What you can do")
    String tasks_heading();

    @Message("Your account has no Beacon role yet. Ask your organization's administrator.")
    String no_tasks();

    @Message("Open to everyone")
    String public_heading();

    @Message("Awareness campaigns")
    String public_campaigns();

    @Message("Read the published campaigns and where to find help.")
    String public_campaigns_text();

    @Message("Verify a certificate")
    String public_verify();

    @Message("Check a training certificate by its code.")
    String public_verify_text();

    @Message("My courses")
    String task_training();

    @Message("Study your courses, take the tests and get your certificates.")
    String task_training_text();

    @Message("My cohorts")
    String task_cohorts();

    @Message("Run workshops, record attendance and follow knowledge gain.")
    String task_cohorts_text();

    @Message("Authoring")
    String task_authoring();

    @Message("Write, translate and review courses and question banks.")
    String task_authoring_text();

    @Message("Campaigns")
    String task_campaigns();

    @Message("Create campaigns, publish localized material, open surveys.")
    String task_campaigns_text();

    @Message("Survey results")
    String task_surveys();

    @Message("Compare baseline and endline, export aggregates.")
    String task_surveys_text();

    @Message("Import a course")
    String task_import();

    @Message("Add a course from its package (a zip of its text files and media), or update it.")
    String task_import_text();

    @Message("Training reports")
    String task_reports();

    @Message("Completions by sector, institution and country.")
    String task_reports_text();

    @Message("Sign-in is unavailable for a moment. Please try again in a minute; if you were signed in, you still are.")
    String sign_in_unavailable();

    @Message("This form was sent from another site, so it was refused. Open Beacon and send it again from there.")
    String cross_site_refused();

    @Message("Audit log")
    String task_audit();

    @Message("Who published, approved or exported what, and when.")
    String task_audit_text();

    @Message("Organizations and users")
    String admin_organizations();

    @Message("Read from Keycloak just now. People, organizations and roles are managed in Keycloak's administration console; Beacon keeps no copy.")
    String admin_organizations_intro();

    @Message("No organization is set up in Keycloak yet.")
    String admin_no_organizations();

    /** The realm's {@code kind} attribute of an organization, and its known values (keycloak/beacon-realm.json). */
    @Message("Kind of body")
    String admin_attribute_kind();

    @Message("national coordination body")
    String admin_kind_national_coordination_body();

    @Message("training academy")
    String admin_kind_training_academy();

    @Message("non-governmental organization")
    String admin_kind_ngo();

    @Message("No users in this organization.")
    String admin_no_members();

    @Message("User name")
    String admin_username();

    @Message("Name")
    String admin_name();

    @Message("Email")
    String admin_email();

    @Message("Roles")
    String admin_roles();

    @Message("disabled")
    String admin_disabled();

    @Message("Trainee")
    String role_trainee();

    @Message("Trainer")
    String role_trainer();

    @Message("Author")
    String role_author();

    @Message("Campaign manager")
    String role_campaign_manager();

    @Message("Evaluator")
    String role_evaluator();

    @Message("Administrator")
    String role_admin();

    @Message("What was approved, published, flagged, issued and exported in training and campaigns, newest first. Times are in UTC.")
    String audit_intro();

    @Message("Organization")
    String audit_organization();

    @Message("Action")
    String audit_action();

    @Message("Any")
    String audit_any();

    @Message("From")
    String audit_from();

    @Message("To")
    String audit_to();

    @Message("Show")
    String audit_apply();

    @Message("Clear the filters")
    String audit_clear();

    @Message("Download as CSV")
    String audit_csv();

    @Message("When")
    String audit_when();

    @Message("Area")
    String audit_service();

    @Message("Who")
    String audit_who();

    @Message("What")
    String audit_what();

    @Message("No entry matches these filters.")
    String audit_empty();

    @Message("Newer")
    String audit_newer();

    @Message("Older")
    String audit_older();

    @Message("This page is too far back to show. Narrow the dates, or download the CSV, which has every entry.")
    String audit_too_deep();

    @Message("Training")
    String service_training();

    @Message("Campaigns")
    String service_campaigns();

    @Message("Organizations and users")
    String task_organizations();

    @Message("Who belongs to which organization, with which roles.")
    String task_organizations_text();
}
