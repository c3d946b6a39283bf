-- Import notices become message keys with their arguments, so the survey page says them in the reader's language.
-- Notices stored before are English sentences: each becomes the key 'notice.as-written' with the sentence as its
-- argument, shown as it was written.
update survey
set notices = (
    select coalesce(jsonb_agg(case when jsonb_typeof(n.value) = 'string'
            then jsonb_build_object('key', 'notice.as-written', 'arguments', jsonb_build_array(n.value))
            else n.value end order by n.position), '[]'::jsonb)
    from jsonb_array_elements(survey.notices) with ordinality as n(value, position))
where jsonb_typeof(notices) = 'array'
  and exists (select 1 from jsonb_array_elements(survey.notices) as e(value) where jsonb_typeof(e.value) = 'string');
