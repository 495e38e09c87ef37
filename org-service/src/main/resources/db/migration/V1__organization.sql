create table organization (
    id              uuid primary key,
    name            text        not null check (length(name) between 1 and 200),
    kind            text        not null check (kind in ('COMMITTEE', 'GENERAL_BRANCH', 'BRANCH')),
    district_code   char(6)     not null,
    parent_id       uuid references organization (id),
    founded_on      date,
    document_number text,
    dissolved_on    date,
    created_at      timestamptz not null default now(),
    version         bigint      not null default 0
);

create index organization_parent on organization (parent_id);
create index organization_district_id on organization (district_code, id);
