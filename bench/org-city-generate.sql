-- City-scale data for org-service: 16 districts, ~80,000 organizations, ~2.2 million members.
-- For benchmarks only (bench/org-city-scale.sh), never for tests. Run with psql as a superuser
-- against an org-service database that Flyway has already migrated and that holds no
-- organizations yet:
--   psql -v ON_ERROR_STOP=1 -v scale=1.0 -h 127.0.0.1 -p <port> -U postgres -d org -f bench/org-city-generate.sql
-- scale multiplies the number of committees (0.05 gives a quick ~4,000-organization city).
--
-- Shape of each district: a stand-in district node (中共上海市…区委员会) at the top, so that
-- "the whole district" is one subtree that the API can count and list; below it the committees
-- (街道党工委, 镇党委, enterprise 党委), each holding 0-6 general branches of 3-8 branches and
-- 2-11 branches directly; every branch holds 3-61 members, ~88 % FULL. The district node breaks
-- one tree rule on purpose (a COMMITTEE holding COMMITTEEs, which the API refuses); the queries
-- measured here do not look at kinds.
--
-- Protected personal data is fake but well-formed: id_number_encrypted / phone_encrypted hold
-- 'v1:' + base64 of as many bytes as AES-GCM would produce (12 IV + plaintext + 16 tag) but are
-- not decryptable; id_number_hash is a unique 64-hex value; the masked forms look like real
-- masks. Counting and listing members never decrypts, so the service reads none of it; a GET
-- of one generated member works too (it returns only the masked forms).
\set ON_ERROR_STOP on
\if :{?scale}
\else
\set scale 1.0
\endif
\timing on

select setseed(0.20261129);

do $$ begin
    if exists (select 1 from organization) then
        raise exception 'organization is not empty: generate into a freshly migrated database';
    end if;
end $$;

begin;
set local session_replication_role = replica;   -- no per-row FK triggers; the data is consistent by construction
set local maintenance_work_mem = '512MB';

create temp table g_district (code char(6), name text, weight numeric) on commit drop;
-- weights roughly follow the districts' populations
insert into g_district values
    ('310101', '黄浦区', 1.0), ('310104', '徐汇区', 1.2), ('310105', '长宁区', 0.8), ('310106', '静安区', 1.2),
    ('310107', '普陀区', 1.0), ('310109', '虹口区', 0.8), ('310110', '杨浦区', 1.2), ('310112', '闵行区', 2.0),
    ('310113', '宝山区', 1.5), ('310114', '嘉定区', 1.2), ('310115', '浦东新区', 4.0), ('310116', '金山区', 0.6),
    ('310117', '松江区', 1.2), ('310118', '青浦区', 0.8), ('310120', '奉贤区', 0.8), ('310151', '崇明区', 0.6);

create temp table g_word (i int, w text) on commit drop;
insert into g_word select ordinality - 1, w from unnest(string_to_array(
    '东湖,南京,淮海,枫林,天平,新华,江宁,曹家渡,长风,宜川,四平,殷行,五角场,江湾,古美,七宝,莘庄,吴淞,'
    || '友谊,罗泾,安亭,南翔,陆家嘴,张江,花木,金桥,川沙,惠南,朱泾,枫泾,泗泾,九亭,赵巷,练塘,南桥,庄行,'
    || '城桥,港沿,长兴,横沙,明珠,翠竹,银杏,桂花,香樟,梧桐,锦绣,和平,幸福,曙光,东方,兴业,华阳,虹桥', ',')) with ordinality as t(w);

create temp table g_root on commit drop as
select gen_random_uuid() as id, code, name from g_district;

create temp table g_committee on commit drop as
select gen_random_uuid() as id, r.id as parent_id, r.code, '/' || r.id || '/' as parent_path, gs.k as i,
       floor(random() * 7)::int as general_branches, 2 + floor(random() * 10)::int as direct_branches
from g_root r
join g_district d using (code)
cross join lateral generate_series(1, greatest(1, round(2960 * d.weight / 19.9 * :scale))::int) as gs(k);
alter table g_committee add column path text;
update g_committee set path = parent_path || id || '/';

create temp table g_general on commit drop as
select gen_random_uuid() as id, c.id as parent_id, c.code, c.path as parent_path, gs.k as i, 3 + floor(random() * 6)::int as branches
from g_committee c cross join lateral generate_series(1, c.general_branches) as gs(k);
alter table g_general add column path text;
update g_general set path = parent_path || id || '/';

create temp table g_branch on commit drop as
select gen_random_uuid() as id, p.parent_id, p.code, p.parent_path, gs.k as i, 3 + floor(random() * 59)::int as members
from (select id as parent_id, code, path as parent_path, branches as n from g_general
      union all
      select id, code, path, direct_branches from g_committee) p
cross join lateral generate_series(1, p.n) as gs(k);
alter table g_branch add column path text;
update g_branch set path = parent_path || id || '/';

insert into organization (id, name, kind, district_code, parent_id, founded_on, document_number, path, created_at)
select id, '中共上海市' || name || '委员会', 'COMMITTEE', code, null, date '1950-01-01', null, '/' || id || '/', now()
from g_root
union all
select c.id,
       (select w from g_word where g_word.i = c.i % 54) || (c.i / 54 + 1)
           || (array['街道党工委', '镇党委', '有限公司党委', '集团党委'])[1 + c.i % 4],
       'COMMITTEE', c.code, c.parent_id, date '1980-01-01' + (c.i * 37 % 15000), c.code || '组〔' || (1980 + c.i % 45) || '〕' || c.i || '号',
       c.path, now()
