-- A campaign keeps its identity (id, slug, organization) while its content moves through versions: a published
-- version is never overwritten, a change starts a new draft version that needs its own review (PRODUCT.md §4).
-- The campaign row keeps a summary (title, status) of its versions so lists and the public index stay one query.
alter table campaign add column updated_at timestamptz not null default now();

create table campaign_version (
    id                         bigserial primary key,
    campaign_id                bigint       not null references campaign (id) on delete cascade,
    number                     int          not null,
    default_language           varchar(35)  not null,
    target_groups              varchar(40)[] not null default '{}',
    channels                   varchar(40)[] not null default '{}',
    period_start               date,
    period_end                 date,
    status                     varchar(20)  not null default 'draft',
    created_by                 varchar(64)  not null,
    created_at                 timestamptz  not null default now(),
    edited_by                  varchar(64)  not null,
    edited_at                  timestamptz  not null default now(),
    submitted_by               varchar(64),
    submitted_at               timestamptz,
    approved_by                varchar(64),
    approved_at                timestamptz,
    check_safe_alternatives    boolean      not null default false,
    check_thb_som_distinction  boolean      not null default false,
    check_sensitivity          boolean      not null default false,
    check_no_identifying_image boolean      not null default false,
    published_by               varchar(64),
    published_at               timestamptz,
    constraint campaign_version_number unique (campaign_id, number),
    constraint campaign_version_status check (status in ('draft', 'in_review', 'published', 'archived'))
);
-- At most one version being worked on and at most one on the public page.
create unique index campaign_version_one_open on campaign_version (campaign_id) where status in ('draft', 'in_review');
create unique index campaign_version_one_published on campaign_version (campaign_id) where status = 'published';

create table campaign_translation (
    id           bigserial primary key,
    version_id   bigint       not null references campaign_version (id) on delete cascade,
    language     varchar(35)  not null,
    title        varchar(300) not null,
    objectives   text         not null default '',
    key_messages text[]       not null default '{}',
    constraint campaign_translation_language unique (version_id, language)
);

create table campaign_place (
    id         bigserial primary key,
    version_id bigint       not null references campaign_version (id) on delete cascade,
    position   int          not null,
    country    char(2)      not null,
    region     varchar(100)
);
create index campaign_place_version on campaign_place (version_id);

-- Campaigns created before versions existed become version 1 with their title as the only translation.
insert into campaign_version (campaign_id, number, default_language, status, created_by, edited_by)
select id, 1, default_language, case when status = 'published' then 'draft' else status end, created_by, created_by
from campaign;
update campaign set status = 'draft' where status not in ('draft', 'in_review', 'archived');
insert into campaign_translation (version_id, language, title)
select v.id, c.default_language, c.title from campaign c join campaign_version v on v.campaign_id = c.id;
