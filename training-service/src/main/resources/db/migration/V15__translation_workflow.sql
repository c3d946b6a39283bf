-- Each translation of a version has its own place in the workflow (PRODUCT.md §3: "per course and per
-- translation"). A version goes to review with all its translations, but a reviewer may send one language back, a
-- language may be added to a version already published, and a faulty translation may be withdrawn without
-- withdrawing the course. Trainees are offered only the published translations of the published version.
create table version_translation (
    id               bigserial    primary key,
    version_id       bigint       not null references course_version (id),
    language         varchar(35)  not null,
    status           varchar(16)  not null default 'draft'
                                  check (status in ('draft', 'in_review', 'published', 'archived')),
    reviewer_subject varchar(64),
    review_comment   text,
    published_at     timestamptz,
    unique (version_id, language)
);

-- Who wrote or changed a language of a version: none of them may approve that translation (four eyes).
create table translation_contributor (
    version_id bigint      not null references course_version (id),
    language   varchar(35) not null,
    subject    varchar(64) not null,
    primary key (version_id, language, subject)
);

-- Versions written before this migration: every translation takes its version's status, so what trainees were
-- offered stays offered, and whoever changed a version changed all its languages.
insert into version_translation (version_id, language, status, reviewer_subject, published_at)
select v.id, l.language, v.status, v.reviewer_subject, v.published_at
  from course_version v cross join lateral unnest(string_to_array(v.languages, ',')) as l(language);
insert into translation_contributor (version_id, language, subject)
select c.version_id, l.language, c.subject
  from version_contributor c join course_version v on v.id = c.version_id
       cross join lateral unnest(string_to_array(v.languages, ',')) as l(language);

-- A published version stays frozen, except for the texts of a language whose translation is still a draft: those
-- are not shown to anyone but authors until the translation itself is reviewed and published.
create or replace function training_refuse_frozen_change() returns trigger language plpgsql as $$
declare
    changed record;
    frozen text;
begin
    if TG_OP = 'DELETE' then
        changed := OLD;
    else
        changed := NEW;
    end if;
    select v.status into frozen from course_version v
     where v.id = training_version_of(TG_TABLE_NAME, changed)
       and v.status in ('published', 'archived');
    if frozen = 'published' and TG_TABLE_NAME = 'content_text' and exists (
            select 1 from version_translation t join course_version v on v.id = t.version_id
             where t.version_id = (to_jsonb(changed) ->> 'version_id')::bigint
               and t.language = to_jsonb(changed) ->> 'language'
               and t.language <> v.default_language
               and t.status = 'draft') then
        return changed;
    end if;
    if frozen is not null then
        raise exception 'a % course version cannot be changed (%)', frozen, TG_TABLE_NAME
            using errcode = 'check_violation';
    end if;
    return changed;
end $$;
