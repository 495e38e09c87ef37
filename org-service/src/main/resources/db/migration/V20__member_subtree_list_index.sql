-- A subtree's member list is keyset-paged by (home_path, id); this index serves it as one range in
-- that order (page 1000 costs what page 1 costs). Carrying status, it also serves subtree counts
-- and the size report as index-only scans, so it replaces the (home_path, status) index.
create index member_active_by_home_path_id on member (home_path, id) include (status) where left_on is null;
drop index member_active_by_home_path;
