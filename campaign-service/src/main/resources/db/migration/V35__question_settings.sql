-- Question settings (issue 13, point 3): a form imported without Beacon's own columns gets full results once its
-- manager marks, on the survey's page, which questions are knowledge items (with their right answer and any part
-- credit), background questions, the channel question and reverse-worded Likert items. Changing them rescores the
-- stored responses and rebuilds the rollup from survey_response (results.Rollup).

-- A Likert item worded negatively ("It is acceptable for an employer to keep workers' identity papers"): its means
-- and changes count answer 1 as 5 and 5 as 1, so that more agreement reads as a worsening.
alter table survey_question add column reversed boolean not null default false;

-- 'background': a background question that is not one of the three fixed dimensions (nationality, district, ...).
alter table survey_question drop constraint survey_question_role_check;
alter table survey_question add constraint survey_question_role_check
    check (role in ('age_band', 'gender', 'region', 'channel', 'background'));

-- Part credit of a knowledge item's option, in percent of a right answer (the right answer is answer_key). Only
-- quarters, so that a knowledge score stays a multiple of a quarter point and its distribution has few classes.
-- With part credit, survey_response.knowledge_score counts in the survey's score unit (SurveyForm.scoreUnit: a
-- half or a quarter of a point) rather than whole points; the rescoring keeps every response in the same unit.
alter table survey_choice add column credit smallint check (credit in (25, 50, 75));

-- Bumped with every change of the settings, so that cached survey snapshots are rebuilt (survey.revision also
-- versions the XForm served to ODK Collect, which a settings change leaves alone).
alter table survey add column settings_revision integer not null default 0;
