-- Learning: enrolments pinned to a course version, lesson progress, assessment attempts, certificates.
-- Trainees are known by subject id and display name only (PRODUCT.md §8); the organization claim is kept for
-- reports by institution.

create table enrolment (
    id           bigserial primary key,
    course_id    bigint       not null references course (id),
    version_id   bigint       not null references course_version (id),
    subject      varchar(64)  not null,
    display_name varchar(200) not null,
    organization varchar(120),
    language     varchar(35)  not null,
    status       varchar(20)  not null default 'active' check (status in ('active', 'completed')),
    enrolled_at  timestamptz  not null default now(),
    completed_at timestamptz,
    unique (subject, version_id)
);
create index enrolment_course on enrolment (course_id, subject);

create table lesson_progress (
    enrolment_id bigint      not null references enrolment (id),
    lesson_id    bigint      not null references lesson (id),
    studied_at   timestamptz not null default now(),
    primary key (enrolment_id, lesson_id)
);

create table attempt (
    id            bigserial primary key,
    enrolment_id  bigint        not null references enrolment (id),
    assessment_id bigint        not null references assessment (id),
    kind          varchar(20)   not null,
    score         numeric(5, 2) not null check (score between 0 and 100),
    passed        boolean       not null,
    submitted_at  timestamptz   not null default now()
);
create index attempt_enrolment on attempt (enrolment_id, kind);

create table attempt_answer (
    attempt_id  bigint        not null references attempt (id),
    question_id bigint        not null references question (id),
    response    varchar(2000),
    fraction    numeric(8, 5) not null,
    primary key (attempt_id, question_id)
);

alter table certificate add column enrolment_id bigint references enrolment (id);
alter table certificate add column course_id bigint references course (id);
alter table certificate add column language varchar(35);
-- Set when a later version of the course is published as a legal change (PRODUCT.md §3, 001 L150).
alter table certificate add column refresher_due boolean not null default false;
create unique index certificate_one_per_enrolment on certificate (enrolment_id) where enrolment_id is not null;
create index certificate_course on certificate (course_id, holder_subject);
