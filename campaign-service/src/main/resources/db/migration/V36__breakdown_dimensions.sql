-- Breakdowns by any single-choice question and by collection team (issue 13 point 2, issue 12 point 3).
--
-- Which questions results may be broken down by (and filtered on) is the campaign manager's decision, once per
-- survey. Until they decide, every background question, every single-choice question and the collection team are
-- allowed. A decision is a row here plus one row per allowed question.
create table survey_breakdown_setting (
    survey_id  bigint      primary key references survey (id) on delete cascade,
    -- answers per collection link (field team)
    collector  boolean     not null,
    changed_by varchar(64) not null,
    changed_at timestamptz not null default now()
);
create table survey_breakdown_question (
    survey_id   bigint not null references survey_breakdown_setting (survey_id) on delete cascade,
    question_id bigint not null references survey_question (id) on delete cascade,
    primary key (survey_id, question_id)
);

-- The dimensions in force for each survey: a question's id, or -2 for the collection team (question ids are
-- positive; -1 is the knowledge score's place in the cells). slot is where the question's answer is stored.
create view survey_breakdown_dimension as
select q.survey_id, q.id as dimension, q.slot
from survey_question q
where q.slot is not null
  and q.kind in ('single', 'likert', 'knowledge')
  and case when exists (select 1 from survey_breakdown_setting s where s.survey_id = q.survey_id)
           then exists (select 1 from survey_breakdown_question b where b.survey_id = q.survey_id and b.question_id = q.id)
           else q.kind = 'single' or q.role in ('age_band', 'gender', 'region') end
union all
select s.id, -2, null
from survey s
where coalesce((select b.collector from survey_breakdown_setting b where b.survey_id = s.id), true);

-- The groups a response counts in: everyone (0, 0, 0, 0), each dimension's group (dimension, value, 0, 0) and each
-- pair of dimensions' group (the smaller dimension first), which a breakdown with a filter needs ("women, by
-- nationality"). A question not answered or not asked is value 0 ("not stated"); so is an answer that came without
-- a collection link.
create view survey_response_group as
select r.id as response_id, g.dim_a, g.value_a, g.dim_b, g.value_b
from survey_response r
cross join lateral (
    with v as (
        select d.dimension,
               case when d.dimension = -2 then coalesce(r.collector, 0)::integer
                    else coalesce(r.answers[d.slot], 0) end as value
        from survey_breakdown_dimension d
        where d.survey_id = r.survey_id)
    select 0::bigint as dim_a, 0 as value_a, 0::bigint as dim_b, 0 as value_b
    union all
    select v.dimension, v.value, 0::bigint, 0 from v
    union all
    select a.dimension, a.value, b.dimension, b.value from v a join v b on a.dimension < b.dimension
) g;

-- The rollup keeps each response's cells per group instead of per (age band, gender, region) combination: its size
-- grows with the pairs of allowed dimensions' classes, not with their product, and the results read the groups
-- they show directly. The key starts with the groups' dimensions so that reading everyone and the single
-- dimensions (dim_b = 0), or one pair, is a range of the index. Rebuilt from the responses: the fold refills it.
drop table survey_tally;
create table survey_tally (
    survey_id   bigint   not null,
    dim_b       bigint   not null,
    dim_a       bigint   not null,
    wave        smallint not null,
    question_id bigint   not null,
    choice      integer  not null,
    value_a     integer  not null,
    value_b     integer  not null,
    n           bigint   not null,
    total       bigint   not null,
    total_sq    numeric  not null,
    low         bigint,
    high        bigint,
    primary key (survey_id, dim_b, dim_a, wave, question_id, choice, value_a, value_b)
);
insert into survey_response_pending (response_id, survey_id)
select id, survey_id from survey_response
on conflict do nothing;
