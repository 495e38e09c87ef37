-- Finding stations from a phone: near me (distance order), by district, by service, open now.
-- A station's location as a point on the unit sphere (cube); the Euclidean distance between two
-- such points (the chord) orders like the distance on the earth's surface and is answered from a
-- GiST index nearest first (KNN). cube is a trusted extension; earthdistance is not (the
-- service's role may not create it), hence this function.
create extension if not exists cube;

create function station_point(latitude double precision, longitude double precision) returns cube
    language sql immutable parallel safe
    return cube(array[cos(radians(latitude)) * cos(radians(longitude)),
                      cos(radians(latitude)) * sin(radians(longitude)),
                      sin(radians(latitude))]);

create index station_near on station using gist (station_point(latitude, longitude))
    where latitude is not null and longitude is not null;
create index station_services on station using gin (services);
create index station_district_name on station (district_code, name, id);
create index station_name on station (name, id);
