-- The venue saga with training-service: a booking made for a training session remembers the
-- request it answers. At most one booking per request, whatever the redeliveries or replicas.
alter table booking add column venue_request_id uuid;
alter table booking add column session_id uuid;
alter table booking add constraint booking_venue_request_unique unique (venue_request_id);

-- Every venue request answered, confirmed or rejected, so that a redelivered request gets the
-- same reply again instead of a second booking or a different verdict.
create table venue_request (
    request_id  uuid primary key,
    session_id  uuid        not null,
    room_id     uuid        not null,
    booking_id  uuid references booking (id),
    rule        text,
    reason      text,
    answered_at timestamptz not null,
    -- Either a booking or a rejection with its rule, never both.
    check ((booking_id is null) <> (rule is null))
);

create index booking_booker_start on booking (booker_id, starts_at, id) where booker_id is not null;
