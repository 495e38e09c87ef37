-- The rotating chair (轮值制). No two terms of a conference share a day: the model checks it
-- and the exclusion constraint holds even against two concurrent requests.
create extension if not exists btree_gist;

create table conference_chair_term (
    id            uuid primary key,
    conference_id uuid        not null references conference (id),
    unit_id       uuid        not null references conference_unit (id),
    starts_on     date        not null,
    ends_on       date        not null,
    created_at    timestamptz not null,
    check (ends_on >= starts_on),
    constraint chair_terms_no_overlap exclude using gist (
        conference_id with =,
        daterange(starts_on, ends_on, '[]') with &&)
);
create index conference_chair_term_by_unit on conference_chair_term (unit_id);
