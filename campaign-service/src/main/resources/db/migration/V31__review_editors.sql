-- Four eyes: everyone who wrote or changed a campaign version or material variant, not only its creator and its
-- last editor, is refused its approval. Until now only those two were kept, so they are the editors known so far.
alter table campaign_version add column editors varchar(64)[] not null default '{}';
alter table material_variant add column editors varchar(64)[] not null default '{}';

update campaign_version
set editors = case when edited_by = created_by then array[created_by] else array[created_by, edited_by] end;
update material_variant
set editors = case when edited_by = created_by then array[created_by] else array[created_by, edited_by] end;
