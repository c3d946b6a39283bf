-- Audit summaries in the reader's language (issue 14): an entry stores its message key (i18n/audit*.properties)
-- and the key's arguments as JSON, each with its kind, and the audit API renders them in the language asked.
-- detail keeps the English text: entries written before this have only it and are shown as written.
alter table audit_entry add column summary_key varchar(100);
alter table audit_entry add column summary_arguments text;
