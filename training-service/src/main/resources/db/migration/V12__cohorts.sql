-- Cohorts: a trainer's blended workshop for one course, with its trainees and attendance at its sessions.

create table cohort (
    id              bigserial primary key,
    name            varchar(200) not null,
    course_id       bigint       not null references course (id),
    institution     varchar(200) not null,
    organization    varchar(120),
    trainer_subject varchar(64)  not null,
    trainer_name    varchar(200) not null,
    starts_on       date         not null,
    ends_on         date         not null,
    created_at      timestamptz  not null default now(),
    check (ends_on >= starts_on)
);
create index cohort_trainer on cohort (trainer_subject);

create table cohort_member (
    cohort_id    bigint       not null references cohort (id),
    subject      varchar(64)  not null,
    display_name varchar(200) not null,
    added_at     timestamptz  not null default now(),
    primary key (cohort_id, subject)
);

create table cohort_session (
    id        bigserial primary key,
    cohort_id bigint       not null references cohort (id),
    held_on   date         not null,
    topic     varchar(300) not null
);

create table attendance (
    session_id bigint      not null references cohort_session (id),
    subject    varchar(64) not null,
    present    boolean     not null,
    primary key (session_id, subject)
);
