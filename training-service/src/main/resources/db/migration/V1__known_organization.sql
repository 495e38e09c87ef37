-- training-service's own copy of the organization tree, fed by org.organization.v1.
create table known_organization (
    id            uuid primary key,
    name          text        not null,
    kind          text        not null,
    district_code text        not null,
    parent_id     uuid,
    founded_on    date,
    updated_at    timestamptz not null default now()
);

create index known_organization_district_id on known_organization (district_code, id);
