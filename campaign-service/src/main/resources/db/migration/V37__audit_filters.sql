-- The admins' audit log is filtered by organization and action over a range of days (issue 14).
create index audit_entry_organization_at on audit_entry (organization, at desc);
create index audit_entry_action_at on audit_entry (action, at desc);
