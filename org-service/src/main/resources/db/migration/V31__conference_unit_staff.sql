-- A member unit's staff registered as learners (金融研修院: the units' finance staff, party members
-- or not). person_id is the person's id in every service: the member id when the person is a
-- registered member (one learner record per member), a new id otherwise. The contact phone is
-- personal data: stored encrypted beside its masked form, with a keyed hash so that the same phone
-- is not registered twice in a unit; it never goes into an event. A row is never deleted: leaving
-- sets left_on, and the same person may be registered again later (a new row).
create table conference_unit_staff (
    id                    uuid primary key,
    seq                   bigint generated always as identity unique,
    conference_id         uuid        not null references conference (id),
    unit_id               uuid        not null references conference_unit (id),
    person_id             uuid        not null,
    member_id             uuid references member (id),
    party_member          boolean     not null,
    name                  text        not null check (length(btrim(name)) between 1 and 100),
    phone_encrypted       text,
    phone_masked          text,
    phone_hash            text,
    registered_on         date        not null,
    left_on               date,
    registered_by_subject text        not null,
    registered_by_kind    text        not null check (registered_by_kind in ('PERSON', 'SERVICE')),
    left_by_subject       text,
    left_by_kind          text check (left_by_kind in ('PERSON', 'SERVICE')),
    version               bigint      not null default 0,
    check (member_id is null or (party_member and person_id = member_id)),
    check (left_on is null or left_on >= registered_on),
    check ((left_on is null) = (left_by_subject is null) and (left_by_subject is null) = (left_by_kind is null)),
    check ((phone_encrypted is null) = (phone_hash is null) and (phone_hash is null) = (phone_masked is null))
);
-- One active registration of a person, and of a phone, per unit, even against two requests at once.
create unique index conference_unit_staff_active_person on conference_unit_staff (unit_id, person_id)
    where left_on is null;
create unique index conference_unit_staff_active_phone on conference_unit_staff (unit_id, phone_hash)
    where left_on is null and phone_hash is not null;
create index conference_unit_staff_by_unit on conference_unit_staff (unit_id, seq);
