-- 组织关系转接: moving a member's home membership to another organization. The rows are the
-- history; at most one transfer per member is open (requested or accepted) at a time, which the
-- partial unique index enforces even against two concurrent requests.
create table transfer (
    id                   uuid primary key,
    seq                  bigint generated always as identity unique,
    member_id            uuid        not null references member (id),
    from_organization_id uuid        not null references organization (id),
    to_organization_id   uuid        not null references organization (id),
    status               text        not null check (status in ('REQUESTED', 'ACCEPTED', 'REJECTED', 'CANCELLED', 'COMPLETED')),
    note                 text,
    rejection_reason     text,
    requested_at         timestamptz not null,
    decided_at           timestamptz,
    closed_at            timestamptz,
    version              bigint      not null default 0,
    check (from_organization_id <> to_organization_id),
    check ((status = 'REJECTED') = (rejection_reason is not null))
);

create unique index transfer_one_open_per_member on transfer (member_id) where status in ('REQUESTED', 'ACCEPTED');
create index transfer_by_member on transfer (member_id, seq);
create index transfer_open_by_target on transfer (to_organization_id, seq) where status in ('REQUESTED', 'ACCEPTED');
