-- The trainees a trainer may find and add to a cohort: everyone with the trainee role who has signed in to the
-- training service at least once (accounts live in Keycloak; Beacon learns of a person only from their token).
-- Kept as in the token: subject id, username, display name and organization claim, and when they were last seen.
create table trainee (
    subject      varchar(64)  primary key,
    username     varchar(200),
    display_name varchar(200) not null,
    organization varchar(120),
    first_seen   timestamptz  not null default now(),
    last_seen    timestamptz  not null default now()
);
create index trainee_organization on trainee (organization, display_name);

-- Trainees who enrolled before the directory existed have signed in: they are found too.
insert into trainee (subject, display_name, organization, first_seen, last_seen)
select distinct on (subject) subject, display_name, organization, enrolled_at, enrolled_at
from enrolment
order by subject, id desc;
