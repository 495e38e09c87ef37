-- 区域化党建联席会议: a joint conference of member units from many sectors, hosted by a
-- district. Not part of the tree; a unit may point at the organization of its committee.
create table conference (
    id            uuid primary key,
    seq           bigint generated always as identity unique,
    name          text        not null,
    host_district bpchar(6)   not null check (host_district ~ '^[0-9]{6}$'),
    founded_on    date        not null,
    created_at    timestamptz not null,
    version       bigint      not null default 0
);
create index conference_by_district on conference (host_district, seq);

create table conference_unit (
    id              uuid primary key,
    seq             bigint generated always as identity unique,
    conference_id   uuid   not null references conference (id),
    name            text   not null,
    sector          text   not null check (sector in ('CENTRAL_SOE', 'CITY_SOE', 'DISTRICT_SOE', 'PRIVATE_FIRM', 'SUB_DISTRICT', 'OTHER')),
    organization_id uuid references organization (id),
    joined_on       date   not null,
    left_on         date,
    version         bigint not null default 0,
    check (left_on is null or left_on > joined_on)
);
-- A unit cannot be a member twice at once; the model checks the dates, these stop two
-- concurrent joins of the same unit.
create unique index conference_unit_active_name on conference_unit (conference_id, lower(name)) where left_on is null;
create unique index conference_unit_active_organization on conference_unit (conference_id, organization_id)
    where left_on is null and organization_id is not null;
create index conference_unit_by_conference on conference_unit (conference_id, seq);
