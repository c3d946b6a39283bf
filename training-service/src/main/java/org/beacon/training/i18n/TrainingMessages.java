package org.beacon.training.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Interface strings of the training pages; translations in messages/msg_*.properties. */
@MessageBundle
public interface TrainingMessages {

    @Message("Home")
    String nav_home();

    @Message("Training")
    String nav_training();

    @Message("Sign out")
    String nav_sign_out();

    @Message("Your training")
    String home_title();

    @Message("Signed in as {name}")
    String signed_in_as(String name);

    @Message("Organization: {org}")
    String organization(String org);

    @Message("Published courses")
    String courses_heading();

    @Message("No course has been published yet.")
    String no_courses();

    @Message("Verify a certificate")
    String verify_title();

    @Message("Enter the code printed on the certificate.")
    String verify_prompt();

    @Message("Certificate code")
    String verify_code();

    @Message("Verify")
    String verify_button();

    @Message("Valid certificate")
    String verify_found();

    @Message("No certificate has the code {code}. Check the code and try again.")
    String verify_not_found(String code);

    @Message("Name")
    String verify_name();

    @Message("Course")
    String verify_course();

    @Message("Date")
    String verify_date();

    @Message("Version")
    String verify_version();
}
