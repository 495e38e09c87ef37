-- Active members per home organization, kept by triggers in the same transaction as every member
-- change, beside the organization's path: a subtree's counts are then a sum over one index range
-- of organizations (a few thousand rows for a district) instead of a count over its members
-- (hundreds of thousands). One row per organization, not per ancestor, so that registrations in
-- different branches never wait for each other on a shared row.
create table member_count (
    organization_id uuid primary key references organization (id),
    path            text collate "C" not null,
    full_members    bigint not null default 0 check (full_members >= 0),
    probationary    bigint not null default 0 check (probationary >= 0)
);
create index member_count_by_path on member_count (path) include (full_members, probationary);

create function member_count_add(org uuid, org_path text, member_status text, delta int) returns void
    language plpgsql as $$
begin
    if delta < 0 then
        -- the row exists: it was made when this member was counted in
        update member_count
        set full_members = full_members + case when member_status = 'FULL' then delta else 0 end,
            probationary = probationary + case when member_status = 'PROBATIONARY' then delta else 0 end
        where organization_id = org;
    else
        insert into member_count as c (organization_id, path, full_members, probationary)
        values (org, org_path, case when member_status = 'FULL' then delta else 0 end,
                case when member_status = 'PROBATIONARY' then delta else 0 end)
        on conflict (organization_id) do update
            set full_members = c.full_members + excluded.full_members,
                probationary = c.probationary + excluded.probationary;
    end if;
end $$;

create function member_count_on_member_change() returns trigger
    language plpgsql as $$
declare
    old_counts boolean := tg_op in ('UPDATE', 'DELETE') and old.left_on is null;
    new_counts boolean := tg_op in ('INSERT', 'UPDATE') and new.left_on is null;
begin
    if tg_op = 'UPDATE' and old_counts and new_counts and old.status = new.status
       and old.home_organization_id = new.home_organization_id then
        return null;
    end if;
    -- Two organizations' rows are always touched in id order, so that two transfers in opposite
    -- directions cannot deadlock on them.
    if old_counts and new_counts and new.home_organization_id < old.home_organization_id then
        perform member_count_add(new.home_organization_id, new.home_path, new.status, 1);
        perform member_count_add(old.home_organization_id, old.home_path, old.status, -1);
        return null;
    end if;
    if old_counts then
        perform member_count_add(old.home_organization_id, old.home_path, old.status, -1);
    end if;
    if new_counts then
        perform member_count_add(new.home_organization_id, new.home_path, new.status, 1);
    end if;
    return null;
end $$;

create trigger member_count_on_member_change
    after insert or delete or update of status, left_on, home_organization_id on member
    for each row execute function member_count_on_member_change();

-- A move rewrites the paths of a whole subtree; the counts follow their organizations.
create function member_count_on_organization_move() returns trigger
    language plpgsql as $$
begin
    update member_count set path = new.path where organization_id = new.id;
    return null;
end $$;

create trigger member_count_on_organization_move
    after update of path on organization
    for each row when (old.path is distinct from new.path)
    execute function member_count_on_organization_move();

insert into member_count (organization_id, path, full_members, probationary)
select m.home_organization_id, o.path,
       count(*) filter (where m.status = 'FULL'), count(*) filter (where m.status = 'PROBATIONARY')
from member m join organization o on o.id = m.home_organization_id
where m.left_on is null
group by m.home_organization_id, o.path;
