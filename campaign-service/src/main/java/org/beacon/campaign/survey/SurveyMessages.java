package org.beacon.campaign.survey;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Interface strings of survey forms, survey management and results pages; translations in
 * messages/survey_*.properties. Survey questions themselves come from the imported form, in its languages.
 */
@MessageBundle("survey")
public interface SurveyMessages {

    // ---- the public form ----

    @Message("This survey is anonymous: we do not record your name, your device or your connection.")
    String anonymous();

    @Message("required")
    String required();

    @Message("Send my answers")
    String submit();

    @Message("Next")
    String next();

    @Message("Previous")
    String previous();

    @Message("Page {page} of {count}")
    String page_of(int page, int count);

    @Message("(the number of pages depends on your answers)")
    String page_count_may_change();

    @Message("I have read this")
    String acknowledge();

    @Message("{count} answers need your attention.")
    String problems(int count);

    @Message("Please answer this question.")
    String problem_missing();

    @Message("Please choose one of the options.")
    String problem_not_a_choice();

    @Message("Please choose only one option.")
    String problem_one_only();

    @Message("Please write a whole number.")
    String problem_not_a_number();

    @Message("Please write a number.")
    String problem_not_a_decimal();

    @Message("Please write a date (year-month-day).")
    String problem_not_a_date();

    @Message("This answer is not allowed.")
    String problem_constraint();

    @Message("This question does not apply to your earlier answers: please leave it empty.")
    String problem_not_relevant();

    @Message("This number is too large.")
    String problem_out_of_range();

    @Message("This answer is too long.")
    String problem_too_long();

    @Message("This answer could not be read. Please write it again.")
    String problem_unreadable();

    @Message("At most {max} characters.")
    String text_limit(int max);

    @Message("Many people are answering right now. Please wait a few seconds and send again: your answers are kept.")
    String busy();

    @Message("Thank you")
    String thanks_title();

    @Message("Your answers were recorded. Thank you for taking part.")
    String thanks_text();

    @Message("Back to the campaign")
    String back_to_campaign();

    @Message("This survey is closed")
    String closed_title();

    @Message("This round of the survey no longer accepts answers. Thank you for your interest.")
    String closed_text();

    @Message("This round of the survey is not open yet.")
    String not_open_text();

    @Message("Other languages")
    String other_languages();

    // ---- managing surveys ----

    @Message("Surveys")
    String surveys_title();

    @Message("No survey yet.")
    String no_surveys();

    @Message("Campaign")
    String campaign();

    @Message("Import an XLSForm")
    String import_title();

    @Message("XLSForm file (.xlsx)")
    String import_file();

    @Message("Survey address (optional)")
    String import_slug();

    @Message("Import")
    String import_submit();

    @Message("The form was not imported. Fix these problems and upload it again:")
    String import_failed();

    @Message("Questions")
    String questions();

    @Message("Waves")
    String waves();

    @Message("Baseline")
    String wave_baseline();

    @Message("Endline")
    String wave_endline();

    @Message("Continuous")
    String wave_continuous();

    @Message("open")
    String status_open();

    @Message("closed")
    String status_closed();

    @Message("not opened")
    String status_not_opened();

    @Message("Open")
    String open_wave();

    @Message("Close")
    String close_wave();

    @Message("Public link")
    String public_link();

    @Message("QR code")
    String qr_code();

    @Message("Upload answers collected on paper (CSV)")
    String upload_title();

    @Message("One column per question name; several choices of a multiple-choice question separated by spaces.")
    String upload_help();

    @Message("Column template")
    String upload_template();

    @Message("Wave")
    String wave();

    @Message("CSV file")
    String upload_file();

    @Message("If some rows have problems, import only the valid rows")
    String upload_good_only();

    @Message("Upload")
    String upload_submit();

    @Message("{stored} answers stored; {duplicates} were already stored.")
    String upload_stored(int stored, int duplicates);

    @Message("Nothing was stored: {count} rows have problems. Fix them, or choose to import only the valid rows.")
    String upload_rejected(int count);

    @Message("{count} rows with problems were skipped:")
    String upload_skipped(int count);

    @Message("Results")
    String results();

    // ---- results ----

    @Message("Figures from fewer than {k} respondents are shown as “< {k}”. Figures marked “hidden” are withheld so that a small group cannot be worked out from totals.")
    String suppression_note(int k);

    @Message("Respondents")
    String respondents();

    @Message("Answered")
    String answered();

    @Message("Mean (1-5)")
    String mean();

    @Message("Mean score")
    String mean_score();

    @Message("Not stated")
    String not_stated();

    @Message("All")
    String all();

    @Message("hidden")
    String hidden();

    @Message("Knowledge score")
    String knowledge_score();

    @Message("Correct answers")
    String percent_correct();

    @Message("correct answer")
    String correct_answer();

    @Message("Other")
    String other_answers();

    @Message("Rows such as “1–2” or “Other (…)” hold answers that fewer than {k} people gave, merged with their neighbours or pooled. A mean or change written “3.45 ±0.05” has merged or hidden answers behind it: it is computed from the figures shown only and rounded, and the exact value lies within the ± of the figure.")
    String recoding_note(int k);

    @Message("Change from baseline to endline")
    String change_title();

    @Message("Change with its 95% confidence interval: percentage points for correct answers (Wald), difference of means otherwise (Welch).")
    String change_note();

    @Message("Change [95% CI]")
    String change();

    @Message("Reach by channel")
    String reach_title();

    @Message("Breakdown")
    String breakdown();

    @Message("Age band")
    String by_age_band();

    @Message("Gender")
    String by_gender();

    @Message("Region")
    String by_region();

    @Message("Show")
    String show();

    @Message("Download the figures (CSV)")
    String export_csv();

    @Message("Free-text answers")
    String free_text();

    @Message("Phone numbers and e-mail addresses are masked.")
    String free_text_masked();

    @Message("Answers are shown once at least {k} people have answered this question in this wave.")
    String free_text_too_few(int k);

    @Message("No answers yet.")
    String no_answers();

    @Message("Newer")
    String newer();

    @Message("Older")
    String older();
}
