-- A registered party member. The ID number and phone are stored encrypted (AES-GCM, key outside
-- the database) beside their masked forms, so that reads never need to decrypt; the ID number's
-- keyed hash lets the database refuse a second registration of the same person.
create table member (
    id                   uuid primary key,
    home_organization_id uuid        not null references organization (id),
    -- the home organization's path, copied so that a subtree count is one index range; kept
    -- in step when an organization moves
    home_path            text collate "C" not null,
    name                 text        not null check (length(name) between 1 and 100),
    status               text        not null check (status in ('PROBATIONARY', 'FULL')),
    admitted_on          date        not null,
    full_since           date,
    id_number_encrypted  text        not null,
    id_number_hash       text        not null,
    id_number_masked     text        not null,
    phone_encrypted      text,
    phone_masked         text,
    left_on              date,
    leave_reason         text check (leave_reason in ('DECEASED', 'WITHDREW', 'EXPELLED', 'STRUCK_OFF')),
    registered_at        timestamptz not null,
    version              bigint      not null default 0,
    check ((status = 'FULL') = (full_since is not null)),
    check ((left_on is null) = (leave_reason is null))
);

create unique index member_one_registration_per_person on member (id_number_hash) where left_on is null;
create index member_active_by_home_path on member (home_path, status) where left_on is null;
create index member_by_home on member (home_organization_id, id);
