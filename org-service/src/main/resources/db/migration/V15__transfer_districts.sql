-- The districts at the two ends of a transfer, copied from the organizations (an organization
-- never changes district): a transfer whose ends differ is inter-district, and the receiving
-- district's system lists the ones addressed to it by one index range.
alter table transfer add column from_district_code text;
alter table transfer add column to_district_code text;

update transfer t set from_district_code = f.district_code, to_district_code = o.district_code
from organization f, organization o
where f.id = t.from_organization_id and o.id = t.to_organization_id;

alter table transfer alter column from_district_code set not null;
alter table transfer alter column to_district_code set not null;
alter table transfer add constraint transfer_district_codes check (from_district_code ~ '^[0-9]{6}$' and to_district_code ~ '^[0-9]{6}$');

create index transfer_inter_district_by_receiving on transfer (to_district_code, seq)
    where from_district_code <> to_district_code;
