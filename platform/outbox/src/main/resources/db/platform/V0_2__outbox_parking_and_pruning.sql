-- A row the relay cannot publish after outbox.relay.max-attempts record-specific failures is
-- parked: it stays, with attempts and last_error, and the later events of its aggregate (same
-- topic and key) wait behind it until an operator resolves it (docs/events.md, "Parked rows").
alter table outbox_event add column parked_at timestamptz;

create index outbox_event_pending_by_aggregate on outbox_event (topic, message_key, id) where published_at is null;
-- the pruning jobs' range scans
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;
create index processed_event_processed_at on processed_event (processed_at);
