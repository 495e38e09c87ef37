-- The people enrolment knows of, projected from org-service's member events (org.member.v1: home
-- organization, member status) and, for academy guests, their employer among member units. Eligibility is decided from here, never by a
-- synchronous call to org-service.
create table learner (
    person_id            uuid primary key,
    display_name         text        not null,
    home_organization_id uuid,
    member_status        text        not null check (member_status in ('FULL', 'PROBATIONARY', 'NOT_A_MEMBER')),
    member_unit_id       uuid,
    -- set when org-service reports that the member left; such a person cannot enrol
    left_on              date,
    updated_at           timestamptz not null default now(),
    check (member_status = 'NOT_A_MEMBER' or home_organization_id is not null)
);

create index learner_home on learner (home_organization_id, person_id);

create table enrolment (
    id               uuid primary key,
    session_id       uuid        not null references training_session (id),
    person_id        uuid        not null,
    quota_group_id   uuid,
    status           text        not null check (status in
                         ('CONFIRMED', 'WAITLISTED', 'OFFERED', 'CANCELLED', 'EXPIRED', 'ATTENDED', 'NO_SHOW')),
    position         bigint      not null,
    enrolled_at      timestamptz not null,
    offered_at       timestamptz,
    offer_expires_at timestamptz,
    closed_at        timestamptz,
    close_reason     text,
    version          bigint      not null default 0,
    unique (session_id, position),
    check (status <> 'OFFERED' or offer_expires_at is not null)
);

-- One active enrolment per person and session, whatever the concurrency.
create unique index enrolment_one_active_per_person on enrolment (session_id, person_id)
    where status in ('CONFIRMED', 'WAITLISTED', 'OFFERED', 'ATTENDED');
create index enrolment_waiting on enrolment (session_id, position) where status = 'WAITLISTED';
create index enrolment_offers_due on enrolment (offer_expires_at) where status = 'OFFERED';
create index enrolment_person on enrolment (person_id, session_id);

-- Idempotency-Key on enrolment: the first answer is replayed for the same key and body.
create table enrolment_request (
    idempotency_key text        not null,
    session_id      uuid        not null,
    request_hash    text        not null,
    status_code     integer,
    response_body   text,
    created_at      timestamptz not null,
    primary key (session_id, idempotency_key)
);
