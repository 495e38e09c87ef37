#!/usr/bin/env bash
# City scale for the phone's searches outside org-service (issue 16): the station directory
# (service-station-service, GET /api/v1/stations/directory: by name, district, service, open now,
# near me) and the course catalogue (training-service, GET /api/v1/training/courses: words of the
# title, kind, provider, upcoming; GET /api/v1/training/sessions: sessions to come), against ~12,000
# stations and three years of courses (~60,000 courses, ~150,000 sessions). Each query is measured
# through the HTTP API and, as the baseline in the same run, the same SQL straight on PostgreSQL;
# prints p50/p99/throughput of both, the API/SQL ratio, the load average, and each query's plan at
# city scale (the indexes it uses; a sequential scan of a big table is flagged).
# org-service's name search is in bench/org-city-scale.sh.
#
# Usage: bench/city-search.sh [seconds-per-measurement]
# Env:   BENCH_DIR   state dir (PostgreSQL data, logs); default .local/bench-city-search. The
#                    generated city is kept there: the next run reuses it (skips generation).
#        SCALE       generator scale (1.0 = the city; 0.1 for a quick look); only for a fresh dir
#        CONNECTIONS concurrent requests/clients (default 1: latency of one request at a time)
#        ONLY        stations | training: measure one service only
#        STATIONS_APP, TRAINING_APP  the packaged services' quarkus-app dirs (default
#                    <service>/target/quarkus-app; built with mvn -o package when absent)
# Both sides run one statement per request: wrk (-t1 -cN, keep-alive) against the service and
# pgbench (-M prepared -cN, --log) against PostgreSQL running the statement the service builds for
# that request (StationDirectory, CourseCatalogue, SessionCatalogue; the parameters typed as the
# service binds them), each for the given seconds after a warm-up of the same length. Neither
# search looks anything up for a plain member before its statement (no organization scope).
# Requests carry the X-Caller-* headers the gateway adds for a plain member. PostgreSQL only: the
# services' Kafka clients point at a port nobody listens on (as in station-booking.sh); a search
# publishes and consumes nothing.
# For each query the statements the service ran for one request (PostgreSQL's log) are kept in
# $BENCH_DIR/statements/ beside the pgbench script, to check that the bench runs the same SQL.
#
# What the plans showed at city scale, and what was changed (PostgreSQL 15):
# - Station directory, every query: "open now" as a column, computed in the same query as the
#   scan, was planned as a hashed subplan over all ~69,000 opening-hours rows for a page of 20.
#   StationDirectory now takes the page's rows in an inner query and works "open now" out for those
#   only (index probes on station_opening_hours_pkey).
# - Near me: PostgreSQL before 17 walks a GiST index nearest first only when the distance is the
#   whole ORDER BY; with the keyset's (distance, id) it read and sorted every station (Seq Scan +
#   Sort). StationDirectory now finds the distance of the page's last row nearest first on
#   station_near (cutoff) and takes the stations within it through the same index (bounding box),
#   ties in id order.
# - Sessions to come: Hibernate's (starts_at > t or (starts_at = t and id > x)) gave the index no
#   range, so every past session was read; SessionCatalogue adds starts_at >= t.
# - Course catalogue: each filter uses its index (trigram, newest, kind, provider, scheduled
#   sessions). Not changed, and left open: a title word of one or two characters that few titles
#   hold has no trigram, and PostgreSQL reads every course ("q=量子": Seq Scan, ~250 ms on the
#   loaded machine); org-service's V34 (an index of each name's characters and pairs) is the recipe.
#   "q=乡村振兴 upcoming" was planned once on course_newest and once as a parallel Seq Scan of
#   course (8 ms): the two filters' combined selectivity is a guess.
#
# Runs on 2026-12-07, 2 cores shared with two other helpers' builds and test suites (load average
# 25-40: every figure is noisy, the API's most), 8 s per measurement, one connection; SQL p50 in ms
# before -> after the changes above (different runs, same machine state):
#   stations by name 11.88 -> 0.94, near me 66.64 -> 1.94, near me page 11 98.89 -> 4.64,
#   sessions to come 249.04 (the old statement, same run as the new API's 47.89) -> 0.32.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=${1:-10}
BENCH_DIR=${BENCH_DIR:-$ROOT/.local/bench-city-search}
SCALE=${SCALE:-1.0}
CONNECTIONS=${CONNECTIONS:-1}
ONLY=${ONLY:-}
STATIONS_APP=${STATIONS_APP:-$ROOT/service-station-service/target/quarkus-app}
TRAINING_APP=${TRAINING_APP:-$ROOT/training-service/target/quarkus-app}
source local/stack.sh

