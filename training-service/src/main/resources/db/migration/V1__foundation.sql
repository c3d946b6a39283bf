-- Foundation of the training schema: courses, their media and issued certificates.
create table course (
    id               bigserial primary key,
    slug             varchar(120) not null unique,
    sector           varchar(40)  not null,
    default_language varchar(35)  not null,
    title            varchar(300) not null,
    status           varchar(20)  not null default 'draft',
    created_at       timestamptz  not null default now()
);

create table attachment (
    id           bigserial primary key,
    storage_key  varchar(200) not null unique,
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    uploaded_by  varchar(64)  not null,
    uploaded_at  timestamptz  not null default now()
);

-- What the public verification page may show: name, course, date and version; nothing else about the holder.
create table certificate (
    id             bigserial primary key,
    code           varchar(32)  not null unique,
    holder_subject varchar(64)  not null,
    holder_name    varchar(200) not null,
    course_title   varchar(300) not null,
    course_version integer      not null,
    issued_on      date         not null
);
