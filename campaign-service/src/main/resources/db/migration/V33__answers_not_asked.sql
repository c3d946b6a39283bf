-- Answers to forms with logic (issue 11): questions not asked, decimal and date answers, answers from ODK Collect.
--
-- survey_response.answers keeps one integer per question slot (V30), now also for:
--   decimal: the number in thousandths (3 decimal places; more are rounded half-up when read), so 12.5 is 12500.
--            Answers are limited to +-1,000,000, so the scaled value fits an integer and sums stay exact.
--   date:    days since 1970-01-01 (negative before), so 2026-12-05 is 20792.
--   calculate (stored when the form names it in the results, beacon_kind result): its number, like a decimal.
-- A null slot means the respondent was asked and did not answer. A question whose relevance was false for this
-- respondent (it, or a group around it, was skipped) was NOT ASKED: its slot is listed in not_asked (and its answer
-- is null). Results count a question over those who were asked: asked = respondents - not asked.
alter table survey_response add column not_asked integer[] not null default '{}';

-- The OpenRosa collection link an ODK Collect submission came through (a foreign key is added with the links).
alter table survey_response add column collector bigint;
alter table survey_response drop constraint survey_response_source_check;
alter table survey_response add constraint survey_response_source_check
    check (source in ('web', 'upload', 'collect'));

-- The smallest and largest answer of a group, for decimal and date questions (choice 0 rows only; null elsewhere).
-- They fold with least/greatest, as the counts fold with +.
alter table survey_tally add column low bigint;
alter table survey_tally add column high bigint;

-- The contributions of one response, as in V30, plus:
--   choice -1 of a question counts those who were not asked it;
--   decimal, calculate and date questions: choice 0 carries the value in total (and in value, for min/max), and the answer
--   also falls in one bin, so the results can show a distribution from the rollup:
--     decimal (and calculate): bins of a 1-2-5 scale of the thousandths: 100 for zero, 100 + b for positive values and 100 - b for
--              negative ones, b = 3 * floor(log10(|v|)) + (1 if |v| < 2*10^d, 2 if < 5*10^d, else 3), so
--              1..1.999 is 110, 2..4.999 is 111, 5..9.999 is 112 (1 thousandth is b = 1; at most b = 30);
--     date:    the month, as year * 12 + month - 1 (2026-12 is 24323), always above 0.
drop view survey_response_cell;
create view survey_response_cell as
select r.id as response_id, r.survey_id, r.wave, c.question_id, c.choice, r.age_band, r.gender, r.region, c.total,
       c.value
from survey_response r
cross join lateral (
    select 0::bigint as question_id, 0 as choice, 0::bigint as total, null::bigint as value
    union all
    select -1::bigint, r.knowledge_score + 1, 0::bigint, null::bigint where r.knowledge_score is not null
    union all
    select q.id, x.choice, x.total, x.value
    from survey_question q
    cross join lateral (
        select 0 as choice,
               case when q.kind in ('integer', 'decimal', 'date', 'calculate') then r.answers[q.slot]::bigint
                    else 0::bigint end as total,
               case when q.kind in ('decimal', 'date', 'calculate') then r.answers[q.slot]::bigint end as value
        union all
        select r.answers[q.slot], 0::bigint, null::bigint where q.kind in ('single', 'likert', 'knowledge')
        union all
        select b, 0::bigint, null::bigint from generate_series(1, q.choice_count) b
        where q.kind = 'multiple' and (r.answers[q.slot] & (1 << (b - 1))) <> 0
        union all
        select case when v.a = 0 then 100
                    else 100 + sign(v.a)::integer * (3 * v.d + case when abs(v.a) < 2 * 10::bigint ^ v.d then 1
                                                                   when abs(v.a) < 5 * 10::bigint ^ v.d then 2
                                                                   else 3 end)
               end, 0::bigint, null::bigint
        from (select r.answers[q.slot]::bigint as a,
                     case when r.answers[q.slot] = 0 then 0
                          else length(abs(r.answers[q.slot]::bigint)::text) - 1 end as d) v
        where q.kind in ('decimal', 'calculate')
        union all
        select (extract(year from date '1970-01-01' + r.answers[q.slot]) * 12
                + extract(month from date '1970-01-01' + r.answers[q.slot]) - 1)::integer, 0::bigint, null::bigint
        where q.kind = 'date'
    ) x
    where q.survey_id = r.survey_id and q.slot is not null and r.answers[q.slot] is not null
    union all
    select q.id, -1, 0::bigint, null::bigint
    from unnest(r.not_asked) s(slot)
    join survey_question q on q.survey_id = r.survey_id and q.slot = s.slot
) c;
