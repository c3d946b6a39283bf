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
    String task_courses();

    @Message("Study your courses, take the tests and get your certificates.")
    String task_courses_text();

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
    String task_results();

    @Message("Compare baseline and endline, export aggregates.")
    String task_results_text();

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
}
