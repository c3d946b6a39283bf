-- Time and date-time answers (XLSForm `time` and `dateTime`).
--
-- survey_response.answers keeps one integer per question slot (V30, V33), now also for:
--   time:     minutes after midnight (14:30 is 870), 0 to 1439; the respondent's clock, without a time zone.
--   datetime: minutes since 1970-01-01 00:00 on the respondent's clock (no time zone), years 1000 to 5999 so that
--             the value fits an integer.
alter table survey_question drop constraint survey_question_kind_check;
alter table survey_question add constraint survey_question_kind_check
    check (kind in ('likert', 'single', 'multiple', 'integer', 'text', 'knowledge', 'note', 'decimal', 'date',
                    'time', 'datetime', 'acknowledge', 'calculate'));

-- The contributions of one response, as in V33, plus time and datetime questions: choice 0 carries the value in
-- total and value (for the lowest and highest answer), and the answer falls in one bin:
--     time:     the hour, plus one (1 is 00:00-00:59, 24 is 23:00-23:59), always above 0;
--     datetime: the month, as for dates (year * 12 + month - 1).
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
               case when q.kind in ('integer', 'decimal', 'date', 'time', 'datetime', 'calculate') then r.answers[q.slot]::bigint
                    else 0::bigint end as total,
               case when q.kind in ('decimal', 'date', 'time', 'datetime', 'calculate') then r.answers[q.slot]::bigint end as value
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
        union all
        select r.answers[q.slot] / 60 + 1, 0::bigint, null::bigint
        where q.kind = 'time'
        union all
        select (extract(year from timestamp '1970-01-01' + r.answers[q.slot] * interval '1 minute') * 12
                + extract(month from timestamp '1970-01-01' + r.answers[q.slot] * interval '1 minute') - 1)::integer,
               0::bigint, null::bigint
        where q.kind = 'datetime'
    ) x
    where q.survey_id = r.survey_id and q.slot is not null and r.answers[q.slot] is not null
    union all
    select q.id, -1, 0::bigint, null::bigint
    from unnest(r.not_asked) s(slot)
    join survey_question q on q.survey_id = r.survey_id and q.slot = s.slot
) c;
