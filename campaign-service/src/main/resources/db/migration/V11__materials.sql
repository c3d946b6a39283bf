-- Materials of a campaign and their language variants. A variant, like a campaign version, is never overwritten
-- once published: a change creates the next variant of that language, reviewed on its own.
alter table media add column organization varchar(100);

create table material (
    id          bigserial primary key,
    campaign_id bigint       not null references campaign (id) on delete cascade,
    slug        varchar(120) not null,
    kind        varchar(30)  not null,
    position    int          not null default 0,
    created_by  varchar(64)  not null,
    created_at  timestamptz  not null default now(),
    constraint material_slug unique (campaign_id, slug),
    constraint material_kind check (kind in ('poster', 'leaflet', 'radio-script', 'video', 'social-media-post', 'sms'))
);

create table material_variant (
    id                         bigserial primary key,
    material_id                bigint       not null references material (id) on delete cascade,
    language                   varchar(35)  not null,
    number                     int          not null,
    title                      varchar(300) not null,
    body_markdown              text         not null default '',
    body_html                  text         not null default '',
    media_id                   bigint references media (id),
    translation_status         varchar(20)  not null,
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
    constraint material_variant_number unique (material_id, language, number),
    constraint material_variant_status check (status in ('draft', 'in_review', 'published', 'archived')),
    constraint material_variant_translation check (translation_status in ('original', 'in-progress', 'translated', 'outdated'))
);
create unique index material_variant_one_open on material_variant (material_id, language) where status in ('draft', 'in_review');
create unique index material_variant_one_published on material_variant (material_id, language) where status = 'published';
create index material_variant_media on material_variant (media_id) where media_id is not null;
