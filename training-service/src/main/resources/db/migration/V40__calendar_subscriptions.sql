-- Secret feed URLs for phone calendars (docs/api-conventions.md, "Calendar subscriptions"). Only
-- the SHA-256 of the token is kept: whoever reads this table (a backup, a replica, a support
-- query) cannot subscribe with what they read. A revoked subscription is deleted, so that a
-- revoked token and one never issued meet the same lookup and the same 404. The owner is the
-- caller's subject as the gateway names it (a member id for members; managers may be named otherwise).
create table calendar_subscription (
    id           uuid        primary key,
    token_hash   bytea       not null unique check (octet_length(token_hash) = 32),
    owner_id     text        not null check (length(owner_id) between 1 and 200),
    subject_kind text        not null check (subject_kind in ('PERSON', 'ORGANIZATION')),
    subject_id   uuid        not null,
    created_at   timestamptz not null
);

create index calendar_subscription_owner on calendar_subscription (owner_id, created_at, id);

-- Room bookings of people and organizations, from stations.booking.v1, for their calendar feeds:
-- the feed is served from training's own database, without a call to the stations service. A
-- rejected, cancelled or missed booking is deleted.
create table station_booking (
    booking_id  uuid        primary key,
    station_id  uuid        not null,
    room_id     uuid        not null,
    booker_kind text        not null,
    booker_id   uuid        not null,
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    attendees   integer     not null,
    confirmed   boolean     not null,
    updated_at  timestamptz not null
);

create index station_booking_booker on station_booking (booker_kind, booker_id, ends_at);