for tool in wrk pgbench psql jq; do
  command -v "$tool" >/dev/null || { echo "[bench] needs $tool (apt-get install wrk postgresql-client jq)" >&2; exit 1; }
done

mkdir -p "$BENCH_DIR"; chmod 755 "$BENCH_DIR"; BENCH_DIR=$(cd "$BENCH_DIR" && pwd)
work=$(mktemp -d /tmp/grassroots-city-search.XXXXXX); chmod 777 "$work"
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

want() { [ -z "$ONLY" ] || [ "$ONLY" = "$1" ]; }
if want stations && [ ! -f "$STATIONS_APP/quarkus-run.jar" ]; then stack_mvn -o -q -B package -DskipTests -pl service-station-service -am; fi
if want training && [ ! -f "$TRAINING_APP/quarkus-run.jar" ]; then stack_mvn -o -q -B package -DskipTests -pl training-service -am; fi

stack_start_postgres "$BENCH_DIR/postgres" ephemeral
PG_BIN_DIR=$(stack_pg_bin)
export DB_HOST=127.0.0.1 DB_PORT="$STACK_PG_PORT" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$(stack_free_port)"
PSQL=("$PG_BIN_DIR/psql" -X -q -h 127.0.0.1 -p "$STACK_PG_PORT")

start_service() { # name app-dir db extra-env... -> sets PORT_<name>
  local name=$1 app=$2 db=$3; shift 3
  local port mgmt; port=$(stack_free_port); mgmt=$(stack_free_port)
  env QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_HOST=127.0.0.1 MANAGEMENT_PORT=$mgmt HTTP_PORT=$port \
    DB_NAME=$db DB_USER=$db DB_PASSWORD=$db "$@" \
    java -Xmx384m -jar "$app/quarkus-run.jar" >"$BENCH_DIR/$name.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 240); do curl -fsS "http://127.0.0.1:$mgmt/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fsS "http://127.0.0.1:$mgmt/q/health/ready" >/dev/null 2>&1 \
    || { echo "[bench] $name is not ready" >&2; tail -n 30 "$BENCH_DIR/$name.log" >&2; exit 1; }
  printf -v "PORT_$name" '%s' "$port"
}

generate() { # db sql-file
  if [ ! -f "$BENCH_DIR/generated-$1" ]; then
    echo "[bench] generating $1 (scale $SCALE) into $BENCH_DIR ..." >&2
    local started; started=$(date +%s.%N)
    "${PSQL[@]}" -U postgres -d "$1" -v ON_ERROR_STOP=1 -v scale="$SCALE" -f "$2" >"$BENCH_DIR/generate-$1.log" 2>&1 \
      || { cat "$BENCH_DIR/generate-$1.log" >&2; exit 1; }
    awk -v s="$started" -v e="$(date +%s.%N)" -v sc="$SCALE" -v c="$(nproc)" \
      'BEGIN { printf "scale %s generated in %.0f s on %s cores\n", sc, e - s, c }' > "$BENCH_DIR/generated-$1"
  fi
  # a reused city (and any index a new migration built) is settled as a live database would be
  "${PSQL[@]}" -U postgres -d "$1" -c 'vacuum analyze' >/dev/null
}

