#!/usr/bin/env bash
# City scale for org-service: subtree member counts, a district's member list and name search
# (members and organizations) against ~80,000 organizations and ~2.2 million members, through the HTTP API and, as the baseline in the same
# run, the same SQL straight on PostgreSQL. Prints p50/p99 of each and the API/SQL ratio.
#
# Usage: bench/org-city-scale.sh [seconds-per-measurement]
# Env:   BENCH_DIR   state dir (PostgreSQL + Kafka data, key, logs); default .local/bench-city.
#                    The generated city is kept there: the next run reuses it (skips generation).
#        SCALE       generator scale (1.0 = the city; 0.05 for a quick look); only for a fresh dir
#        DISTRICT    district whose root, largest committee and a 50-member branch are measured
#                    (default 310115 浦东新区, the largest)
#        CONNECTIONS concurrent requests/clients (default 1: latency of one request at a time)
#        COUNT_FROM  "member" makes the SQL baseline count member rows even when V21's member_count
#                    exists (to measure a build from before V21 on a reused city); default auto
#        ORG_APP     the packaged service's quarkus-app dir (default org-service/target/quarkus-app;
#                    built with mvn -o package -pl org-service when absent)
# Both sides run one statement sequence per request: wrk (-t1 -cN, keep-alive) against the
# service and pgbench (-M prepared -cN, --log) against PostgreSQL, each for the given seconds
# after a warm-up of the same length. The SQL side runs what the service runs for the request:
# the organization lookup, then the count (the member_count sum once V21 is there, else the
# count over member rows) or the list page.
# "District root" is the generator's stand-in node above the district's committees (see
# bench/org-city-generate.sql); the district list is GET /members?homeOrganizationId=<root>&subtree=true.
# Requests carry the X-Caller-* headers the gateway adds (district_admin of DISTRICT). The load
# average is printed with the table: on a shared 2-core machine it dominates the API's figures.
# The name searches' plans (EXPLAIN with the measured values) are printed after the table.
#
# Generating the full city (SCALE=1.0: 79,877 organizations, 2,174,722 members, 2.1 GB) took 293 s
# on 2 cores shared with two other builds (load average 15-20): 178 s the one INSERT ... SELECT of
# the members (no per-row triggers, FK checks or secondary indexes: replica mode, indexes dropped),
# 83 s re-creating the five member indexes after the load (one DO block, not timed one by one;
# V34 adds a sixth), the rest the organizations and VACUUM ANALYZE. SCALE=0.05 takes about 10 s. On a city
# generated before V34, Flyway builds V34's index at the service's start (78 s at load 25).
# Name searches at city scale (2026-12-07, load average 35-40, SQL p50): a three-character name
# 2.5 ms (trigrams); a two-character name 4,014 ms before V34 (the name order walked) -> 250 ms
# (V34's index); a surname alone 2,640 ms (still: ~36,000 members of the city hold it, read and
# sorted; left open); an organization word 17 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=${1:-15}
BENCH_DIR=${BENCH_DIR:-$ROOT/.local/bench-city}
SCALE=${SCALE:-1.0}
DISTRICT=${DISTRICT:-310115}
CONNECTIONS=${CONNECTIONS:-1}
ORG_APP=${ORG_APP:-$ROOT/org-service/target/quarkus-app}
source local/stack.sh

for tool in wrk pgbench psql; do
  command -v "$tool" >/dev/null || { echo "[bench] needs $tool (apt-get install wrk postgresql-client)" >&2; exit 1; }
done

