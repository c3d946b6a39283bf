-- Surveys carry real XLSForm logic (issue 11): the definition is kept as the ODK XForm it converts to, which the
-- public form and the answer checks run in ODK's engine, next to Beacon's question model derived from the same rows.

-- The converted XForm; null for surveys imported before V32, which get one converted from their stored questions
-- when they are loaded (SurveyForms), so they stay answerable without a re-import.
alter table survey add column xform text;
-- What the conversion left out or filled in (metadata not collected, settings ignored, missing translations),
-- shown in the import report.
alter table survey add column notices jsonb not null default '[]'::jsonb;

-- The question's node in the XForm instance, e.g. /data/grp/q1. XLSForm scopes names by group, so the same name may
-- occur in two groups and the path, not the name, identifies a question. Questions stored before V32 were all at the
-- top level.
alter table survey_question add column path varchar(400);
update survey_question set path = '/data/' || name;
alter table survey_question alter column path set not null;
alter table survey_question drop constraint survey_question_survey_id_name_key;
alter table survey_question add constraint survey_question_survey_id_path_key unique (survey_id, path);

-- decimal and date answers; acknowledge (one "OK" choice); calculate (computed by the form, stored only when the
-- form asks for it with beacon_kind result).
alter table survey_question drop constraint survey_question_kind_check;
alter table survey_question add constraint survey_question_kind_check
    check (kind in ('likert', 'single', 'multiple', 'integer', 'text', 'knowledge', 'note', 'decimal', 'date',
                    'acknowledge', 'calculate'));

-- The question, or a group around it, has a relevant rule: some respondents are not asked it.
alter table survey_question add column conditional boolean not null default false;
