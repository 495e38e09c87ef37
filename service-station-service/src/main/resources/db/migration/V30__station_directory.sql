-- Finding stations from a phone: near me (distance order), by district, by service, open now.
-- Distances on the earth's surface: cube's <-> on ll_to_earth is the chord, which orders like the
-- great-circle distance and is answered from a GiST index nearest first (KNN).
create extension if not exists cube;
create extension if not exists earthdistance;

create index station_near on station using gist (ll_to_earth(latitude, longitude))
    where latitude is not null and longitude is not null;
create index station_services on station using gin (services);
create index station_district_name on station (district_code, name, id);
create index station_name on station (name, id);