mkdir -p "$BENCH_DIR"; chmod 755 "$BENCH_DIR"
work=$(mktemp -d /tmp/grassroots-city.XXXXXX); chmod 777 "$work"
PIDS=()
cleanup() {
  local rc=$?; set +e
  if [ ${#PIDS[@]} -gt 0 ]; then
    kill "${PIDS[@]}" 2>/dev/null
    for pid in "${PIDS[@]}"; do for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done; done
  fi
  stack_stop; rm -rf "$work"; exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ ! -f "$ORG_APP/quarkus-run.jar" ]; then
  stack_mvn -o -q -B package -DskipTests -pl org-service -am
fi
stack_start "$BENCH_DIR" ephemeral
PSQL=("$PG_BIN_DIR/psql" -X -q -h 127.0.0.1 -p "$STACK_PG_PORT")
sql() { "${PSQL[@]}" -U org -d org -tA -F ' ' -c "$1"; }

if [ ! -s "$BENCH_DIR/personal-data.key" ]; then (umask 077; head -c 32 /dev/urandom | base64 > "$BENCH_DIR/personal-data.key"); fi
ORG=$(stack_free_port); ORG_MGMT=$(stack_free_port)
start_org() {
  QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_HOST=127.0.0.1 MANAGEMENT_PORT=$ORG_MGMT PERSONAL_DATA_KEY=$(cat "$BENCH_DIR/personal-data.key") HTTP_PORT=$ORG DB_NAME=org DB_USER=org DB_PASSWORD=org \
    java -Xmx384m -jar "$ORG_APP/quarkus-run.jar" >"$BENCH_DIR/org-service.log" 2>&1 &
  PIDS+=($!)
  # up to 10 minutes: on a reused city, Flyway builds a new migration's indexes over 2 million members first
  for _ in $(seq 1 1200); do curl -fsS "http://127.0.0.1:$ORG_MGMT/q/health/ready" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "[bench] org-service is not ready" >&2; tail -n 30 "$BENCH_DIR/org-service.log" >&2; exit 1
}
start_org   # Flyway migrates the schema (and any new migration on a reused city)

if [ ! -f "$BENCH_DIR/generated" ]; then
  echo "[bench] generating the city (scale $SCALE) into $BENCH_DIR ..."
  started=$(date +%s.%N)
  "${PSQL[@]}" -U postgres -d org -v ON_ERROR_STOP=1 -v scale="$SCALE" -f bench/org-city-generate.sql \
    >"$BENCH_DIR/generate.log" 2>&1 || { cat "$BENCH_DIR/generate.log" >&2; exit 1; }
  awk -v s="$started" -v e="$(date +%s.%N)" -v sc="$SCALE" -v c="$(nproc)" \
    'BEGIN { printf "scale %s generated in %.0f s on %s cores\n", sc, e - s, c }' > "$BENCH_DIR/generated"
fi
# Vacuum again so that a reused city (and any index a new migration built) is settled.
"${PSQL[@]}" -U postgres -d org -c 'vacuum analyze member' -c 'vacuum analyze organization' >/dev/null
if [ "$(sql "select to_regclass('member_count') is not null")" = t ]; then
  "${PSQL[@]}" -U postgres -d org -c 'vacuum analyze member_count' >/dev/null
fi

read -r orgs branches members probationary < <(sql "select (select count(*) from organization),
  (select count(*) from organization where kind = 'BRANCH'), (select count(*) from member where left_on is null),
  (select count(*) from member where left_on is null and status = 'PROBATIONARY')")
echo "[bench] city: $orgs organizations ($branches branches), $members active members ($probationary probationary); $(cat "$BENCH_DIR/generated")"
echo "[bench] database size $(sql "select pg_size_pretty(pg_database_size('org'))"), member table+indexes $(sql "select pg_size_pretty(pg_total_relation_size('member'))")"

# The measured nodes: the district's root, its largest committee, a branch of about 50 members.
read -r ROOT_ID ROOT_PATH < <(sql "select id, path from organization where district_code = '$DISTRICT' and parent_id is null order by path limit 1")
read -r COMMITTEE_ID < <(sql "select split_part(home_path, '/', 3) from member where left_on is null
  and home_path >= '$ROOT_PATH' and home_path < '${ROOT_PATH%/}0' group by 1 order by count(*) desc limit 1")
COMMITTEE_PATH=$(sql "select path from organization where id = '$COMMITTEE_ID'")
read -r BRANCH_ID < <(sql "select home_organization_id from member where left_on is null
  and home_path >= '$ROOT_PATH' and home_path < '${ROOT_PATH%/}0' group by 1 order by abs(count(*) - 50), 1 limit 1")
BRANCH_PATH=$(sql "select path from organization where id = '$BRANCH_ID'")
upper() { echo "${1%/}0"; }   # TreePath.subtreeUpperBound: the trailing '/' raised to '0'
count_of() { sql "select count(*) from member where left_on is null and home_path >= '$1' and home_path < '$(upper "$1")'"; }
echo "[bench] district $DISTRICT root $ROOT_ID: $(count_of "$ROOT_PATH") members; committee $COMMITTEE_ID: $(count_of "$COMMITTEE_PATH"); branch $BRANCH_ID: $(count_of "$BRANCH_PATH")"

HEADERS=(-H "X-Caller-Subject: bench" -H "X-Caller-Kind: PERSON" -H "X-Caller-Roles: district_admin" -H "X-Caller-District: $DISTRICT")
API="http://127.0.0.1:$ORG/api/v1/orgs"
PAGE=50

# The district's member list: active members of the root's subtree in (home_path, id) order, keyset
# pagination; page 1000 (or the last full page of a smaller city) starts after (NTH-1)*PAGE members.
LIST_URL="$API/members?homeOrganizationId=$ROOT_ID&subtree=true&limit=$PAGE"
NTH=$(( $(count_of "$ROOT_PATH") / PAGE )); [ "$NTH" -gt 1000 ] && NTH=1000   # fewer pages in a small city
read -r KEY_PATH KEY_ID < <(sql "select home_path, id from member where left_on is null and home_path >= '$ROOT_PATH'
  and home_path < '$(upper "$ROOT_PATH")' order by home_path, id offset $(( (NTH - 1) * PAGE - 1 )) limit 1")
probe=$(curl -s -o "$work/probe.json" -w '%{http_code}' "${HEADERS[@]}" "$LIST_URL")
LIST_OK=0
if [ "$probe" = 200 ] && jq -e '.items | length == '$PAGE "$work/probe.json" >/dev/null 2>&1; then
  # Page NTH's cursor: the key of the last member of page NTH-1, encoded as the service does
  # (base64url of home_path + id). Cursors are opaque to clients; if the format ever changes, the
  # check below fails and the bench walks the pages instead (slow: NTH sequential requests).
  expected=$(sql "select id from member where left_on is null and home_path >= '$ROOT_PATH' and home_path < '$(upper "$ROOT_PATH")'
    order by home_path, id offset $(( (NTH - 1) * PAGE )) limit 1")
  CURSOR=$(printf '%s%s' "$KEY_PATH" "$KEY_ID" | base64 -w0 | tr '+/' '-_' | tr -d '=')
  first=$(curl -fsS "${HEADERS[@]}" "$LIST_URL&cursor=$CURSOR" | jq -r '.items[0].id' || true)
  if [ "$first" != "$expected" ]; then
    echo "[bench] computed cursor does not match the service's; walking $NTH pages" >&2
    CURSOR=$(jq -r .nextCursor "$work/probe.json")
    for _ in $(seq 2 $(( NTH - 1 ))); do
      CURSOR=$(curl -fsS "${HEADERS[@]}" "$LIST_URL&cursor=$CURSOR" | jq -r .nextCursor)
    done
    first=$(curl -fsS "${HEADERS[@]}" "$LIST_URL&cursor=$CURSOR" | jq -r '.items[0].id')
    [ "$first" = "$expected" ] || { echo "[bench] page $NTH starts with $first, SQL says $expected" >&2; exit 1; }
  fi
  LIST_OK=1
else
  echo "[bench] the API has no subtree member list ($LIST_URL answers $probe): measuring the list in SQL only" >&2
fi

source bench/http-measure.sh
db() { # name script-file -D... -> "p50 p99 transactions/s" in ms
  local name=$1 script=$2; shift 2
  rm -f "$work"/pgb_"$name".*
  "$PG_BIN_DIR/pgbench" -n -M prepared -c "$CONNECTIONS" -j 1 -T "$DURATION" -h 127.0.0.1 -p "$STACK_PG_PORT" -U org \
    -f "$script" "$@" org >/dev/null 2>&1
  (cd "$work" && "$PG_BIN_DIR/pgbench" -n -M prepared -c "$CONNECTIONS" -j 1 -T "$DURATION" -h 127.0.0.1 -p "$STACK_PG_PORT" -U org \
    -f "$script" "$@" --log --log-prefix="pgb_$name" org >"$work/pgb_$name.out" 2>&1) \
    || { cat "$work/pgb_$name.out" >&2; exit 1; }
  # Latency = time between a client's consecutive completions (it sends the next transaction at
  # once): pgbench 15's own "time" column logs 0 us for many transactions on this machine.
  cat "$work"/pgb_"$name".[0-9]* 2>/dev/null | awk 'NF >= 6 && $1 ~ /^[0-9]+$/ {
      t = $5 * 1000000 + $6
      if ($1 in prev) print (t - prev[$1]) / 1000; else print $3 / 1000
      prev[$1] = t }' | sort -n | awk -v d="$DURATION" '
    { v[NR] = $1 } END { if (NR == 0) { print "0 0 0"; exit }
      printf "%.2f %.2f %.0f\n", v[int(NR * 0.50 + 0.5) < 1 ? 1 : int(NR * 0.50 + 0.5)], v[int(NR * 0.99 + 0.5) < 1 ? 1 : int(NR * 0.99 + 0.5)], NR / d }'
}

# The statements the service runs for each request (see OrganizationQueries / MemberService).
if [ "${COUNT_FROM:-auto}" != member ] && [ "$(sql "select to_regclass('member_count') is not null")" = t ]; then
  # V21: per-organization counts kept by triggers, summed over the subtree's organizations
  cat > "$work/count.sql" <<'SQL'
select * from organization where id = :id;
select coalesce(sum(full_members), 0), coalesce(sum(probationary), 0) from member_count where path >= :lo and path < :hi;
SQL
else
  cat > "$work/count.sql" <<'SQL'
select * from organization where id = :id;
select count(*) filter (where status = 'FULL'), count(*) filter (where status = 'PROBATIONARY') from member where left_on is null and home_path >= :lo and home_path < :hi;
SQL
fi
cat > "$work/list-first.sql" <<SQL
select * from organization where id = :id;
select * from member where left_on is null and home_path >= :lo and home_path < :hi order by home_path, id limit $(( PAGE + 1 ));
SQL
cat > "$work/list-after.sql" <<SQL
select * from organization where id = :id;
select * from member where left_on is null and home_path < :hi and (home_path, id) > (:kp, :ki::uuid) order by home_path, id limit $(( PAGE + 1 ));
SQL

results=()
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
measure() { # label api-url sql-script pgbench-args...
  local label=$1 url=$2 script=$3; shift 3
  local a="- - -"
  [ "$url" != - ] && a=$(api "$label" "$url")
  local d; d=$(db "$(echo "$label" | tr -c 'a-z0-9\n' '_')" "$script" "$@")
  results+=("$label|$a|$d")
  echo "[bench] $label: api $a | sql $d" >&2
}
measure "count district root" "$API/organizations/$ROOT_ID/member-counts" "$work/count.sql" \
  -D id="$ROOT_ID" -D lo="$ROOT_PATH" -D hi="$(upper "$ROOT_PATH")"
measure "count committee" "$API/organizations/$COMMITTEE_ID/member-counts" "$work/count.sql" \
  -D id="$COMMITTEE_ID" -D lo="$COMMITTEE_PATH" -D hi="$(upper "$COMMITTEE_PATH")"
measure "count branch" "$API/organizations/$BRANCH_ID/member-counts" "$work/count.sql" \
  -D id="$BRANCH_ID" -D lo="$BRANCH_PATH" -D hi="$(upper "$BRANCH_PATH")"
if [ "$LIST_OK" = 1 ]; then FIRST_URL=$LIST_URL; NTH_URL="$LIST_URL&cursor=$CURSOR"; else FIRST_URL=-; NTH_URL=-; fi
measure "district list page 1" "$FIRST_URL" "$work/list-first.sql" \
  -D id="$ROOT_ID" -D lo="$ROOT_PATH" -D hi="$(upper "$ROOT_PATH")"
measure "district list page $NTH" "$NTH_URL" "$work/list-after.sql" \
  -D id="$ROOT_ID" -D hi="$(upper "$ROOT_PATH")" -D kp="$KEY_PATH" -D ki="$KEY_ID"

# Name search (issue 16): a district admin looks for a member by a full name (three characters:
# trigrams narrow it), by a two-character name and by a surname alone (too short for a trigram:
# V34's index of single characters and pairs narrows them; before V34 the name order and the
# district filter carried them), and for organizations by a word of their names; the SQL side
# runs the statement NameSearch runs (a district admin's reach needs no lookup).
read -r NAME3 NAME2 NAME1 < <(sql "select name, left(name, 2), left(name, 1) from member where left_on is null and char_length(name) = 3
  and home_path >= '$ROOT_PATH' and home_path < '$(upper "$ROOT_PATH")' order by id limit 1")
ORG_WORD=居民区党总支
uri() { jq -rn --arg s "$1" '$s|@uri'; }
MEMBER_SEARCH="select cast(m.id as text), m.name, m.status, cast(m.home_organization_id as text), o.name from member m join organization o on o.id = m.home_organization_id where m.left_on is null and m.name ilike cast(:pat as text)"
echo "$MEMBER_SEARCH and o.district_code = cast(:d as bpchar) order by m.name, m.id limit 21;" > "$work/member-search.sql"
if [ "$(sql "select to_regprocedure('name_grams(text)') is not null")" = t ]; then
  echo "$MEMBER_SEARCH and name_grams(m.name) @> array[lower(cast(:w as text))] and o.district_code = cast(:d as bpchar) order by m.name, m.id limit 21;" > "$work/member-search-short.sql"
else
  cp "$work/member-search.sql" "$work/member-search-short.sql"
fi
cat > "$work/org-search.sql" <<'SQL'
select cast(o.id as text), o.name, o.kind, o.district_code, cast(o.parent_id as text), o.dissolved_on from organization o where o.name ilike cast(:pat as text) and o.district_code = cast(:d as bpchar) order by o.name, o.id limit 21;
SQL
if [ "$(curl -s -o /dev/null -w '%{http_code}' "${HEADERS[@]}" "$API/members/search?q=$(uri "$NAME3")")" = 200 ]; then
  SEARCH_API=1
else
  SEARCH_API=0; echo "[bench] this build has no name search: measuring it in SQL only" >&2
fi
search_url() { [ "$SEARCH_API" = 1 ] && echo "$API/$1/search?q=$(uri "$2")&limit=20" || echo -; }
plans=()
plan() { # label script -D k=v... : the plan PostgreSQL picks with these values, one line of its scans
  local label=$1 sql; sql=$(cat "$2"); shift 2
  local arg k v
  for arg in $(printf '%s\n' "$@" | grep -v '^-D$' | awk -F= '{ print length($1) " " $0 }' | sort -rn | cut -d' ' -f2-); do
    k=${arg%%=*}; v=${arg#*=}; sql=${sql//:$k/\'${v//\'/\'\'}\'}
  done
  plans+=("$label|$("${PSQL[@]}" -U org -d org -tA -c "explain (costs off) $sql" | grep -E 'Scan|Sort|Limit|Join|Loop' \
    | sed -E 's/^[ ->]*//; s/  +/ /g; s/^(Parallel )?Seq Scan on (member|organization)\b/SEQ-SCAN \2/' | paste -sd ';' | sed 's/;/; /g')")
}
search() { # label url script -D...
  measure "$@"; plan "$1" "${@:3}"
}
search "member name $NAME3" "$(search_url members "$NAME3")" "$work/member-search.sql" -D pat="%$NAME3%" -D d="$DISTRICT"
search "member name $NAME2" "$(search_url members "$NAME2")" "$work/member-search-short.sql" -D pat="%$NAME2%" -D w="$NAME2" -D d="$DISTRICT"
search "member surname $NAME1" "$(search_url members "$NAME1")" "$work/member-search-short.sql" -D pat="%$NAME1%" -D w="$NAME1" -D d="$DISTRICT"
search "organization $ORG_WORD" "$(search_url organizations "$ORG_WORD")" "$work/org-search.sql" -D pat="%$ORG_WORD%" -D d="$DISTRICT"

echo
echo "org-service at city scale, $(nproc) cores, $CONNECTIONS connection(s), ${DURATION}s per measurement (ms); load average at start ${LOAD_AT_START}, now $(cut -d' ' -f1-3 /proc/loadavg)"
# the query last: a Chinese label is wider on screen than printf counts
printf '%9s %9s %8s | %9s %9s %8s | %7s %7s | %s\n' "API p50" "API p99" "req/s" "SQL p50" "SQL p99" "tx/s" "p50 x" "p99 x" query
for row in "${results[@]}"; do
  IFS='|' read -r label a d <<<"$row"
  read -r ap50 ap99 arps <<<"$a"; read -r dp50 dp99 dtps <<<"$d"
  awk -v l="$label" -v a50="$ap50" -v a99="$ap99" -v ar="$arps" -v d50="$dp50" -v d99="$dp99" -v dr="$dtps" 'BEGIN {
    r50 = (a50 == "-" || d50 == 0) ? "-" : sprintf("%.1f", a50 / d50); r99 = (a99 == "-" || d99 == 0) ? "-" : sprintf("%.1f", a99 / d99)
    printf "%9s %9s %8s | %9s %9s %8s | %7s %7s | %s\n", a50, a99, ar, d50, d99, dr, r50, r99, l }'
done
echo
echo "Plans of the name searches at city scale (EXPLAIN of the same statement with the same values):"
for row in "${plans[@]}"; do IFS='|' read -r label p <<<"$row"; echo "$label: $p"; done
