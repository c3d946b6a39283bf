-- Each enrolment's own secret key for the values its answer options are sent with (enrolment/AnswerOptions): a value
-- derived from it tells nothing about which option is right, and the order the options are shown in follows it.
-- Filled per row for existing enrolments (a volatile default is evaluated for each row).
alter table enrolment add column option_key uuid not null default gen_random_uuid();
