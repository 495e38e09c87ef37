-- A person's notifications. person_id is the gateway's caller subject (a member id for members).
-- seq orders a person's inbox, pages it and is the stream's event id (Last-Event-ID).
create table notification (
    seq             bigint generated always as identity primary key,
    id              uuid        not null unique,
    person_id       text        not null,
    kind            text        not null,
    source_event_id uuid        not null,
    facts           text        not null,
    created_at      timestamptz not null,
    read_at         timestamptz,
    -- the inbox (processed_event) already applies an event once; this keeps a replayed topic
    -- under a new consumer name from telling a person twice
    constraint notification_once_per_event unique (source_event_id, person_id, kind)
);
create index notification_inbox on notification (person_id, seq desc);
create index notification_unread on notification (person_id) where read_at is null;

-- What a person wants on which channel, per kind. The e-mail address is personal data: sealed
-- (platform/persistence PersonalDataProtector), never stored or logged in clear.
create table notification_preference (
    person_id     text        primary key,
    email_sealed  text,
    channels      text        not null,
    updated_at    timestamptz not null
);

-- One row per notification and outbound channel, written in the transaction that made the
-- notification: the sender works through the rows, so a redelivered event (which makes no new
-- notification) sends nothing again, and two replicas never take the same row (a lease).
create table delivery (
    id              bigint generated always as identity primary key,
    notification_id uuid        not null references notification (id),
    channel         text        not null,
    created_at      timestamptz not null,
    leased_until    timestamptz,
    attempts        integer     not null default 0,
    sent_at         timestamptz,
    given_up_at     timestamptz,
    last_error      text,
    constraint delivery_once_per_channel unique (notification_id, channel)
);
create index delivery_pending on delivery (id) where sent_at is null and given_up_at is null;

-- Who a booking is for, from BookingRequested/BookingConfirmed (a member booking for themselves):
-- BookingRejected and BookingCancelled do not name the booker.
create table booking_recipient (
    booking_id uuid primary key,
    person_id  text not null
);

-- What a session is called and when it starts, from SessionScheduled, to say so in a notification.
create table known_session (
    session_id   uuid primary key,
    course_title text not null,
    starts_at    timestamptz not null
);