# Flyway migrates each schema when its service starts (and any new migration on a reused city).
if want stations; then
  start_service stations "$STATIONS_APP" stations PERSONAL_DATA_KEY="$(head -c 32 /dev/urandom | base64)" \
    OUTBOX_RELAY_INTERVAL=1s NO_SHOW_EVERY=off
  generate stations bench/stations-city-generate.sql
fi
if want training; then
  start_service training "$TRAINING_APP" training OUTBOX_RELAY_INTERVAL=1s HOLD_CHECK_EVERY=off VENUE_TIMEOUT_CHECK_EVERY=off
  generate training bench/training-city-generate.sql
fi

MEMBER=8d2c6f3e-5b1a-4c2e-9f10-3a7b2c1d0e4f
HEADERS=(-H "X-Caller-Subject: $MEMBER" -H "X-Caller-Kind: PERSON" -H "X-Caller-Roles: member")
uri() { jq -rn --arg s "$1" '$s|@uri'; }
b64url_decode() { local s; s=$(echo -n "$1" | tr -- '-_' '+/'); while [ $(( ${#s} % 4 )) -ne 0 ]; do s="$s="; done; echo -n "$s" | base64 -d; }

source bench/http-measure.sh
db() { # name database script-file -D... -> "p50 p99 transactions/s" in ms
  local name=$1 database=$2 script=$3; shift 3
  rm -f "$work"/pgb_"$name".*
  "$PG_BIN_DIR/pgbench" -n -M prepared -c "$CONNECTIONS" -j 1 -T "$DURATION" -h 127.0.0.1 -p "$STACK_PG_PORT" -U "$database" \
    -f "$script" "$@" "$database" >/dev/null 2>&1
  (cd "$work" && "$PG_BIN_DIR/pgbench" -n -M prepared -c "$CONNECTIONS" -j 1 -T "$DURATION" -h 127.0.0.1 -p "$STACK_PG_PORT" \
    -U "$database" -f "$script" "$@" --log --log-prefix="pgb_$name" "$database" >"$work/pgb_$name.out" 2>&1) \
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
# The plan PostgreSQL picks for the statement with these values, as one line of its scans; a
# sequential scan of one of the big tables is marked SEQ-SCAN.
plan() { # database script-file -D... -> "Index Scan using x on t; ..."
  local database=$1 script=$2; shift 2
  local sql; sql=$(cat "$script")
  local arg k v
  # longest names first, so that :lat is not replaced inside :latlon
  for arg in $(printf '%s\n' "$@" | grep -v '^-D$' | awk -F= '{ print length($1) " " $0 }' | sort -rn | cut -d' ' -f2-); do
    k=${arg%%=*}; v=${arg#*=}
    sql=${sql//:$k/\'${v//\'/\'\'}\'}
  done
  "${PSQL[@]}" -U "$database" -d "$database" -tA -c "explain (costs off) $sql" \
    | grep -E 'Scan|SubPlan|Sort|Limit' | grep -v 'Sort Key' | sed -E 's/^[ ->]*//; s/  +/ /g' \
    | sed -E 's/^(Parallel )?Seq Scan on (station|station_opening_hours|course|training_session)\b/SEQ-SCAN \2/' \
    | paste -sd ';' | sed 's/;/; /g'
}

# The statements the service runs for one request of each query, as PostgreSQL logged them, are
# kept in $BENCH_DIR/statements/ beside the pgbench script that stands for them, to compare.
mkdir -p "$BENCH_DIR/statements"
PG_LOG="$(dirname "$STACK_PG_DATA")/postgres.log"
logged_probe() { # label url database script
  local from; from=$(( $(stat -c %s "$PG_LOG") + 1 ))
  "${PSQL[@]}" -U postgres -d postgres -c "alter system set log_min_duration_statement = 0" -c "select pg_reload_conf()" >/dev/null
  sleep 0.3; curl -s -o /dev/null "${HEADERS[@]}" "$2"; sleep 0.3
  "${PSQL[@]}" -U postgres -d postgres -c "alter system reset log_min_duration_statement" -c "select pg_reload_conf()" >/dev/null
  # log records (a statement may span lines), only this service's searches and their parameters
  # (not the outbox relay's polling)
  { echo "-- $1: $2"; echo "-- the service ran:"; tail -c +"$from" "$PG_LOG" \
      | awk '/^[0-9][0-9][0-9][0-9]-/ { if (r != "") print r; r = $0; next } { r = r " " $0 } END { if (r != "") print r }' \
      | grep -E "execute|DETAIL: +parameters" | sed -E 's/^.*(execute [^:]*|DETAIL): +//' | tr -s ' \t' ' ' \
      | awk '/(from|join) (station|course|training_session)/ { print; keep = 1; next } /^parameters:/ && keep { print; keep = 0; next } { keep = 0 }'
    echo "-- the bench runs (pgbench -M prepared):"; cat "$4"; } \
    > "$BENCH_DIR/statements/$(echo "$1" | tr -c 'a-zA-Z0-9\n' '_').sql"
}

results=()
plans=()
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
measure() { # label database api-url sql-script -D k=v...
  local label=$1 database=$2 url=$3 script=$4; shift 4
  local a d p
  logged_probe "$label" "$url" "$database" "$script"
  a=$(api "$label" "$url")
  d=$(db "$(echo "$label" | tr -c 'a-zA-Z0-9\n' '_')" "$database" "$script" "$@")
  p=$(plan "$database" "$script" "$@")
  results+=("$label|$a|$d")
  plans+=("$label|$p")
  echo "[bench] $label: api $a | sql $d" >&2
  echo "[bench]   plan: $p" >&2
}
Dargs() { local a=(); for kv in "$@"; do a+=(-D "$kv"); done; printf '%s\n' "${a[@]}"; }

# ---- stations: StationDirectory.statement, with the values it binds (weekday int, local time,
# now as timestamptz, coordinates float8, district/service text, limit int) ----
if want stations; then
  SAPI="http://127.0.0.1:$PORT_stations/api/v1/stations/directory"
  read -r stations located < <("${PSQL[@]}" -U stations -d stations -tA -F ' ' -c "select count(*), count(latitude) from station")
  echo "[bench] stations: $stations ($located with a location), $("${PSQL[@]}" -U stations -d stations -tA -c "select count(*) from station_opening_hours") opening-hours rows, $(cat "$BENCH_DIR/generated-stations")" >&2
  # The service's clock, as its statement sees it (Asia/Shanghai); fixed for a run of a few minutes.
  read -r DOW TOD NOW < <("${PSQL[@]}" -U stations -d stations -tA -F ' ' -c "select extract(isodow from now() at time zone 'Asia/Shanghai')::int,
    to_char(now() at time zone 'Asia/Shanghai', 'HH24:MI:SS'), to_char(now() at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
  OPEN="(exists (select 1 from station_opening_hours h where h.station_id = s.id and h.weekday = cast(:dow as int4) and h.opens <= cast(:tod as time) and h.closes > cast(:tod as time)) and not exists (select 1 from station_closure c where c.station_id = s.id and c.starts_at <= cast(:now as timestamptz) and c.ends_at > cast(:now as timestamptz)))"
  CHORD="(station_point(s.latitude, s.longitude) <-> station_point(cast(:lat as float8), cast(:lon as float8)))"
  # StationDirectory.statement: the page's rows in an inner query, "open now" of those rows
  # outside it; near me first finds the distance of the page's last row nearest first (cutoff).
  station_sql() { # file extra-where
    echo "select cast(s.id as text), s.name, s.district_code, s.address, s.latitude, s.longitude, cast(to_json(s.services) as text), cast(null as float8), s.chord, $OPEN from (select s.id, s.name, s.district_code, s.address, s.latitude, s.longitude, s.services, cast(null as float8) as chord from station s where true$2 order by s.name, s.id limit cast(:lim as int4)) s order by s.name, s.id;" > "$work/$1"
  }
  near_sql() { # file extra-where
    local where=" from station s where true and s.latitude is not null and s.longitude is not null$2"
    local radius="coalesce((select d from cutoff), 2.0)"
    echo "with cutoff as materialized (select $CHORD as d$where order by $CHORD limit 1 offset cast(:off as int4)) select cast(s.id as text), s.name, s.district_code, s.address, s.latitude, s.longitude, cast(to_json(s.services) as text), 2 * 6371008.8 * asin(least(1.0, s.chord / 2)), s.chord, $OPEN from (select s.id, s.name, s.district_code, s.address, s.latitude, s.longitude, s.services, $CHORD as chord$where and station_point(s.latitude, s.longitude) <@ cube_enlarge(station_point(cast(:lat as float8), cast(:lon as float8)), $radius * (1 + 1e-9) + 1e-12, 3) and $CHORD <= $radius order by chord, s.id limit cast(:lim as int4)) s order by s.chord, s.id;" > "$work/$1"
  }
  station_sql s-name.sql ""
  station_sql s-district.sql " and s.district_code = cast(:district as bpchar)"
  station_sql s-service.sql " and s.services @> array[cast(:service as text)]"
  station_sql s-open.sql " and $OPEN"
  station_sql s-name-after.sql " and (s.name, s.id) > (cast(:aname as text), cast(:aid as uuid))"
  near_sql s-near.sql ""
  near_sql s-near-filtered.sql " and s.services @> array[cast(:service as text)] and $OPEN"
  near_sql s-near-after.sql " and ($CHORD, s.id) > (cast(:akey as float8), cast(:aid as uuid))"
  CLOCK=(dow="$DOW" tod="$TOD" now="$NOW" lim=21 off=20)
  # 五角场, Yangpu (as StationDirectoryApiTest); 法律援助 is one of the twelve services
  LAT=31.2990; LON=121.5140; SERVICE=法律援助
  open_now=$("${PSQL[@]}" -U stations -d stations -tA -c "select count(*) from station s where $(echo "$OPEN" | sed "s/:dow/'$DOW'/g; s/:tod/'$TOD'/g; s/:now/'$NOW'/g")")
  echo "[bench] now in Shanghai: weekday $DOW $TOD; $open_now stations open" >&2

  page_after() { # url pages -> the cursor after that many pages
    local cursor="" i
    for i in $(seq 1 "$2"); do
      cursor=$(curl -fsS "${HEADERS[@]}" "$1${cursor:+&cursor=$cursor}" | jq -r .nextCursor)
    done
    echo "$cursor"
  }
  measure "stations by name" stations "$SAPI?limit=20" "$work/s-name.sql" $(Dargs "${CLOCK[@]}")
  measure "stations district 310110" stations "$SAPI?district=310110&limit=20" "$work/s-district.sql" $(Dargs "${CLOCK[@]}" district=310110)
  measure "stations service $SERVICE" stations "$SAPI?service=$(uri "$SERVICE")&limit=20" "$work/s-service.sql" $(Dargs "${CLOCK[@]}" service="$SERVICE")
  measure "stations open now" stations "$SAPI?openNow=true&limit=20" "$work/s-open.sql" $(Dargs "${CLOCK[@]}")
  C=$(page_after "$SAPI?limit=20" 10); IFS='|' read -r _ AID ANAME < <(b64url_decode "$C"; echo)
  measure "stations by name page 11" stations "$SAPI?limit=20&cursor=$C" "$work/s-name-after.sql" $(Dargs "${CLOCK[@]}" aname="$ANAME" aid="$AID")
  measure "stations near me" stations "$SAPI?latitude=$LAT&longitude=$LON&limit=20" "$work/s-near.sql" $(Dargs "${CLOCK[@]}" lat=$LAT lon=$LON)
  measure "near me+service+open now" stations "$SAPI?latitude=$LAT&longitude=$LON&service=$(uri "$SERVICE")&openNow=true&limit=20" \
    "$work/s-near-filtered.sql" $(Dargs "${CLOCK[@]}" lat=$LAT lon=$LON service="$SERVICE")
  C=$(page_after "$SAPI?latitude=$LAT&longitude=$LON&limit=20" 10); IFS='|' read -r _ AID AKEY < <(b64url_decode "$C"; echo)
  measure "stations near me page 11" stations "$SAPI?latitude=$LAT&longitude=$LON&limit=20&cursor=$C" "$work/s-near-after.sql" \
    $(Dargs "${CLOCK[@]}" lat=$LAT lon=$LON akey="$AKEY" aid="$AID")
fi

# ---- training: CourseCatalogue.statement and SessionCatalogue.page, with the values they bind ----
if want training; then
  TAPI="http://127.0.0.1:$PORT_training/api/v1/training"
  echo "[bench] training: $("${PSQL[@]}" -U training -d training -tA -F ' ' -c "select count(*) || ' courses, ' || (select count(*) from training_session) || ' sessions, ' || (select count(*) from training_session where status = 'SCHEDULED' and starts_at > now()) || ' to come' from course"), $(cat "$BENCH_DIR/generated-training")" >&2
  NOW=$("${PSQL[@]}" -U training -d training -tA -c "select to_char(now() at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
  COURSE="select cast(c.id as text), c.title, c.kind, c.provider_kind, cast(c.provider_id as text), c.credit_hours, (select min(s.starts_at) from training_session s where s.course_id = c.id and s.status = 'SCHEDULED' and s.starts_at > cast(:now as timestamptz)), c.created_at from course c where true"
  UPCOMING="exists (select 1 from training_session s where s.course_id = c.id and s.status = 'SCHEDULED' and s.starts_at > cast(:now as timestamptz))"
  NEWEST="order by c.created_at desc, c.id desc limit cast(:lim as int4);"
  echo "$COURSE $NEWEST" > "$work/c-newest.sql"
  echo "$COURSE and c.title ilike cast(:pat as text) $NEWEST" > "$work/c-words.sql"
  echo "$COURSE and c.kind = cast(:kind as text) $NEWEST" > "$work/c-kind.sql"
  echo "$COURSE and c.provider_id = cast(:provider as uuid) $NEWEST" > "$work/c-provider.sql"
  echo "$COURSE and $UPCOMING $NEWEST" > "$work/c-upcoming.sql"
  echo "$COURSE and c.title ilike cast(:pat as text) and $UPCOMING $NEWEST" > "$work/c-words-upcoming.sql"
  # SessionCatalogue's HQL as Hibernate renders it (seen with log_min_duration_statement=0)
  SESSIONS="select se1_0.id,se1_0.cancellation_deadline,se1_0.capacity,se1_0.check_in_secret,se1_0.course_id,se1_0.created_at,se1_0.ends_at,se1_0.enrolment_closes_at,se1_0.enrolment_opens_at,se1_0.hold_minutes,se1_0.last_position,se1_0.quota_by,se1_0.seats_per_group,se1_0.seats_taken,se1_0.starts_at,se1_0.station_room_id,se1_0.status,se1_0.venue,se1_0.venue_booking_id,se1_0.venue_kind,se1_0.venue_rejection_reason,se1_0.venue_rejection_rule,se1_0.venue_request_id,se1_0.version,ce1_0.id,ce1_0.created_at,ce1_0.credit_hours,ce1_0.description,ce1_0.kind,ce1_0.provider_id,ce1_0.provider_kind,ce1_0.title from training_session se1_0,course ce1_0 where ce1_0.id=se1_0.course_id and se1_0.status=cast(:st as text) and se1_0.starts_at>=cast(:t as timestamptz) and (se1_0.starts_at>cast(:t as timestamptz) or (se1_0.starts_at=cast(:t as timestamptz) and se1_0.id>cast(:sid as uuid)))"
  echo "$SESSIONS order by se1_0.starts_at,se1_0.id fetch first cast(:lim as int4) rows only;" > "$work/s-sessions.sql"
  echo "$SESSIONS and se1_0.course_id=cast(:course as uuid) order by se1_0.starts_at,se1_0.id fetch first cast(:lim as int4) rows only;" > "$work/s-sessions-course.sql"
  TCLOCK=(now="$NOW" lim=21)
  WORDS=乡村振兴; RARE=量子计算; RARE2=量子; TWO=党课
  read -r PROVIDER < <("${PSQL[@]}" -U training -d training -tA -c "select provider_id from course group by 1 order by count(*) desc, 1 offset 50 limit 1")
  read -r UCOURSE < <("${PSQL[@]}" -U training -d training -tA -c "select course_id from training_session where status = 'SCHEDULED' and starts_at > now() group by 1 order by count(*) desc, 1 limit 1")
  pattern() { echo "%$1%"; }   # CourseCatalogue.likeLiteral: none of these has % _ or \
  measure "courses newest" training "$TAPI/courses?limit=20" "$work/c-newest.sql" $(Dargs "${TCLOCK[@]}")
  measure "courses q=$WORDS" training "$TAPI/courses?q=$(uri "$WORDS")&limit=20" "$work/c-words.sql" $(Dargs "${TCLOCK[@]}" pat="$(pattern "$WORDS")")
  measure "courses q=$RARE (none)" training "$TAPI/courses?q=$(uri "$RARE")&limit=20" "$work/c-words.sql" $(Dargs "${TCLOCK[@]}" pat="$(pattern "$RARE")")
  measure "courses q=$TWO (2 chars)" training "$TAPI/courses?q=$(uri "$TWO")&limit=20" "$work/c-words.sql" $(Dargs "${TCLOCK[@]}" pat="$(pattern "$TWO")")
  # two characters no title holds: no trigram to narrow it, the newest-first walk reads every course
  measure "courses q=$RARE2 (2 chars, none)" training "$TAPI/courses?q=$(uri "$RARE2")&limit=20" "$work/c-words.sql" $(Dargs "${TCLOCK[@]}" pat="$(pattern "$RARE2")")
  measure "courses kind=FORUM" training "$TAPI/courses?kind=FORUM&limit=20" "$work/c-kind.sql" $(Dargs "${TCLOCK[@]}" kind=FORUM)
  measure "courses of a provider" training "$TAPI/courses?providerId=$PROVIDER&limit=20" "$work/c-provider.sql" $(Dargs "${TCLOCK[@]}" provider="$PROVIDER")
  measure "courses upcoming" training "$TAPI/courses?upcoming=true&limit=20" "$work/c-upcoming.sql" $(Dargs "${TCLOCK[@]}")
  measure "courses q=$WORDS upcoming" training "$TAPI/courses?q=$(uri "$WORDS")&upcoming=true&limit=20" "$work/c-words-upcoming.sql" \
    $(Dargs "${TCLOCK[@]}" pat="$(pattern "$WORDS")")
  measure "sessions to come" training "$TAPI/sessions?limit=20" "$work/s-sessions.sql" \
    $(Dargs "${TCLOCK[@]}" st=SCHEDULED t="$NOW" sid=00000000-0000-0000-0000-000000000000)
  measure "sessions of a course" training "$TAPI/sessions?courseId=$UCOURSE&limit=20" "$work/s-sessions-course.sql" \
    $(Dargs "${TCLOCK[@]}" st=SCHEDULED t="$NOW" sid=00000000-0000-0000-0000-000000000000 course="$UCOURSE")
fi

echo
echo "Searches at city scale, $(nproc) cores, $CONNECTIONS connection(s), ${DURATION}s per measurement (ms); load average at start ${LOAD_AT_START}, now $(cut -d' ' -f1-3 /proc/loadavg)"
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
echo "Plans at city scale (EXPLAIN of the same statement with the same values):"
for row in "${plans[@]}"; do
  IFS='|' read -r label p <<<"$row"
  printf '%-30s %s\n' "$label" "$p"
done
