-- Foundation of the campaign schema: campaigns owned by an organization, and their media.
create table campaign (
    id               bigserial primary key,
    slug             varchar(120) not null unique,
    organization     varchar(100) not null,
    default_language varchar(35)  not null,
    title            varchar(300) not null,
    status           varchar(20)  not null default 'draft',
    created_by       varchar(64)  not null,
    created_at       timestamptz  not null default now()
);
create index campaign_organization on campaign (organization);

create table media (
    id           bigserial primary key,
    storage_key  varchar(200) not null unique,
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    uploaded_by  varchar(64)  not null,
    uploaded_at  timestamptz  not null default now()
);
