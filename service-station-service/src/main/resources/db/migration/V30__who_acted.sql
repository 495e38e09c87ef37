-- Who decided on a booking (approved or rejected it) and who recorded a mediation's outcome: the
-- caller's subject and kind (PERSON, SERVICE) from the gateway's headers. Rows from before this
-- migration stay null: "not recorded". Subject and kind are set together or not at all.
alter table booking
    add column decided_by_subject text,
    add column decided_by_kind    text check (decided_by_kind in ('PERSON', 'SERVICE')),
    add column decided_at         timestamptz,
    add constraint booking_decided_by_whole check ((decided_by_subject is null) = (decided_by_kind is null));

alter table mediation
    add column outcome_recorded_by_subject text,
    add column outcome_recorded_by_kind    text check (outcome_recorded_by_kind in ('PERSON', 'SERVICE')),
    add constraint mediation_outcome_recorded_by_whole
        check ((outcome_recorded_by_subject is null) = (outcome_recorded_by_kind is null)),
    add constraint mediation_outcome_recorded_by_with_outcome
        check (outcome_recorded_by_subject is null or outcome is not null);

-- Who recorded the outcome is part of it: once recorded, it cannot be rewritten either.
create or replace function mediation_outcome_recorded_once() returns trigger language plpgsql as $$
begin
    if old.outcome is not null and (new.outcome is distinct from old.outcome
            or new.outcome_summary is distinct from old.outcome_summary
            or new.outcome_recorded_at is distinct from old.outcome_recorded_at
            or new.outcome_recorded_by_subject is distinct from old.outcome_recorded_by_subject
            or new.outcome_recorded_by_kind is distinct from old.outcome_recorded_by_kind) then
        raise exception 'mediation_outcome_recorded_once: the outcome of mediation % is already recorded', old.booking_id
            using errcode = '23514', constraint = 'mediation_outcome_recorded_once';
    end if;
    return new;
end
$$;
