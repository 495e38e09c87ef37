-- Hibernate Reactive passes on the error's message and SQLSTATE, not its constraint field, so
-- the trigger names its rule at the start of the message too, as org-service's triggers do.
create or replace function mediation_outcome_recorded_once() returns trigger language plpgsql as $$
begin
    if old.outcome is not null and (new.outcome is distinct from old.outcome
            or new.outcome_summary is distinct from old.outcome_summary
            or new.outcome_recorded_at is distinct from old.outcome_recorded_at) then
        raise exception 'mediation_outcome_recorded_once: the outcome of mediation % is already recorded', old.booking_id
            using errcode = '23514', constraint = 'mediation_outcome_recorded_once';
    end if;
    return new;
end
$$;
