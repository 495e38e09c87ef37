-- Enrolment caches a session's rules (status, window, venue stage, quota, the course's kind and
-- eligibility) in each replica and checks rules_version in its one-statement enrolment: a rule
-- changed anywhere (another replica, an event, an operator's SQL) changes the number, and a
-- replica holding the old one reloads before it enrols anybody. The triggers keep it so for every
-- writer; the seat counters are not rules (the statement reads them under the row lock).
alter table training_session add column rules_version bigint not null default 0;

create function training_session_rules_version() returns trigger language plpgsql as $$
begin
    -- every column but the counters, so that a column added later is a rule by default
    if (to_jsonb(new) - array['seats_taken', 'last_position', 'rules_version', 'version'])
            is distinct from (to_jsonb(old) - array['seats_taken', 'last_position', 'rules_version', 'version']) then
        new.rules_version := old.rules_version + 1;
    end if;
    return new;
end $$;

create trigger training_session_rules_version before update on training_session
    for each row execute function training_session_rules_version();

-- the course's kind and eligibility are rules of each of its sessions
create function course_rules_changed() returns trigger language plpgsql as $$
begin
    update training_session set rules_version = rules_version + 1
    where course_id = case when tg_op = 'DELETE' then old.course_id else new.course_id end;
    if tg_op = 'UPDATE' and new.course_id is distinct from old.course_id then
        update training_session set rules_version = rules_version + 1 where course_id = old.course_id;
    end if;
    return null;
end $$;

create trigger course_eligibility_rules_changed after insert or update or delete on course_eligibility
    for each row execute function course_rules_changed();

create function course_kind_changed() returns trigger language plpgsql as $$
begin
    update training_session set rules_version = rules_version + 1 where course_id = new.id;
    return null;
end $$;

create trigger course_kind_changed after update of kind on course
    for each row when (old.kind is distinct from new.kind) execute function course_kind_changed();
