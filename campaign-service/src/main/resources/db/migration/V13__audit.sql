-- Who published, unpublished or approved what, and when (PRODUCT.md §8). Rows are only ever inserted.
create table audit_entry (
    id           bigserial primary key,
    at           timestamptz  not null default now(),
    actor        varchar(64)  not null,
    actor_name   varchar(200) not null,
    organization varchar(100),
    action       varchar(40)  not null,
    subject_type varchar(40)  not null,
    subject_id   bigint,
    summary      varchar(1000) not null
);
create index audit_entry_at on audit_entry (at desc, id desc);
