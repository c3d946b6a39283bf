-- A translation written for an older default-language text is outdated: it still shows (better than nothing) but
-- no longer counts as translated, so the translation status falls below 100 % until a translator saves it again.
-- Set when the default language's text of the same owner and field changes; cleared when the translation is saved.
alter table content_text add column outdated boolean not null default false;

-- Moodle writes weights with five decimals of a percent (33.33333 %): a fraction needs seven to keep them, so that
-- a GIFT file exported again says what was imported.
alter table question_answer alter column fraction type numeric(10, 7);
