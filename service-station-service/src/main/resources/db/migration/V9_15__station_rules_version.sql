-- What the booking rules read about a station (its hours, closures, rooms, managers and the station
-- itself) carries one version, bumped by the database on every change to any of it, whoever makes
-- the change (this replica, another one, an operator's SQL). A replica that keeps those rules in
-- memory books only where the version it read is still the station's: the booking statement
-- inserts nothing otherwise, and the replica reloads (BookingFastLane). Kept by triggers rather
-- than by the writing code so that no writer can forget it.
alter table station add column rules_version bigint not null default 0;

create function station_rules_changed() returns trigger language plpgsql as $$
begin
    if new.rules_version = old.rules_version then
        new.rules_version := old.rules_version + 1;
    end if;
    return new;
end $$;

create trigger station_rules_version before update on station
    for each row execute function station_rules_changed();

create function station_part_changed() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        update station set rules_version = rules_version + 1 where id = old.station_id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.station_id is distinct from old.station_id) then
        update station set rules_version = rules_version + 1 where id = new.station_id;
    end if;
    return null;
end $$;

create trigger room_rules_version after insert or update or delete on room
    for each row execute function station_part_changed();
create trigger opening_hours_rules_version after insert or update or delete on station_opening_hours
    for each row execute function station_part_changed();
create trigger closure_rules_version after insert or update or delete on station_closure
    for each row execute function station_part_changed();
create trigger manager_rules_version after insert or update or delete on station_manager
    for each row execute function station_part_changed();
