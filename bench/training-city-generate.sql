-- City-scale data for training-service's catalogue: three years of Shanghai's party courses, about
-- 20,000 a year (60,000 courses) with 1-4 sessions each (~150,000 sessions), from ~2,000
-- organizations and 60 joint conferences across the 16 districts.
-- For benchmarks only (bench/city-search.sh), never for tests. Run with psql as a superuser
-- against a training database that Flyway has already migrated and that holds no courses yet:
--   psql -v ON_ERROR_STOP=1 -v scale=1.0 -h 127.0.0.1 -p <port> -U postgres -d training -f bench/training-city-generate.sql
-- scale multiplies the number of courses.
--
-- Titles are a topic, a form that fits the kind and an issue number, sometimes with the
-- district's name in front: 浦东新区乡村振兴专题讲座（第12期）. Courses are created evenly over the
-- three years; their sessions start 1-13 weeks after the course was created, so the courses of the
-- last quarter have sessions to come; 5 % of sessions are cancelled. No enrolments: the catalogue
-- reads none.
\set ON_ERROR_STOP on
\if :{?scale}
\else
\set scale 1.0
\endif
\timing on

select setseed(0.20261207);

do $$ begin
    if exists (select 1 from course) then
        raise exception 'course is not empty: generate into a freshly migrated database';
    end if;
end $$;

begin;
-- No per-row FK and rules_version triggers: the data is consistent by construction.
set local session_replication_role = replica;

create temp table g_district (i int, code char(6), name text) on commit drop;
insert into g_district select ordinality - 1, split_part(d, ':', 1), split_part(d, ':', 2) from unnest(string_to_array(
    '310101:黄浦区,310104:徐汇区,310105:长宁区,310106:静安区,310107:普陀区,310109:虹口区,310110:杨浦区,310112:闵行区,'
    || '310113:宝山区,310114:嘉定区,310115:浦东新区,310116:金山区,310117:松江区,310118:青浦区,310120:奉贤区,310151:崇明区', ','))
    with ordinality as t(d);

create temp table g_topic (i int, t text) on commit drop;
insert into g_topic select ordinality - 1, t from unnest(string_to_array(
    '学习贯彻党的二十届三中全会精神,习近平新时代中国特色社会主义思想,党史学习教育,红色文化传承,基层治理创新,'
    || '社区党建引领,数字化转型,乡村振兴,城市更新,优化营商环境,党纪学习教育,统一战线工作,青年工作,老龄事业发展,'
    || '生态文明建设,长三角一体化发展,人民城市理念,法治政府建设,廉洁文化建设,志愿服务,非公企业党建,楼宇党建,'
    || '两新组织党建,网格化治理,应急管理,民法典,中华优秀传统文化,科技创新,总体国家安全观,共同富裕', ','))
    with ordinality as t(t);

create temp table g_form (kind text, i int, f text) on commit drop;
insert into g_form values
    ('LECTURE', 0, '专题讲座'), ('LECTURE', 1, '专题党课'), ('LECTURE', 2, '辅导报告'),
    ('IMMERSIVE', 0, '沉浸式党课'), ('IMMERSIVE', 1, '情景党课'), ('IMMERSIVE', 2, '红色剧本研学'),
    ('ON_SITE_THEME_DAY', 0, '现场教学'), ('ON_SITE_THEME_DAY', 1, '主题党日'), ('ON_SITE_THEME_DAY', 2, '红色寻访'),
    ('ACADEMY', 0, '专题培训班'), ('ACADEMY', 1, '研修班'), ('ACADEMY', 2, '书记学院轮训'),
    ('FORUM', 0, '论坛'), ('FORUM', 1, '沙龙'), ('FORUM', 2, '青年说');

-- ~2,000 organizations and 60 joint conferences that provide courses; the first providers are
-- the busiest (a district committee runs more courses than a street's).
create temp table g_provider on commit drop as
select row_number() over () - 1 as i, gen_random_uuid() as id, kind
from (select 'ORGANIZATION' as kind from generate_series(1, 2000)
      union all select 'JOINT_CONFERENCE' from generate_series(1, 60)) p;

create temp table g_course on commit drop as
select gen_random_uuid() as id, gs.k as i,
       (array['LECTURE', 'LECTURE', 'LECTURE', 'IMMERSIVE', 'ON_SITE_THEME_DAY', 'ON_SITE_THEME_DAY', 'ACADEMY', 'FORUM'])
           [1 + floor(random() * 8)::int] as kind,
       floor(random() * 30)::int as topic, floor(random() * 3)::int as form, floor(random() * 16)::int as district,
       floor(2060 * power(random(), 2.5))::int as provider,
       now() - random() * interval '1095 days' as created_at,
       1 + floor(random() * random() * 4)::int as sessions
from generate_series(1, round(60000 * :scale)::int) as gs(k);

insert into course (id, title, kind, provider_kind, provider_id, credit_hours, description, created_at)
select c.id,
       case when c.i % 3 = 0 then d.name else '' end || t.t || f.f || '（第' || (1 + c.i % 97) || '期）',
       c.kind, p.kind, p.id, (array[1.0, 1.5, 2.0, 3.0, 4.0, 8.0])[1 + c.i % 6], '面向全市党员开放', c.created_at
from g_course c
join g_district d on d.i = c.district
join g_topic t on t.i = c.topic
join g_form f on f.kind = c.kind and f.i = c.form
join g_provider p on p.i = c.provider;

insert into training_session (id, course_id, status, starts_at, ends_at, venue_kind, venue, station_room_id, capacity,
                              seats_taken, enrolment_opens_at, enrolment_closes_at, cancellation_deadline, quota_by,
                              seats_per_group, hold_minutes, check_in_secret, last_position, created_at)
select gen_random_uuid(), c.id, case when random() < 0.05 then 'CANCELLED' else 'SCHEDULED' end,
       s.starts_at, s.starts_at + interval '2 hours', 'ADDRESS', '上海市' || d.name || '党群服务中心多功能厅', null,
       s.capacity, 0, c.created_at, s.starts_at - interval '1 day', s.starts_at - interval '1 day', 'NONE',
       0, 30, decode(md5(random()::text) || md5(random()::text), 'hex'), 0, c.created_at
from g_course c
join g_district d on d.i = c.district
cross join lateral (
    select date_trunc('hour', c.created_at) + interval '1 week' * (1 + n * 3 + floor(random() * 3)) + interval '10 hours' as starts_at,
           (array[30, 50, 80, 120, 200])[1 + floor(random() * 5)::int] as capacity
    from generate_series(0, c.sessions - 1) as n
) s;

commit;

vacuum (analyze) course;
vacuum (analyze) training_session;

select (select count(*) from course) as courses,
       (select count(*) from training_session) as sessions,
       (select count(*) from training_session where status = 'SCHEDULED' and starts_at > now()) as sessions_to_come,
       (select count(distinct course_id) from training_session where status = 'SCHEDULED' and starts_at > now()) as courses_with_sessions_to_come;
