-- The admins' audit log merges both services' entries and filters them by organization and action (issue 14):
-- the organization of the person who acted and their display name are kept with each entry, as campaign-service
-- does. Entries written before this have neither.
alter table audit_entry add column organization varchar(100);
alter table audit_entry add column actor_name varchar(200);
create index audit_entry_organization_at on audit_entry (organization, at desc);
create index audit_entry_action_at on audit_entry (action, at desc);
