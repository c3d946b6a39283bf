-- Collection links (issue 12): field teams collect with ODK Collect, KoboCollect or Enketo without Keycloak
-- accounts. A link is a long random token that the app's server address carries, as ODK Central's app users do;
-- it allows listing, downloading and submitting one survey wave's form, nothing else. Only the token's SHA-256 is
-- kept, so a copy of the database cannot be used to submit. The name says who holds it ("Team Dakar North"),
-- never who they are.
create table collection_link (
    id         bigserial primary key,
    survey_id  bigint       not null references survey (id) on delete cascade,
    wave       varchar(12)  not null check (wave in ('baseline', 'endline', 'continuous')),
    name       varchar(80)  not null,
    token_hash char(64)     not null unique,
    created_by varchar(64)  not null,
    created_at timestamptz  not null default now(),
    revoked_by varchar(64),
    revoked_at timestamptz
);
create index collection_link_survey on collection_link (survey_id);

-- Answers collected offline arrive when the phone reaches a network, possibly after the wave closed. A manager may
-- let a closed wave take such submissions until a stated time; the public web form stays closed.
create table collection_late_window (
    survey_id    bigint      not null references survey (id) on delete cascade,
    wave         varchar(12) not null check (wave in ('baseline', 'endline', 'continuous')),
    accept_until timestamptz not null,
    allowed_by   varchar(64) not null,
    allowed_at   timestamptz not null default now(),
    primary key (survey_id, wave)
);

-- The response's link (survey_response.collector, added with the 'collect' source in V33) points at a link that
-- exists; a link with responses is revoked, never deleted.
do $$
begin
    if exists (select 1 from information_schema.columns
               where table_schema = current_schema() and table_name = 'survey_response' and column_name = 'collector') then
        alter table survey_response add constraint survey_response_collector
            foreign key (collector) references collection_link (id);
    end if;
end $$;
