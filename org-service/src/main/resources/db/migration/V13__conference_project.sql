-- 共建项目: projects built from accepted offer/need matches, with the units taking part.
create table conference_project (
    id            uuid primary key,
    seq           bigint generated always as identity unique,
    conference_id uuid        not null references conference (id),
    name          text        not null,
    description   text,
    status        text        not null check (status in ('PROPOSED', 'ACTIVE', 'CLOSED')),
    proposed_on   date        not null,
    activated_on  date,
    closed_on     date,
    created_at    timestamptz not null,
    version       bigint      not null default 0,
    check ((status = 'PROPOSED') = (activated_on is null)),
    check ((status = 'CLOSED') = (closed_on is not null))
);
create index conference_project_by_conference on conference_project (conference_id, seq);

create table conference_project_match (
    id         uuid primary key,
    project_id uuid    not null references conference_project (id),
    offer_id   uuid    not null references conference_listing (id),
    need_id    uuid    not null references conference_listing (id),
    quantity   integer not null check (quantity > 0)
);
create index conference_project_match_by_project on conference_project_match (project_id);

create table conference_project_unit (
    project_id uuid not null references conference_project (id),
    unit_id    uuid not null references conference_unit (id),
    primary key (project_id, unit_id)
);
