-- A published or archived version never changes, whatever code path tries: the database refuses it too.
create function training_version_of(tbl text, rec record) returns bigint language plpgsql stable as $$
begin
    case tbl
        when 'content_text', 'course_module', 'glossary_term', 'version_media', 'question', 'assessment' then
            return (to_jsonb(rec) ->> 'version_id')::bigint;
        when 'lesson' then
            return (select m.version_id from course_module m where m.id = (to_jsonb(rec) ->> 'module_id')::bigint);
        when 'lesson_attachment' then
            return (select m.version_id from lesson l join course_module m on m.id = l.module_id
                    where l.id = (to_jsonb(rec) ->> 'lesson_id')::bigint);
        when 'question_answer' then
            return (select q.version_id from question q where q.id = (to_jsonb(rec) ->> 'question_id')::bigint);
        when 'assessment_question' then
            return (select a.version_id from assessment a where a.id = (to_jsonb(rec) ->> 'assessment_id')::bigint);
        else
            return null;
    end case;
end $$;

create function training_refuse_frozen_change() returns trigger language plpgsql as $$
declare
    frozen text;
begin
    select v.status into frozen from course_version v
     where v.id = training_version_of(TG_TABLE_NAME, case when TG_OP = 'DELETE' then OLD else NEW end)
       and v.status in ('published', 'archived');
    if frozen is not null then
        raise exception 'a % course version cannot be changed (%)', frozen, TG_TABLE_NAME
            using errcode = 'check_violation';
    end if;
    return case when TG_OP = 'DELETE' then OLD else NEW end;
end $$;

do $$
declare
    t text;
begin
    foreach t in array array['content_text', 'course_module', 'lesson', 'glossary_term', 'version_media',
                             'lesson_attachment', 'question', 'question_answer', 'assessment', 'assessment_question']
    loop
        execute format('create trigger %I before insert or update or delete on %I for each row execute function training_refuse_frozen_change()',
                       t || '_frozen', t);
    end loop;
end $$;
