-- GIFT as Moodle writes it: numerical and matching questions, and descriptions (text between questions, never
-- answered or scored).
alter table question drop constraint question_type_check;
alter table question add constraint question_type_check
    check (type in ('single', 'multiple', 'truefalse', 'short', 'numerical', 'matching', 'description'));

-- A numerical answer's text is its number; a response within tolerance of it earns the answer's fraction (Moodle
-- keeps a range min..max as its middle and half its width, and so does Beacon).
alter table question_answer add column tolerance numeric check (tolerance >= 0);
-- A matching pair: text is the item (empty for a distractor), match_text what it matches.
alter table question_answer add column match_text varchar(2000);
