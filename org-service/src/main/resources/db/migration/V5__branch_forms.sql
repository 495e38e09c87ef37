-- The forms of a BRANCH (functional, temporary, grid, directly managed) live on the organization
-- row, so that every read of an organization shows its form without another query. An ordinary
-- branch, and every committee and general branch, has form null.
alter table organization
    add column form                    text check (form in ('FUNCTIONAL', 'TEMPORARY', 'GRID', 'DIRECTLY_MANAGED')),
    add column criteria                text,
    add column purpose                 text,
    add column starts_on               date,
    add column planned_end_on          date,
    add column grid_number             integer,
    add column area_km2                numeric(10, 3),
    -- 'lon lat,lon lat,...' in WGS84 degrees
    add column polygon                 text,
    add column village_organization_id uuid references organization (id),
    add column village_name            text,
    add column located_in_city         text,
    add constraint organization_form_only_on_branch check (form is null or kind = 'BRANCH'),
    add constraint organization_functional_has_criteria check (form is distinct from 'FUNCTIONAL' or criteria is not null),
    add constraint organization_temporary_has_dates check (form is distinct from 'TEMPORARY'
        or (purpose is not null and starts_on is not null and planned_end_on >= starts_on)),
    add constraint organization_grid_is_measured check (form is distinct from 'GRID'
        or (grid_number > 0 and area_km2 > 0 and (village_organization_id is not null or village_name is not null))),
    add constraint organization_directly_managed_has_city check (form is distinct from 'DIRECTLY_MANAGED'
        or located_in_city is not null);

-- Two active grids of one village never share a number.
create unique index organization_grid_number_per_village
    on organization (coalesce(village_organization_id::text, village_name), grid_number)
    where form = 'GRID' and dissolved_on is null;
create index organization_grids_of_village on organization (village_organization_id) where form = 'GRID';
-- What the temporary-branch job scans for.
create index organization_temporary_planned_end on organization (planned_end_on)
    where form = 'TEMPORARY' and dissolved_on is null;

-- A village's own facts, for the grid checks (园艺村: 3.1 km², 835 households).
create table village_profile (
    organization_id uuid primary key references organization (id),
    area_km2        numeric(10, 3) check (area_km2 > 0),
    households      integer check (households >= 0),
    version         bigint not null default 0
);

-- A temporary branch's planned end moved later and a functional branch's new criteria are part
-- of its history.
alter table organization_change drop constraint organization_change_change_check;
alter table organization_change add constraint organization_change_change_check
    check (change in ('CREATED', 'RENAMED', 'MOVED', 'DISSOLVED', 'EXTENDED', 'CRITERIA_CHANGED'));
