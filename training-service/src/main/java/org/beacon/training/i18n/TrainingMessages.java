package org.beacon.training.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Interface strings of the training pages; translations in messages/msg_*.properties. A number reaches a message
 * already written in the reader's notation ({@code fmt:number}, {@code fmt:percent}, {@link
 * org.beacon.commons.web.ReaderFormats}), with its CLDR plural category ({@code plural}) when the words depend on it:
 * no method takes a raw number, so Arabic pages never show Latin digits ({@code ReaderNumbersTests}).
 */
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

    @Message("Authoring")
    String nav_author();

    @Message("Cohorts")
    String nav_cohorts();

    @Message("Reports")
    String nav_reports();

    @Message("Your courses")
    String my_courses();

    @Message("Open")
    String open();

    @Message("Version {number}")
    String version_label(String number);

    @Message("In progress")
    String status_active();

    @Message("Completed")
    String status_completed();

    @Message("For: {sectors}")
    String course_for(String sectors);

    @Message("Country: {country}")
    String course_country(String country);

    @Message("Languages: {languages}")
    String course_languages(String languages);

    @Message("Modules")
    String course_modules();

    @Message("Language of study")
    String enrol_language();

    @Message("Enrol")
    String enrol_button();

    @Message("Continue the course")
    String continue_course();

    /** @param percent the progress as the reader writes a percentage ({@code fmt:percent}) */
    @Message("Progress: {percent}")
    String progress_label(String percent);

    @Message("Pre-test")
    String pretest();

    @Message("Post-test")
    String posttest();

    @Message("Knowledge check")
    String knowledge_check();

    @Message("Take it")
    String take_test();

    /** A test already taken that may be taken again: not "Take it", which reads as never done. */
    @Message("Take it again")
    String take_test_again();

    @Message("Done")
    String step_done();

    /** @param score the score in percent as the reader writes a number ({@code fmt:number}) */
    @Message("Score: {score}%")
    String score(String score);

    @Message("Passed")
    String passed();

    @Message("Not passed")
    String not_passed();

    @Message("Not open yet")
    String locked();

    @Message("Studied")
    String studied();

    /** @param mark the pass mark as the reader writes a percentage ({@code fmt:percent}) */
    @Message("Pass mark: {mark}")
    String pass_mark(String mark);

    @Message("Certificate")
    String certificate_heading();

    @Message("Verification code: {code}")
    String certificate_code(String code);

    @Message("Download the certificate (PDF)")
    String download_certificate();

    @Message("Download the course for offline use (zip)")
    String offline_download();

    @Message("Refresher due: a newer version of this course reflects a change in the law.")
    String refresher_due();

    @Message("Part of this text is not yet available in your language; it is shown in the course’s default language ({language}).")
    String fallback_notice(String language);

    @Message("Materials")
    String lesson_materials();

    @Message("Previous")
    String lesson_previous();

    @Message("Next")
    String lesson_next();

    @Message("Mark as studied and continue")
    String mark_studied();

    @Message("Back to the course")
    String back_to_course();

    @Message("{kind}")
    String media_kind(String kind);

    @Message("{kb} KB")
    String media_size(String kb);

    @Message("Glossary")
    String glossary();

    @Message("Contents")
    String offline_contents();

    @Message("Version {number}, for reading without a connection.")
    String offline_version(String number);

    @Message("This test shows what you know before the course. It does not count towards passing.")
    String quiz_intro_pretest();

    @Message("Check what you have learnt in this module.")
    String quiz_intro_check();

    @Message("Choose all that apply.")
    String choose_all();

    @Message("True")
    String answer_true();

    @Message("False")
    String answer_false();

    @Message("Your answer")
    String your_answer();

    @Message("Submit answers")
    String submit_answers();

    @Message("Your result")
    String result_title();

    @Message("Not passed yet: study the lessons again and retake the post-test.")
    String result_failed();

    @Message("Right answer")
    String right_answer();

    @Message("The right answers and the feedback are shown once you pass the post-test.")
    String result_key_withheld();

    @Message("Feedback")
    String feedback();

    @Message("Legal source")
    String legal_source();

    @Message("(no answer)")
    String no_answer();

    @Message("Course completed. Your certificate code is {code}.")
    String course_completed(String code);

    @Message("Certificate of completion")
    String cert_title();

    @Message("This certifies that")
    String cert_awarded_to();

    @Message("has completed the course")
    String cert_for_completing();

    @Message("Verify at")
    String cert_verify_at();

    @Message("Authoring")
    String author_title();

    @Message("Another author must approve a version you wrote or changed.")
    String author_intro();

    @Message("No course yet.")
    String no_course_yet();

    @Message("Draft")
    String status_draft();

    @Message("In review")
    String status_in_review();

    @Message("Published")
    String status_published();

    @Message("Archived")
    String status_archived();

    @Message("Translation completeness")
    String completeness();

    @Message("Language")
    String language();

    @Message("missing: {items}")
    String missing(String items);

    @Message("Submit for review")
    String submit_review();

    @Message("Approve and publish")
    String approve();

    @Message("Send back to draft")
    String reject();

    @Message("What must change")
    String reject_comment();

    @Message("Reviewer’s comment: {comment}")
    String review_comment(String comment);

    @Message("Start a new draft")
    String new_draft();

    @Message("Withdraw (archive)")
    String archive();

    @Message("Legal change")
    String legal_change();

    @Message("Publishing this version flags trainees certified on older versions as refresher due.")
    String legal_change_hint();

    @Message("Save")
    String save();

    @Message("Import questions (GIFT)")
    String gift_import();

    @Message("Export questions (GIFT)")
    String gift_export();

    @Message("GIFT text")
    String gift_text();

    @Message("Import")
    String import_button();

    @Message("{#if plural == 'one'}1 question imported.{#else}{count} questions imported.{/if}")
    String gift_imported(String plural, String count);

    @Message("Edit a lesson")
    String edit_lesson();

    @Message("Lesson")
    String lesson();

    @Message("Title")
    String title();

    @Message("Text (Markdown)")
    String lesson_body();

    @Message("{#if plural == 'one'}1 question{#else}{count} questions{/if}")
    String questions_count(String plural, String count);

    @Message("New question")
    String new_question();

    @Message("Name")
    String question_name();

    @Message("Type")
    String question_type();

    @Message("Question")
    String question_stem();

    @Message("Answers")
    String answers_heading();

    @Message("Single choice: the right answer earns 100. Multiple choice: the right answers' credits add up to 100, wrong ones may be negative (-100). Short answer: each accepted answer earns 100. Empty rows are dropped; true or false uses the statement below instead.")
    String answers_hint();

    @Message("No question matches this search.")
    String no_question_matches();

    @Message("not yet in {language}")
    String not_in_language(String language);

    @Message("Edit")
    String edit_question();

    @Message("Search")
    String search();

    @Message("Status")
    String filter_status();

    @Message("Sector")
    String filter_sector();

    @Message("Any")
    String filter_any();

    @Message("Filter")
    String filter_apply();

    @Message("Show all courses")
    String filter_clear();

    @Message("No course matches this search.")
    String filter_no_match();

    @Message("{items} missing in {language}")
    String status_missing_in(String items, String language);

    @Message("{items} outdated in {language}: the default language changed since they were translated")
    String status_outdated_in(String items, String language);

    @Message("{#if plural == 'one'}1 lesson{#else}{count} lessons{/if}")
    String status_lessons(String plural, String count);

    @Message("{#if plural == 'one'}1 module{#else}{count} modules{/if}")
    String status_modules(String plural, String count);

    @Message("{#if plural == 'one'}1 question{#else}{count} questions{/if}")
    String status_questions(String plural, String count);

    @Message("{#if plural == 'one'}1 glossary term{#else}{count} glossary terms{/if}")
    String status_glossary_terms(String plural, String count);

    @Message("the course title or summary")
    String status_course_texts();

    @Message("Read this version")
    String read_version();

    @Message("Version {number}, as the reviewer reads it")
    String read_heading(String number);

    @Message("Read only: every lesson as trainees will see it, every question with its key and feedback.")
    String read_intro();

    @Message("Read in")
    String read_in();

    @Message("Changes")
    String changes_heading();

    @Message("Changes since version {number}")
    String changes_since(String number);

    @Message("The first version of this course: everything in it is new.")
    String changes_first();

    @Message("Nothing changed in this language.")
    String changes_none();

    @Message("Lessons added")
    String lessons_added();

    @Message("Lessons changed")
    String lessons_changed();

    @Message("Lessons removed")
    String lessons_removed();

    @Message("Questions added")
    String questions_added();

    @Message("Questions changed")
    String questions_changed();

    @Message("Questions removed")
    String questions_removed();

    @Message("Question bank")
    String question_bank();

    @Message("Single choice")
    String type_single();

    @Message("Multiple choice")
    String type_multiple();

    @Message("True or false")
    String type_truefalse();

    @Message("Short answer")
    String type_short();

    @Message("Feedback on a right answer")
    String feedback_when_right();

    @Message("Feedback on a wrong answer")
    String feedback_when_wrong();

    @Message("Answer")
    String answer();

    @Message("Credit")
    String answer_credit();

    @Message("Source")
    String source_reference();

    @Message("Your cohorts")
    String cohorts_title();

    @Message("You have no cohort yet.")
    String no_cohorts();

    @Message("New cohort")
    String cohort_new();

    @Message("Name")
    String cohort_name();

    @Message("Course")
    String cohort_course();

    @Message("Institution")
    String cohort_institution();

    @Message("Starts on")
    String cohort_starts();

    @Message("Ends on")
    String cohort_ends();

    @Message("Create")
    String create();

    @Message("Trainees")
    String cohort_members();

    @Message("Add a trainee")
    String add_trainee();

    @Message("Enrolled in the course")
    String trainee_enrolled();

    @Message("or the trainee’s account id")
    String trainee_subject();

    @Message("Add")
    String add();

    @Message("Workshop sessions")
    String sessions();

    @Message("Date")
    String session_date();

    @Message("Topic")
    String session_topic();

    @Message("Add a session")
    String add_session();

    @Message("Present")
    String present();

    @Message("Save attendance")
    String save_attendance();

    @Message("Sessions attended")
    String attended();

    @Message("Knowledge gain")
    String knowledge_gain();

    @Message("Mean gain: {gain} points ({#if plural == 'one'}1 trainee{#else}{count} trainees{/if} with both tests).")
    String gain_mean(String gain, String plural, String count);

    @Message("No trainee has taken both the pre-test and the post-test yet.")
    String gain_none();

    @Message("Gain (points)")
    String gain_range();

    @Message("Trainees")
    String trainees();

    @Message("Gain")
    String gain();

    @Message("Progress")
    String progress();

    @Message("not enrolled")
    String not_enrolled();

    @Message("Completions")
    String reports_title();

    @Message("By sector")
    String by_sector();

    @Message("By institution")
    String by_institution();

    @Message("By country")
    String by_country();

    @Message("By institution over time")
    String by_institution_over_time();

    @Message("Enrolments by the quarter they started in, and how many of them completed: whether training keeps up with staff turnover.")
    String by_institution_over_time_hint();

    @Message("Enrolments")
    String enrolments();

    @Message("Completions")
    String completions();

    @Message("none")
    String none();

    @Message("Attach a file to a lesson")
    String attach_media();

    @Message("File (PDF, image, audio or video)")
    String media_file();

    @Message("New course")
    String new_course();

    @Message("Short name for addresses (lower-case letters, digits, hyphens)")
    String slug();

    @Message("Sectors")
    String sectors();

    @Message("Country (ISO code such as SN; leave empty for all countries)")
    String country_optional();

    @Message("Default language")
    String default_language();

    @Message("Other languages (tags such as fr, es, separated by commas)")
    String other_languages();

    @Message("Pass mark (%)")
    String pass_mark_field();

    @Message("Title (in the default language)")
    String title_default_language();

    @Message("Summary")
    String summary();

    @Message("Course title and summary")
    String course_texts();

    @Message("Edit a module")
    String edit_module();

    @Message("Edit in")
    String edit_in();

    @Message("Text in the default language ({language})")
    String original_text(String language);

    @Message("Leave a field empty to remove this translation: the default language is then shown.")
    String blank_removes();

    @Message("Add a module")
    String add_module();

    @Message("Add a lesson")
    String add_lesson();

    @Message("Tests")
    String assessments();

    @Message("Question names from the question bank, separated by commas. An empty field leaves that test as it is.")
    String assessments_hint();

    @Message("Translations")
    String translations();

    @Message("Each language goes to review with its version. A language added later, or sent back by the reviewer, is reviewed on its own. Trainees are offered only published translations.")
    String translations_hint();

    @Message("default language")
    String default_language_mark();

    @Message("Add a language")
    String add_language();

    @Message("Language tag (BCP-47, e.g. ar or pt-BR)")
    String language_tag();

    @Message("Move up")
    String move_up();

    @Message("Move down")
    String move_down();

    @Message("Remove from this draft")
    String remove();

    @Message("Offered in:")
    String offered_in();

    @Message("Change language")
    String study_language_change();

    @Message("Your progress, answers and scores are kept.")
    String study_language_kept();

    @Message("Version {newer} of this course replaced version {version} after a change in the law: the holder of this certificate is due for a refresher.")
    String verify_superseded(String newer, String version);

    @Message("Take version {newer} of the course")
    String verify_refresher_link(String newer);

    @Message("{#if plural == 'one'}1 trainee{#else}{number} trainees{/if}")
    String cohort_trainee_count(String plural, String number);

    @Message("Dates")
    String cohort_dates();

    @Message("{label}: {reason}")
    String cohort_field_refused(String label, String reason);

    @Message("fill this in.")
    String cohort_refused_missing();

    @Message("at most {limit} characters.")
    String cohort_refused_too_long(String limit);

    @Message("give a date as YYYY-MM-DD.")
    String cohort_refused_not_a_date();

    @Message("pick one of the published courses.")
    String cohort_refused_no_such_course();

    @Message("the cohort cannot end before it starts.")
    String cohort_refused_ends_before_start();

    @Message("Find a trainee of the cohort’s organization by name or username")
    String trainee_search();

    @Message("Username")
    String trainee_username();

    @Message("Not enrolled yet: adding enrols them in the course")
    String trainee_will_enrol();

    @Message("Add to the cohort")
    String trainee_add_enrol();

    /** Trainees come from Keycloak (cohort/KeycloakTrainees), also those who never signed in: say where they are kept. */
    @Message("No trainee of the organization who is not yet in this cohort matches. Trainees are the people with the trainee role in the organization in Keycloak; an administrator adds them there.")
    String trainee_none_found();

    @Message("From")
    String period_from();

    @Message("To")
    String period_to();

    @Message("Counts only what was done between these dates (both included): lessons studied, tests taken, sessions held.")
    String period_hint();

    @Message("Download as CSV")
    String export_csv();

    @Message("Enrolments that started between these dates (both included), and how many of them are completed.")
    String reports_period_hint();

    @Message("the period cannot end before it starts.")
    String period_refused_backwards();

    @Message("The enrolments of your organization, {organization}.")
    String reports_scope_organization(String organization);
    // GIFT question types read as Moodle writes them: numerical, matching and descriptions.

    @Message("Numerical")
    String type_numerical();

    @Message("Matching")
    String type_matching();

    @Message("Description")
    String type_description();

    @Message("Type a number.")
    String numerical_hint();

    @Message("Choose what each item matches.")
    String matching_hint();

    @Message("(choose)")
    String matching_choose();

    @Message("Accepted numbers")
    String numerical_accepted();

    @Message("Item")
    String matching_item();

    @Message("Matches")
    String matching_match();

    // The single-question form for every GIFT type, and its refusals named by field.

    @Message("Tolerance (±)")
    String answer_tolerance();

    @Message("Numerical: one accepted number per row (or a range such as 1..5), with how far from it an answer may be and its credit; at least one earns 100. Matching: an item and what it matches per row, at least two; a row with only a match adds a wrong choice. Description: only the text, shown between questions, never scored.")
    String answers_hint_more();

    @Message("{label}: {reason}")
    String question_field_refused(String label, String reason);

    @Message("give the question a name (letters, digits, hyphens); it links its translations.")
    String question_refused_name();

    @Message("write the question.")
    String question_refused_stem();

    @Message("choose one of the types offered.")
    String question_refused_type();

    @Message("“{typed}” is not a number (a percentage such as 100, 50 or -100).")
    String question_refused_weight(String typed);

    @Message("Import a course package")
    String import_course_title();

    @Message("A course folder of content/ as a zip: course.yaml, lessons/, questions/ and media/. The same content again changes nothing; changed content becomes a new draft.")
    String import_course_intro();

    @Message("Course zip")
    String import_course_file();

    @Message("Import")
    String import_course_submit();
}
