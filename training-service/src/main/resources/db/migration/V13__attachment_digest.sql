-- A digest per stored file, so that importing the same media again reuses the stored object.
alter table attachment add column sha256 varchar(64);
create index attachment_sha256 on attachment (sha256);
