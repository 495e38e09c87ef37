-- Offers (有什么) and needs (要什么) of member units. remaining falls as projects consume them.
create table conference_listing (
    id              uuid primary key,
    seq             bigint generated always as identity unique,
    conference_id   uuid        not null references conference (id),
    unit_id         uuid        not null references conference_unit (id),
    kind            text        not null check (kind in ('OFFER', 'NEED')),
    category        text        not null,
    description     text        not null,
    quantity        integer     not null check (quantity > 0),
    remaining       integer     not null check (remaining >= 0 and remaining <= quantity),
    available_from  date        not null,
    available_until date        not null,
    status          text        not null check (status in ('OPEN', 'MATCHED', 'WITHDRAWN')),
    created_at      timestamptz not null,
    version         bigint      not null default 0,
    check (available_until >= available_from),
    check ((status = 'MATCHED') = (remaining = 0))
);
create index conference_listing_by_conference on conference_listing (conference_id, kind, seq);
