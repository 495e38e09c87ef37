-- What is recorded about a member for the criteria of functional branches (city, mainWork,
-- followers, ...). One row per attribute, so that a criteria expression becomes an SQL predicate
-- of EXISTS over this table and a candidate list is one keyset query.
create table member_attribute (
    member_id uuid not null references member (id),
    key       text not null check (length(key) between 1 and 64),
    value     text not null check (length(value) between 1 and 200),
    primary key (member_id, key)
);
create index member_attribute_by_key_value on member_attribute (key, value);

-- A member's affiliation with a functional or temporary branch, on top of their home. Rows are
-- the history: an ended affiliation keeps its row with ended_on and end_reason.
create table affiliation (
    id              uuid primary key,
    seq             bigint generated always as identity unique,
    member_id       uuid        not null references member (id),
    organization_id uuid        not null references organization (id),
    kind            text        not null check (kind in ('FUNCTIONAL', 'TEMPORARY')),
    since           date        not null,
    ended_on        date,
    end_reason      text check (end_reason in ('LEFT_BY_MEMBER', 'CRITERIA_NO_LONGER_MET', 'BRANCH_DISSOLVED',
                                               'PLANNED_END_REACHED', 'MEMBER_LEFT')),
    created_at      timestamptz not null,
    check ((ended_on is null) = (end_reason is null)),
    check (ended_on is null or ended_on >= since)
);

create unique index affiliation_one_active_per_member_and_branch on affiliation (member_id, organization_id)
    where ended_on is null;
create index affiliation_by_member on affiliation (member_id, seq);
create index affiliation_active_by_organization on affiliation (organization_id, member_id) where ended_on is null;

-- The invariants no code path may break, checked where the rows change. The row locks (FOR SHARE
-- here, the UPDATE of a dissolution or a leaving there) order an affiliation against a
-- concurrent dissolution or leaving: whichever commits second sees the first.
create function affiliation_check() returns trigger language plpgsql as $$
declare
    org record;
    home uuid;
    left_on date;
begin
    if new.ended_on is not null then
        return new;
    end if;
    select o.dissolved_on, o.form into org from organization o where o.id = new.organization_id for share;
    if org.dissolved_on is not null then
        raise exception 'affiliation_to_dissolved_branch: organization % is dissolved', new.organization_id
            using errcode = '23514';
    end if;
    if org.form is distinct from new.kind then
        raise exception 'affiliation_branch_kind: organization % is not a % branch', new.organization_id, new.kind
            using errcode = '23514';
    end if;
    select m.home_organization_id, m.left_on into home, left_on from member m where m.id = new.member_id for share;
    if home = new.organization_id then
        raise exception 'affiliation_to_own_home: member % has organization % as home', new.member_id, home
            using errcode = '23514';
    end if;
    if left_on is not null then
        raise exception 'affiliation_of_former_member: member % has left', new.member_id using errcode = '23514';
    end if;
    return new;
end $$;

create trigger affiliation_check before insert or update on affiliation
    for each row execute function affiliation_check();

create function affiliation_branch_dissolution_check() returns trigger language plpgsql as $$
begin
    if new.dissolved_on is not null and old.dissolved_on is null
            and exists (select 1 from affiliation a where a.organization_id = new.id and a.ended_on is null) then
        raise exception 'affiliation_to_dissolved_branch: organization % still has active affiliations', new.id
            using errcode = '23514';
    end if;
    return new;
end $$;

create trigger affiliation_branch_dissolution_check before update of dissolved_on on organization
    for each row execute function affiliation_branch_dissolution_check();

create function affiliation_member_leaving_check() returns trigger language plpgsql as $$
begin
    if new.left_on is not null and old.left_on is null
            and exists (select 1 from affiliation a where a.member_id = new.id and a.ended_on is null) then
        raise exception 'affiliation_of_former_member: member % still has active affiliations', new.id
            using errcode = '23514';
    end if;
    return new;
end $$;

create trigger affiliation_member_leaving_check before update of left_on on member
    for each row execute function affiliation_member_leaving_check();
