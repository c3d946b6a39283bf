-- Hotlines, shelters and referral services. A campaign may only be published for a place and language that one
-- of these serves (001 L83, L111). Imported entries belong to no organization and only admins change them.
create table help_resource (
    id            bigserial primary key,
    slug          varchar(120)  not null unique,
    organization  varchar(100),
    kind          varchar(20)   not null,
    country       char(2)       not null,
    region        varchar(100),
    languages     varchar(35)[] not null,
    names         jsonb         not null,
    contact       varchar(500)  not null,
    active        boolean       not null default true,
    demo          boolean       not null default false,
    last_verified date,
    updated_by    varchar(64)   not null,
    updated_at    timestamptz   not null default now(),
    constraint help_resource_kind check (kind in ('hotline', 'shelter', 'referral'))
);
create index help_resource_place on help_resource (country, lower(region)) where active;
