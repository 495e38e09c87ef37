-- The district size report walks a district's active organizations in tree (path) order.
create index organization_active_by_district_path on organization (district_code, path) where dissolved_on is null;
