-- Every statement that adds outbox rows, however it is written (the Outbox entity, a raw CTE),
-- wakes the relays listening on 'outbox_event' when its transaction commits: PostgreSQL delivers
-- a notification only on commit, and folds a transaction's identical notifications into one.
-- The relay's poll stays as the safety net for a notification missed while it reconnects.
create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox_event', '');
    return null;
end
$$;

create trigger outbox_event_notify after insert on outbox_event
    for each statement execute function outbox_event_notify();
