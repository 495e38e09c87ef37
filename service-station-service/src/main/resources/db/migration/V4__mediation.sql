-- A mediation session (调解) at a renovation site: a booking that also names the three roles and
-- the family concerned, and later the outcome.
create table mediation (
    booking_id            uuid primary key references booking (id),
    site                  text        not null check (length(btrim(site)) between 1 and 200),
    residents_secretary   text        not null check (length(btrim(residents_secretary)) > 0),
    expropriation_officer text        not null check (length(btrim(expropriation_officer)) > 0),
    lawyer                text        not null check (length(btrim(lawyer)) > 0),
    family_names          text[]      not null check (cardinality(family_names) > 0),
    -- Personal data: only the station sees it, masked; it never goes into an event.
    family_phone          text,
    outcome               text check (outcome in ('AGREED', 'PARTIAL', 'NOT_AGREED')),
    outcome_summary       text,
    outcome_recorded_at   timestamptz,
    version               bigint      not null default 0,
    check ((outcome is null) = (outcome_summary is null) and (outcome is null) = (outcome_recorded_at is null))
);

-- An outcome is recorded once: whatever the application does, it cannot be overwritten.
create function mediation_outcome_recorded_once() returns trigger language plpgsql as $$
begin
    if old.outcome is not null and (new.outcome is distinct from old.outcome
            or new.outcome_summary is distinct from old.outcome_summary
            or new.outcome_recorded_at is distinct from old.outcome_recorded_at) then
        raise exception 'The outcome of mediation % is already recorded', old.booking_id
            using errcode = '23514', constraint = 'mediation_outcome_recorded_once';
    end if;
    return new;
end
$$;

create trigger mediation_outcome_recorded_once before update on mediation
    for each row execute function mediation_outcome_recorded_once();
