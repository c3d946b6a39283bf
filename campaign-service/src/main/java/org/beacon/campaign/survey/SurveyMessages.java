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

    @Message("Page {fmt:number(page)} of {fmt:number(count)}")
    String page_of(int page, int count);

    @Message("(the number of pages depends on your answers)")
    String page_count_may_change();

    @Message("I have read this")
    String acknowledge();

    /** @param plural the count's plural category in the page's language ({@code count.plural}) */
    @Message("{#if plural == 'one'}{fmt:number(count)} answer needs your attention.{#else}{fmt:number(count)} answers need your attention.{/if}")
    String problems(int count, String plural);

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

    @Message("Please write a time (hours:minutes, for example 14:30).")
    String problem_not_a_time();

    @Message("Please write a date and a time (year-month-day and hours:minutes).")
    String problem_not_a_date_time();

    @Message("This answer is not allowed.")
    String problem_constraint();

    @Message("This question does not apply to your earlier answers: please leave it empty.")
    String problem_not_relevant();

    @Message("This number is too large.")
    String problem_out_of_range();

    @Message("Please check the year of this date.")
    String problem_year_out_of_range();

    @Message("This answer is too long.")
    String problem_too_long();

    @Message("This answer could not be read. Please write it again.")
    String problem_unreadable();

    @Message("At most {fmt:number(max)} characters.")
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

    /** @param plural the plural category of {@code stored} in the page's language ({@code stored.plural}) */
    @Message("{#if plural == 'one'}{fmt:number(stored)} answer stored{#else}{fmt:number(stored)} answers stored{/if}; {fmt:number(duplicates)} were already stored.")
    String upload_stored(int stored, String plural, int duplicates);

    /** @param plural the plural category of {@code count} in the page's language ({@code count.plural}) */
    @Message("Nothing was stored: {#if plural == 'one'}{fmt:number(count)} row has{#else}{fmt:number(count)} rows have{/if} problems. Fix them, or choose to import only the valid rows.")
    String upload_rejected(int count, String plural);

    /** @param plural the plural category of {@code count} in the page's language ({@code count.plural}) */
    @Message("{#if plural == 'one'}{fmt:number(count)} row with problems was skipped:{#else}{fmt:number(count)} rows with problems were skipped:{/if}")
    String upload_skipped(int count, String plural);

    @Message("Results")
    String results();

    // ---- results ----

    @Message("Figures from fewer than {fmt:number(k)} respondents are shown as “< {fmt:number(k)}”. Figures marked “hidden” are withheld so that a small group cannot be worked out from totals.")
    String suppression_note(int k);

    @Message("{#if count == 1}One hidden figure{#else}{fmt:number(count)} hidden figures{/if} can be narrowed down to fewer than {fmt:number(width)} possible values from the figures shown: hiding more would have hidden the number of people asked, which stays shown.")
    String narrow_ranges_note(int count, int width);

    @Message("{#if count == 1}One hidden figure{#else}{fmt:number(count)} hidden figures{/if} can be narrowed down to fewer than {fmt:number(width)} possible values from the figures shown: in a filtered breakdown, hiding more would have meant hiding figures that the results without a filter already show (the number of people asked, the groups within each group). For figures that nothing narrows, filter on a larger group or break the results down by a question with fewer groups.")
    String narrow_ranges_filtered_note(int count, int width);

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

    /** The collection team's group of answers that came through no link (the web form, uploads). */
    @Message("Without a collection link")
    String without_link();

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

    @Message("Rows such as “1–2” or “Other (…)” hold answers that fewer than {fmt:number(k)} people gave, merged with their neighbours or pooled. A mean, share or change written “3.45 ±0.05” or “45% ±10%” has merged or hidden answers behind it: it is computed from the figures shown only and rounded, and the exact value lies within the ± of the figure. A count written “52–77” is shown as the range it lies in rather than hidden, with the shares that range gives.")
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

    @Message("The same figures as JSON")
    String export_json();

    @Message("Go to the breakdown by {dimension}")
    String to_breakdown(String dimension);

    @Message("Free-text answers")
    String free_text();

    @Message("Phone numbers and e-mail addresses are masked.")
    String free_text_masked();

    @Message("Answers are shown once at least {fmt:number(k)} people have answered this question in this wave.")
    String free_text_too_few(int k);

    @Message("No answers yet.")
    String no_answers();

    @Message("Newer")
    String newer();

    @Message("Older")
    String older();

    // ---- question settings (what each question stands for in the results) ----

    @Message("Question settings")
    String settings_title();

    @Message("Question settings: knowledge items and their answers, background questions, channel, reverse-worded items")
    String settings_link();

    @Message("Mark what each question stands for in the results. A form imported without Beacon's own columns (beacon_kind, beacon_answer) has no knowledge score and no breakdown until its questions are marked here.")
    String settings_intro();

    @Message("This survey already has answers: saving recomputes every knowledge score and every figure of its results.")
    String settings_answered();

    @Message("This form has no knowledge item and no background question marked, so its results have no knowledge score and no breakdown. Mark them in the question settings.")
    String settings_unmarked();

    @Message("Use in the results")
    String settings_use();

    @Message("Plain question")
    String use_plain();

    @Message("Knowledge item")
    String use_knowledge();

    @Message("Background: age band")
    String use_age_band();

    @Message("Background: gender")
    String use_gender();

    @Message("Background: region")
    String use_region();

    @Message("Background: other (nationality, district…)")
    String use_background();

    @Message("Channel (how respondents heard of the campaign)")
    String use_channel();

    @Message("Likert item (agreement 1 to 5)")
    String use_likert();

    // What kind of answer a question takes, named on the survey and question settings pages.
    @Message("single choice")
    String kind_single();

    @Message("multiple choice")
    String kind_multiple();

    @Message("Likert scale 1–5")
    String kind_likert();

    @Message("knowledge item")
    String kind_knowledge();

    @Message("whole number")
    String kind_integer();

    @Message("decimal number")
    String kind_decimal();

    @Message("date")
    String kind_date();

    @Message("time")
    String kind_time();

    @Message("date and time")
    String kind_datetime();

    @Message("text")
    String kind_text();

    @Message("note")
    String kind_note();

    @Message("acknowledgement")
    String kind_acknowledge();

    @Message("calculation")
    String kind_calculate();

    @Message("Right answer (knowledge item)")
    String settings_answer();

    @Message("Part credit of the other options (knowledge item)")
    String settings_credit();

    @Message("no credit")
    String credit_none();

    /** @param percent the credit as the reader writes a percentage ("50 %" in French) */
    @Message("{percent} credit")
    String credit(String percent);

    @Message("Reverse-worded: agreeing is the worse answer (the mean counts answer 1 as 5 and 5 as 1)")
    String settings_reversed();

    @Message("Save the settings")
    String settings_save();

    @Message("The settings were saved and the results recomputed.")
    String settings_saved();

    @Message("Nothing changed.")
    String settings_unchanged();

    @Message("Nothing was changed. Fix these problems and save again:")
    String settings_refused();

    @Message("{question}: there is no such question in this survey.")
    String settings_problem_unknown_question(String question);

    @Message("{question}: a question of this kind cannot have this use.")
    String settings_problem_unknown_use(String question);

    @Message("{question}: a knowledge item is a single-choice question.")
    String settings_problem_knowledge_not_single(String question);

    @Message("{question}: a knowledge item needs its right answer, one of its choices.")
    String settings_problem_no_right_answer(String question);

    /** The three credits an option may earn, each as the reader writes a percentage. */
    @Message("{question}: part credit is {quarter}, {half} or {threeQuarters} and goes to an option other than the right answer.")
    String settings_problem_bad_credit(String question, String quarter, String half, String threeQuarters);

    @Message("{question}: a background question is a single-choice question.")
    String settings_problem_background_not_single(String question);

    @Message("{question}: the channel question is a single- or multiple-choice question.")
    String settings_problem_channel_not_choice(String question);

    @Message("{question} and {other} are given the same role: age band, gender, region and channel each belong to one question.")
    String settings_problem_role_twice(String question, String other);

    @Message("{question}: the gender question must offer “prefer not to say” (a choice whose name begins with prefer_not).")
    String settings_problem_gender_prefer_not(String question);

    @Message("{question}: only a Likert item (choices 1 to 5) can be reverse-worded.")
    String settings_problem_reversed_not_likert(String question);

    @Message("reverse-worded: the mean counts answer 1 as 5 and 5 as 1")
    String reversed_item();

    @Message("all answers")
    String all_answers();

    @Message("Asked")
    String asked_row();

    @Message("Mean")
    String mean_plain();

    @Message("Lowest")
    String lowest();

    @Message("Highest")
    String highest();
}
