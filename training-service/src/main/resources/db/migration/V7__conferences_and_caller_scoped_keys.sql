-- org-service's joint conferences and their member units, fed by org.conference.v1: who runs a
-- course a conference provides (its host district's office), and who enrols the staff of a
-- member unit who are not party members (the office of the unit's host district).
create table known_conference (
    id            uuid primary key,
    name          text        not null,
    host_district text        not null,
    founded_on    date,
    updated_at    timestamptz not null
);

create table known_member_unit (
    id              uuid primary key,
    conference_id   uuid        not null,
    name            text        not null,
    host_district   text        not null,
    organization_id uuid,
    joined_on       date,
    -- set when the unit left its conference: its office no longer acts for its staff
    left_on         date,
    updated_at      timestamptz not null
);

create index known_member_unit_conference on known_member_unit (conference_id, id);

-- An Idempotency-Key belongs to the caller who sent it: another caller's same key on the same
-- session is another request. Keys recorded before callers were known keep an empty subject,
-- which no caller has.
alter table enrolment_request add column caller_subject text not null default '';
alter table enrolment_request alter column caller_subject drop default;
alter table enrolment_request drop constraint enrolment_request_pkey;
alter table enrolment_request add primary key (session_id, caller_subject, idempotency_key);
