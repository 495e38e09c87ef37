-- Name search for those who manage a part of the tree: organizations and current members whose
-- name contains the words (trigrams: any part of three characters or more), within the caller's
-- district or subtree (organization.path, member.home_path: one index range), by name then id.
create extension if not exists pg_trgm;

create index organization_name_trgm on organization using gin (name gin_trgm_ops);
create index organization_name_order on organization (name, id);
create index member_name_trgm on member using gin (name gin_trgm_ops) where left_on is null;
create index member_name_order on member (name, id) where left_on is null;