from g_committee c
union all
select g.id, (select w from g_word where g_word.i = (g.i * 7) % 54) || (array['居民区党总支', '村党总支', '第' || g.i || '党总支'])[1 + g.i % 3],
       'GENERAL_BRANCH', g.code, g.parent_id, date '1990-01-01' + (g.i * 53 % 12000), null, g.path, now()
from g_general g
union all
select b.id, '第' || b.i || '党支部', 'BRANCH', b.code, b.parent_id, date '2000-01-01' + (b.i * 97 % 9000), null, b.path, now()
from g_branch b;

insert into organization_change (organization_id, change, to_value, effective_on, document_number, occurred_at)
select id, 'CREATED', name, founded_on, document_number, created_at from organization;

-- Building the member indexes once after the load is several times faster than keeping them up
-- to date row by row; whatever indexes the migrations define are dropped and re-created as they were.
create temp table g_member_index on commit drop as
select indexname, indexdef from pg_indexes
where schemaname = current_schema() and tablename = 'member'
  and indexname not in (select conname from pg_constraint where conrelid = 'member'::regclass);
do $$ declare r record; begin
    for r in select indexname from g_member_index loop execute 'drop index ' || quote_ident(r.indexname); end loop;
end $$;

create temp table g_name (kind char(1), i int, s text) on commit drop;
insert into g_name select 'S', ordinality - 1, s from unnest(string_to_array(
    '王,李,张,刘,陈,杨,黄,赵,吴,周,徐,孙,马,朱,胡,郭,何,高,林,罗,郑,梁,谢,宋,唐,许,韩,冯,邓,曹,'
    || '彭,曾,萧,田,董,袁,潘,于,蒋,蔡,余,杜,叶,程,苏,魏,吕,丁,任,沈,姚,卢,姜,崔,钟,谭,陆,汪,范,金', ',')) with ordinality as t(s);
insert into g_name select 'G', ordinality - 1, s from unnest(string_to_array(
    '伟,芳,娜,敏,静,丽,强,磊,军,洋,勇,艳,杰,娟,涛,明,超,秀,霞,平,刚,桂,英,华,玉,萍,红,鹏,辉,建,'
    || '文,斌,宇,浩,凯,晨,欣,怡,佳,思,雨,婷,嘉,俊,子,涵,轩,博,瑞,琳,欢,晓,海,燕,丹,云,峰,志,新,春', ',')) with ordinality as t(s);

insert into member (id, home_organization_id, home_path, name, status, admitted_on, full_since,
                    id_number_encrypted, id_number_hash, id_number_masked, phone_encrypted, phone_masked, registered_at)
select m.id, b.id, b.path,
       names.surnames[m.s + 1] || names.given[m.g1 + 1] || coalesce(names.given[m.g2 + 1], ''),
       case when m.probationary then 'PROBATIONARY' else 'FULL' end,
       m.admitted,
       case when m.probationary then null else m.admitted + 365 end,
       'v1:' || encode(decode(substr(md5(m.id::text || 'i') || md5(m.id::text || 'j'), 1, 64)
                              || substr(md5(m.id::text || 'k'), 1, 28), 'hex'), 'base64'),
       encode(sha256(convert_to(m.id::text, 'UTF8')), 'hex'),
       '310***********' || lpad(floor(m.r * 1000)::int::text, 3, '0') || substr('0123456789X', 1 + floor(m.r * 11000)::int % 11, 1),
       'v1:' || encode(decode(md5(m.id::text || 'p') || md5(m.id::text || 'q') || substr(md5(m.id::text || 'r'), 1, 14), 'hex'), 'base64'),
       '1' || (3 + floor(m.r * 7)::int) || floor(m.r * 70 * 10)::int % 10 || '****' || lpad((floor(m.r * 1e7)::int % 10000)::text, 4, '0'),
       now()
from g_branch b
cross join (select array_agg(s order by i) filter (where kind = 'S') as surnames,
                   array_agg(s order by i) filter (where kind = 'G') as given from g_name) names
cross join lateral (
    select gen_random_uuid() as id, random() as r, floor(random() * 60)::int as s, floor(random() * 60)::int as g1,
           case when random() < 0.6 then floor(random() * 60)::int end as g2,
           random() < 0.12 as probationary
    from generate_series(1, b.members)
) m0
cross join lateral (
    select m0.*, case when m0.probationary then current_date - 30 - floor(m0.r * 300)::int
                      else date '1965-01-01' + floor(m0.r * 21500)::int end as admitted
) m;

do $$ declare r record; begin
    for r in select indexdef from g_member_index loop execute r.indexdef; end loop;
end $$;

-- Triggers do not fire in replica mode: rebuild the per-organization member counts (V21) when
-- the schema has them.
do $$ begin
    if to_regclass('member_count') is not null then
        delete from member_count;
        insert into member_count (organization_id, path, full_members, probationary)
        select m.home_organization_id, min(m.home_path),
               count(*) filter (where m.status = 'FULL'), count(*) filter (where m.status = 'PROBATIONARY')
        from member m where m.left_on is null group by m.home_organization_id;
    end if;
end $$;

commit;

-- Sets the visibility map, so that counts can be index-only scans as on a settled live database.
vacuum (analyze) organization;
vacuum (analyze) organization_change;
vacuum (analyze) member;
select to_regclass('member_count') is not null as has_member_count \gset
\if :has_member_count
vacuum (analyze) member_count;
\endif

select (select count(*) from organization) as organizations,
       (select count(*) from organization where kind = 'BRANCH') as branches,
       (select count(*) from member) as members,
       (select count(*) from member where status = 'PROBATIONARY') as probationary;
