-- Who runs a station (issue 13): people named by the admin of the station's district, by their
-- token subject. The free-text manager_scope named nobody a caller could be checked against; the
-- stations it was set on keep their district admin and get managers named anew.
create table station_manager (
    station_id uuid        not null references station (id) on delete cascade,
    subject    text        not null check (length(btrim(subject)) between 1 and 200),
    named_at   timestamptz not null,
    primary key (station_id, subject)
);

alter table station drop column manager_scope;

-- The shape of the organization tree, from org.organization.v1 (Created, Moved, Dissolved), for the
-- subtree checks of bookings made in an organization's name (platform/orgtree OrganizationPlaces
-- walks parent_id up). A parent may arrive after its child: the walk then fails closed.
create table known_organization (
    id            uuid primary key,
    parent_id     uuid,
    district_code text        not null,
    name          text        not null,
    kind          text        not null,
    dissolved_on  date,
    updated_at    timestamptz not null
);

create index known_organization_parent on known_organization (parent_id);

-- Member units of joint conferences, from org.conference.v1: whose office books in a unit's name.
create table member_unit (
    unit_id       uuid primary key,
    conference_id uuid        not null,
    host_district text        not null,
    name          text        not null,
    left_on       date,
    updated_at    timestamptz not null
);

-- An Idempotency-Key belongs to the caller who sent it: another caller's reuse of the same key
-- neither sees nor blocks the first answer. Keys stored before belonged to nobody in particular.
alter table booking drop constraint booking_idempotency_key_key;
alter table booking add column idempotency_caller text;
update booking set idempotency_caller = '(before keys belonged to a caller)' where idempotency_key is not null;
alter table booking add constraint booking_idempotency_key_per_caller unique (idempotency_caller, idempotency_key);
alter table booking add constraint booking_idempotency_key_has_caller
    check ((idempotency_key is null) = (idempotency_caller is null));
