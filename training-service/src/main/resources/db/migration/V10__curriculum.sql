-- Curriculum: a course has versions; a version holds its own modules, lessons, texts, questions and assessments,
-- so that a published version never changes and an enrolment can keep the version it started (PRODUCT.md §3).

alter table course add column sectors varchar(300) not null default '';
alter table course add column country varchar(2);
alter table course add column created_by varchar(64);
update course set sectors = sector where sectors = '';

create table course_version (
    id               bigserial primary key,
    course_id        bigint       not null references course (id),
    number           integer      not null,
    status           varchar(20)  not null default 'draft'
        check (status in ('draft', 'in_review', 'published', 'archived')),
    default_language varchar(35)  not null,
    languages        varchar(300) not null,
    pass_mark        integer      not null default 70 check (pass_mark between 0 and 100),
    legal_change     boolean      not null default false,
    author_subject   varchar(64)  not null,
    reviewer_subject varchar(64),
    review_comment   varchar(2000),
    source_hash      varchar(64),
    created_at       timestamptz  not null default now(),
    submitted_at     timestamptz,
    published_at     timestamptz,
    unique (course_id, number)
);
-- At most one version in the making and one published per course: the workflow relies on it.
create unique index course_version_one_open on course_version (course_id) where status in ('draft', 'in_review');
create unique index course_version_one_published on course_version (course_id) where status = 'published';

-- Everyone who changed a version; none of them may approve it (four eyes).
create table version_contributor (
    version_id bigint      not null references course_version (id),
    subject    varchar(64) not null,
    primary key (version_id, subject)
);

create table course_module (
    id         bigserial primary key,
    version_id bigint       not null references course_version (id),
    position   integer      not null,
    slug       varchar(120) not null,
    unique (version_id, slug)
);

create table lesson (
    id        bigserial primary key,
    module_id bigint       not null references course_module (id),
    position  integer      not null,
    slug      varchar(120) not null,
    unique (module_id, slug)
);

create table glossary_term (
    id         bigserial primary key,
    version_id bigint       not null references course_version (id),
    position   integer      not null,
    term       varchar(120) not null,
    sources    varchar(500)
);

-- Every translatable text of a version, one row per owner, field and language. One table so that translation
-- completeness and fallback are the same query for courses, modules, lessons, questions and glossary entries.
create table content_text (
    id         bigserial primary key,
    version_id bigint      not null references course_version (id),
    owner_kind varchar(20) not null check (owner_kind in ('course', 'module', 'lesson', 'question', 'glossary')),
    owner_id   bigint      not null,
    field      varchar(30) not null,
    language   varchar(35) not null,
    value      text        not null,
    unique (owner_kind, owner_id, field, language)
);
create index content_text_version_language on content_text (version_id, language);

-- Media files of a version by the name lessons link them with (media/<file_name>).
create table version_media (
    id            bigserial primary key,
    version_id    bigint       not null references course_version (id),
    file_name     varchar(255) not null,
    attachment_id bigint       not null references attachment (id),
    unique (version_id, file_name)
);

create table lesson_attachment (
    lesson_id     bigint  not null references lesson (id),
    attachment_id bigint  not null references attachment (id),
    position      integer not null,
    primary key (lesson_id, attachment_id)
);

create table question (
    id           bigserial primary key,
    version_id   bigint       not null references course_version (id),
    position     integer      not null,
    name         varchar(120) not null,
    type         varchar(20)  not null check (type in ('single', 'multiple', 'truefalse', 'short')),
    truth        boolean,
    legal_source varchar(500),
    source_ref   varchar(200),
    unique (version_id, name)
);

-- Answers are per language: a short answer accepted in French is not the English one.
create table question_answer (
    id          bigserial primary key,
    question_id bigint        not null references question (id),
    language    varchar(35)   not null,
    position    integer       not null,
    text        varchar(2000) not null,
    fraction    numeric(8, 5) not null,
    feedback    varchar(2000),
    unique (question_id, language, position)
);

create table assessment (
    id         bigserial primary key,
    version_id bigint      not null references course_version (id),
    kind       varchar(20) not null check (kind in ('pretest', 'check', 'posttest')),
    module_id  bigint references course_module (id),
    check ((kind = 'check') = (module_id is not null))
);
create unique index assessment_one_per_kind on assessment (version_id, kind) where module_id is null;
create unique index assessment_one_per_module on assessment (module_id) where module_id is not null;

create table assessment_question (
    assessment_id bigint  not null references assessment (id),
    question_id   bigint  not null references question (id),
    position      integer not null,
    primary key (assessment_id, question_id)
);

-- Who did what to published content, and every export (PRODUCT.md §8).
create table audit_entry (
    id        bigserial primary key,
    at        timestamptz   not null default now(),
    actor     varchar(64)   not null,
    action    varchar(60)   not null,
    entity    varchar(40)   not null,
    entity_id bigint,
    detail    varchar(2000)
);
create index audit_entry_at on audit_entry (at desc);
