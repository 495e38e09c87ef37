-- Materialized paths '/<root id>/.../<own id>/' make a subtree one index range. Collation "C"
-- compares bytes, so that both the range scan and keyset pagination by path use the same
-- plain btree index whatever the database's locale.
alter table organization add column path text collate "C";

with recursive tree (id, path) as (
    select id, '/' || id || '/' from organization where parent_id is null
    union all
    select o.id, t.path || o.id || '/' from organization o join tree t on o.parent_id = t.id
)
update organization o set path = tree.path from tree where tree.id = o.id;

alter table organization alter column path set not null;
alter table organization add constraint organization_path_ends_with_id
    check (path like '%/' || id::text || '/');
create unique index organization_path on organization (path);

-- Every change to an organization, oldest first; the id orders the history and pages it.
create table organization_change (
    id              bigint generated always as identity primary key,
    organization_id uuid        not null references organization (id),
    change          text        not null check (change in ('CREATED', 'RENAMED', 'MOVED', 'DISSOLVED')),
    from_value      text,
    to_value        text,
    effective_on    date,
    document_number text,
    occurred_at     timestamptz not null
);

create index organization_change_by_organization on organization_change (organization_id, id);

insert into organization_change (organization_id, change, to_value, effective_on, document_number, occurred_at)
select id, 'CREATED', name, founded_on, document_number, created_at from organization;
