-- Evaluation surveys (PRODUCT.md §5): definitions imported from XLSForm, anonymous responses and their rollup.
-- Exports and other survey actions go to the campaign service's audit_entry table (V13).

create table survey (
    id               bigserial primary key,
    campaign_id      bigint       not null references campaign (id),
    slug             varchar(120) not null unique,
    title            varchar(300) not null,
    form_id          varchar(120),
    form_version     varchar(60),
    default_language varchar(35)  not null,
    languages        varchar(300) not null,
    consent          jsonb        not null default '{}'::jsonb,
    -- Bumped whenever the definition is replaced, so cached form definitions are never stale.
    revision         integer      not null default 1,
    -- Hash of the imported definition: importing the same form again changes nothing.
    fingerprint      varchar(64)  not null,
    created_by       varchar(64)  not null,
    created_at       timestamptz  not null default now()
);
create index survey_campaign on survey (campaign_id);

create table survey_question (
    id           bigserial primary key,
    survey_id    bigint       not null references survey (id) on delete cascade,
    position     integer      not null,
    -- Index into survey_response.answers; null for notes, which collect nothing.
    slot         integer,
    name         varchar(100) not null,
    kind         varchar(12)  not null
        check (kind in ('likert', 'single', 'multiple', 'integer', 'text', 'knowledge', 'note')),
    -- What a question stands for in the results: a background dimension or the channel of reach.
    role         varchar(12)
        check (role in ('age_band', 'gender', 'region', 'channel')),
    required     boolean      not null default false,
    label        jsonb        not null,
    hint         jsonb        not null default '{}'::jsonb,
    answer_key   integer,
    choice_count integer      not null default 0,
    unique (survey_id, name),
    unique (survey_id, slot)
);

create table survey_choice (
    id          bigserial primary key,
    question_id bigint       not null references survey_question (id) on delete cascade,
    position    integer      not null,
    name        varchar(100) not null,
    label       jsonb        not null,
    unique (question_id, name),
    unique (question_id, position)
);

create table survey_wave (
    id        bigserial primary key,
    survey_id bigint      not null references survey (id) on delete cascade,
    wave      varchar(12) not null check (wave in ('baseline', 'endline', 'continuous')),
    status    varchar(8)  not null check (status in ('open', 'closed')),
    opened_at timestamptz,
    closed_at timestamptz,
    unique (survey_id, wave)
);

-- One row per response, answers packed by question slot: the choice position for single choice, Likert,
-- knowledge and background questions, a bit mask for multiple choice, the number for integer questions, 1 for
-- an answered free text (its text lives in survey_text_answer). Background positions are repeated in their own
-- columns so breakdowns group on plain columns. Deliberately absent: IP address, user agent, session, time of day.
create table survey_response (
    id              bigserial primary key,
    survey_id       bigint      not null references survey (id),
    wave            smallint    not null,
    idempotency_key uuid        not null,
    source          varchar(8)  not null check (source in ('web', 'upload')),
    language        varchar(35) not null,
    received_on     date        not null default current_date,
    age_band        smallint    not null default 0,
    gender          smallint    not null default 0,
    region          smallint    not null default 0,
    knowledge_score smallint,
    answers         integer[]   not null,
    unique (survey_id, idempotency_key)
);

create table survey_text_answer (
    response_id bigint        not null references survey_response (id) on delete cascade,
    question_id bigint        not null references survey_question (id) on delete cascade,
    answer      varchar(4000) not null,
    primary key (question_id, response_id)
);

-- Responses whose figures are not yet in survey_tally. Inserted with the response in one transaction and deleted
-- by the fold in the same transaction that adds them to the tally, so every response is counted exactly once.
create table survey_response_pending (
    response_id bigint primary key references survey_response (id) on delete cascade,
    survey_id   bigint not null
);
create index survey_response_pending_survey on survey_response_pending (survey_id);

-- The contributions of one response to the results, one row per figure: question 0 counts the respondent,
-- question -1 carries the knowledge score plus one as its choice, choice 0 of a question counts those who answered it
-- (with the number for integer questions), choice n counts those who chose the n-th choice.
create view survey_response_cell as
select r.id as response_id, r.survey_id, r.wave, c.question_id, c.choice, r.age_band, r.gender, r.region, c.total
from survey_response r
cross join lateral (
    select 0::bigint as question_id, 0 as choice, 0::bigint as total
    union all
    select -1::bigint, r.knowledge_score + 1, 0::bigint where r.knowledge_score is not null
    union all
    select q.id, x.choice, x.total
    from survey_question q
    cross join lateral (
        select 0 as choice, case when q.kind = 'integer' then r.answers[q.slot]::bigint else 0::bigint end as total
        union all
        select r.answers[q.slot], 0::bigint where q.kind in ('single', 'likert', 'knowledge')
        union all
        select b, 0::bigint from generate_series(1, q.choice_count) b
        where q.kind = 'multiple' and (r.answers[q.slot] & (1 << (b - 1))) <> 0
    ) x
    where q.survey_id = r.survey_id and q.slot is not null and r.answers[q.slot] is not null
) c;

-- Maintained rollup: the sum of survey_response_cell over the folded responses. Not stated background = 0
-- (PostgreSQL 14 has no NULLS NOT DISTINCT for the upsert key).
create table survey_tally (
    survey_id   bigint   not null,
    wave        smallint not null,
    question_id bigint   not null,
    choice      integer  not null,
    age_band    smallint not null,
    gender      smallint not null,
    region      smallint not null,
    n           bigint   not null,
    total       bigint   not null,
    total_sq    numeric  not null,
    primary key (survey_id, wave, question_id, choice, age_band, gender, region)
);

-- Smallest group an organization's results show (PRODUCT.md §5: never below 5).
create table survey_disclosure_policy (
    organization  varchar(100) primary key,
    min_cell_size integer      not null check (min_cell_size >= 5),
    changed_by    varchar(64)  not null,
    changed_at    timestamptz  not null default now()
);
