-- City-scale data for service-station-service's directory: ~12,000 party-and-mass service stations
-- and points across Shanghai's 16 districts, with opening hours and closures.
-- For benchmarks only (bench/city-search.sh), never for tests. Run with psql as a superuser
-- against a stations database that Flyway has already migrated and that holds no stations yet:
--   psql -v ON_ERROR_STOP=1 -v scale=1.0 -h 127.0.0.1 -p <port> -U postgres -d stations -f bench/stations-city-generate.sql
-- scale multiplies the number of stations.
--
-- Each station lies around its district's centre (a spread that follows the district's size,
-- clipped to Shanghai's bounding box 30.68-31.87 N, 120.85-122.00 E); 3 % have no location (they
-- are in the by-name list, not in "near me"). Services: each of twelve with a chance of 1 in 4.
-- Hours: most open Monday to Friday 9:00-17:00, a quarter every day 8:30-20:30, some Monday to
-- Saturday 9:00-21:00, 5 % round the clock (self-service points: "open now" finds some at any
-- hour); 2 % are closed right now for a day, and as many have a closure in the past or next month.
\set ON_ERROR_STOP on
\if :{?scale}
\else
\set scale 1.0
\endif
\timing on

select setseed(0.20261206);

do $$ begin
    if exists (select 1 from station) then
        raise exception 'station is not empty: generate into a freshly migrated database';
    end if;
end $$;

begin;
-- No per-row FK and rules_version triggers: the data is consistent by construction, and nothing
-- has been booked against a rule yet.
set local session_replication_role = replica;

create temp table g_district (code char(6), name text, lat float8, lon float8, spread float8, weight float8) on commit drop;
insert into g_district values
    ('310101', '黄浦区', 31.2317, 121.4846, 0.015, 0.045), ('310104', '徐汇区', 31.1886, 121.4370, 0.025, 0.060),
    ('310105', '长宁区', 31.2205, 121.4241, 0.020, 0.040), ('310106', '静安区', 31.2446, 121.4542, 0.020, 0.060),
    ('310107', '普陀区', 31.2496, 121.3975, 0.020, 0.050), ('310109', '虹口区', 31.2645, 121.5053, 0.015, 0.040),
    ('310110', '杨浦区', 31.2596, 121.5260, 0.020, 0.060), ('310112', '闵行区', 31.1128, 121.3819, 0.060, 0.090),
    ('310113', '宝山区', 31.4053, 121.4893, 0.055, 0.075), ('310114', '嘉定区', 31.3746, 121.2654, 0.070, 0.060),
    ('310115', '浦东新区', 31.2210, 121.5440, 0.120, 0.190), ('310116', '金山区', 30.7419, 121.3420, 0.060, 0.035),
    ('310117', '松江区', 31.0322, 121.2277, 0.070, 0.060), ('310118', '青浦区', 31.1510, 121.1242, 0.080, 0.045),
    ('310120', '奉贤区', 30.9181, 121.4741, 0.070, 0.045), ('310151', '崇明区', 31.6230, 121.3972, 0.120, 0.045);

create temp table g_word (i int, w text) on commit drop;
insert into g_word select ordinality - 1, w from unnest(string_to_array(
    '东湖,南京,淮海,枫林,天平,新华,江宁,曹家渡,长风,宜川,四平,殷行,五角场,江湾,古美,七宝,莘庄,吴淞,'
    || '友谊,罗泾,安亭,南翔,陆家嘴,张江,花木,金桥,川沙,惠南,朱泾,枫泾,泗泾,九亭,赵巷,练塘,南桥,庄行,'
    || '城桥,港沿,长兴,横沙,明珠,翠竹,银杏,桂花,香樟,梧桐,锦绣,和平,幸福,曙光,东方,兴业,华阳,虹桥', ',')) with ordinality as t(w);

create temp table g_service (i int, s text) on commit drop;
insert into g_service select ordinality - 1, s from unnest(string_to_array(
    '党员学习,政策咨询,法律援助,健康义诊,文体活动,志愿服务,社区议事,心理疏导,就业指导,托育服务,助老服务,青年之家', ','))
    with ordinality as t(s);

create temp table g_station on commit drop as
select gen_random_uuid() as id, d.code, d.name as district_name, gs.k as i,
       -- a sum of three uniforms: roughly normal around the centre, never far out
       d.lat + d.spread * (random() + random() + random() - 1.5) as lat,
       d.lon + d.spread * 1.15 * (random() + random() + random() - 1.5) as lon,
       random() as r,
       -- each of the twelve services with a chance of 1 in 4 (two random bit sets and-ed)
       floor(random() * 4096)::int & floor(random() * 4096)::int as service_bits
from g_district d
cross join lateral generate_series(1, greatest(1, round(12000 * d.weight * :scale))::int) as gs(k);

insert into station (id, name, district_code, address, latitude, longitude, host_units, services, time_zone, created_at)
select s.id,
       (select w from g_word where g_word.i = s.i % 54)
           || case when s.i > 54 then (s.i / 54 + 1)::text else '' end
           || (array['党群服务站', '居民区党群服务点', '楼宇党群服务站', '园区党群服务中心', '新时代文明实践站'])[1 + s.i % 5],
       s.code,
       '上海市' || s.district_name || (select w from g_word where g_word.i = (s.i * 7) % 54)
           || (array['路', '大道', '街', '弄'])[1 + s.i % 4] || (1 + s.i * 13 % 1500) || '号',
       case when s.r < 0.03 then null else round(least(31.87, greatest(30.68, s.lat))::numeric, 6)::float8 end,
       case when s.r < 0.03 then null else round(least(122.00, greatest(120.85, s.lon))::numeric, 6)::float8 end,
       array['中共上海市' || s.district_name || '委员会'],
       array(select g.s from g_service g where (s.service_bits >> g.i) & 1 = 1 order by g.i),
       'Asia/Shanghai',
       now() - (s.i % 1500) * interval '1 day'
from g_station s;
-- every station offers at least one service
update station set services = array['党员学习'] where services = '{}';

insert into station_opening_hours (station_id, weekday, opens, closes)
select s.id, wd, o.opens, o.closes
from g_station s
cross join lateral (select case when s.r < 0.55 then 0 when s.r < 0.80 then 1 when s.r < 0.95 then 2 else 3 end as pattern) p
cross join lateral (values (0, time '09:00', time '17:00', 5), (1, time '08:30', time '20:30', 7),
                           (2, time '09:00', time '21:00', 6), (3, time '00:00', time '23:59:59', 7)) as o(pattern, opens, closes, days)
cross join lateral generate_series(1, o.days) as wd
where o.pattern = p.pattern;

insert into station_closure (id, station_id, starts_at, ends_at, reason)
select gen_random_uuid(), s.id, c.starts_at, c.starts_at + interval '1 day', c.reason
from g_station s
cross join lateral (
    select case when s.r between 0.10 and 0.12 then date_trunc('day', now())
                when s.r between 0.20 and 0.21 then date_trunc('day', now()) - interval '40 days'
                when s.r between 0.30 and 0.31 then date_trunc('day', now()) + interval '20 days' end as starts_at,
           (array['设备检修', '场地消杀', '节日闭馆', '换届选举布置'])[1 + floor(s.r * 1000)::int % 4] as reason
) c
where c.starts_at is not null;

commit;

vacuum (analyze) station;
vacuum (analyze) station_opening_hours;
vacuum (analyze) station_closure;

select (select count(*) from station) as stations,
       (select count(*) from station where latitude is null) as without_location,
       (select count(*) from station_opening_hours) as opening_hours,
       (select count(*) from station_closure) as closures;
