#!/usr/bin/env bash
# Booking throughput in two regimes, each two ways, in one run on loopback against the same
# PostgreSQL: (1) through service-station-service's HTTP API (POST .../rooms/{id}/bookings), (2) the
# statement the API runs for such a booking (BookingInsert.SQL: the booking and its outbox row, at the
# station's rules version, ON CONFLICT DO NOTHING on the exclusion constraints, the bookings around
# the slot read back) straight on PostgreSQL with pgbench, prepared once per connection as the API's
# (quarkus.datasource.reactive.cache-prepared-statements).
#   contended    few rooms over few days, one-hour slots at random: most requests want a slot
#                someone already has and get 409 (API) or nothing inserted (SQL);
#   uncontended  many rooms, each client walks slots nobody asked for: every request books (201).
# Prints both throughputs and the ratio per regime, and checks that no two active bookings of a room
# overlap and that in the uncontended regime every request booked.
# Usage: bench/station-booking.sh [seconds-per-run] [connections] [rooms] [days] [uncontended-rooms]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-15}
CONNECTIONS=${2:-32}
ROOMS=${3:-4}
DAYS=${4:-3}
FREE_ROOMS=${5:-40}
THREADS=2
source local/stack.sh

command -v wrk >/dev/null || { echo "[bench] needs wrk (apt-get install wrk)" >&2; exit 1; }
PG_BIN=$(stack_pg_bin)
[ -x "$PG_BIN/pgbench" ] || { echo "[bench] no pgbench in $PG_BIN" >&2; exit 1; }

state=$(mktemp -d /tmp/grassroots-bench.XXXXXX); chmod 755 "$state"
PIDS=()
cleanup() { local rc=$?; set +e; [ ${#PIDS[@]} -gt 0 ] && kill "${PIDS[@]}" 2>/dev/null; sleep 2; stack_stop; rm -rf "$state"; exit $rc; }
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ ! -f service-station-service/target/quarkus-app/quarkus-run.jar ]; then
  stack_mvn -B -q -ntp package -DskipTests -pl service-station-service
fi
# PostgreSQL alone: neither the API nor pgbench needs the broker for a booking (its event waits in
# the outbox, counted below), and a broker starting on a loaded machine was the bench's most common
# failure. The service's Kafka clients point at a port nobody listens on and keep retrying.
stack_start_postgres "$state/postgres" ephemeral
export DB_HOST=127.0.0.1 DB_PORT="$STACK_PG_PORT" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$(stack_free_port)"

PORT=$(stack_free_port); MGMT=$(stack_free_port)
QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_HOST=127.0.0.1 MANAGEMENT_PORT=$MGMT \
PERSONAL_DATA_KEY=$(head -c 32 /dev/urandom | base64) \
HTTP_PORT=$PORT DB_NAME=stations DB_USER=stations DB_PASSWORD=stations OUTBOX_RELAY_INTERVAL=1s NO_SHOW_EVERY=off \
  java -Xmx384m ${BENCH_JAVA_OPTS:-} -jar service-station-service/target/quarkus-app/quarkus-run.jar >"$state/stations.log" 2>&1 & PIDS+=($!)
APP_PID=$!
BASE_URL="http://127.0.0.1:$PORT"
for _ in $(seq 1 240); do curl -fsS "http://127.0.0.1:$MGMT/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fsS "http://127.0.0.1:$MGMT/q/health/ready" >/dev/null || { echo "[bench] stations did not start" >&2; tail -n 40 "$state/stations.log" >&2; exit 1; }

SQL() { PGPASSWORD=stations "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$STACK_PG_PORT" -U stations -d stations -tA "$@"; }
id_of() { sed 's/.*"id":"\([^"]*\)".*/\1/'; echo; }

hours=""
for d in MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY; do
  hours="$hours${hours:+,}{\"weekday\":\"$d\",\"opens\":\"00:00\",\"closes\":\"23:59\"}"
done
# stations checks the caller the gateway names; the bench calls it directly, as the gateway would
# for Yangpu's admin, who sets the station up (each booking is a member booking for themselves).
ADMIN=(-H 'X-Caller-Subject: bench-admin-310110' -H 'X-Caller-Kind: PERSON' -H 'X-Caller-Roles: district_admin'
       -H 'X-Caller-District: 310110')
STATION=$(curl -fsS -X POST "$BASE_URL/api/v1/stations" "${ADMIN[@]}" -H 'Content-Type: application/json' \
  -d "{\"name\":\"哔哩哔哩党群服务站 (bench)\",\"districtCode\":\"310110\",\"address\":\"政立路485号\",
       \"openingHours\":[$hours]}" | id_of)
new_rooms() { # count -> ids on stdout
  local i
  for i in $(seq 1 "$1"); do
    curl -fsS -X POST "$BASE_URL/api/v1/stations/$STATION/rooms" "${ADMIN[@]}" -H 'Content-Type: application/json' \
      -d '{"name":"会议室","capacity":30,"minNoticeMinutes":0,"maxHorizonDays":365,"minLengthMinutes":30,"maxLengthMinutes":240,"bufferMinutes":0}' \
      | id_of
  done
}
in_list() { echo "$1" | awk '{for (i = 1; i <= NF; i++) printf "%s\047%s\047", (i > 1 ? "," : ""), $i}'; }
# Slots from the Shanghai midnight after tomorrow; warm-up and measured runs use rooms of their own.
BASE=$(( ( ( $(date -u +%s) + 8*3600 ) / 86400 + 2 ) * 86400 - 8*3600 ))
export BENCH_THREADS=$THREADS BENCH_STATION=$STATION BENCH_BASE=$BASE BENCH_DAYS=$DAYS
WARM_ROOMS="$(new_rooms "$ROOMS" | tr '\n' ' ')"
BENCH_MODE=contended BENCH_ROOMS="$WARM_ROOMS" \
  wrk -t$THREADS -c"$CONNECTIONS" -d10s --timeout 10s -s bench/station-booking.lua "$BASE_URL" >/dev/null 2>&1
CONTENDED_ROOMS=$(new_rooms "$ROOMS" | tr '\n' ' ')
FREE_API_ROOMS=$(new_rooms "$FREE_ROOMS" | tr '\n' ' ')
first_room=$(echo "$CONTENDED_ROOMS" | awk '{print $1}')
# The SQL runs' rooms: the same shape, with ids pgbench can compute (prefix + 12 digits).
sql_rooms() { # prefix count
  SQL -c "insert into room (id, station_id, name, capacity, facilities, requires_approval, min_notice_minutes,
            max_horizon_days, min_length_minutes, max_length_minutes, buffer_minutes, cancellation_deadline_minutes,
            weekly_quota, monthly_quota)
          select ('$1' || lpad(i::text, 12, '0'))::uuid, station_id, name, capacity, facilities,
                 requires_approval, min_notice_minutes, max_horizon_days, min_length_minutes, max_length_minutes,
                 buffer_minutes, cancellation_deadline_minutes, weekly_quota, monthly_quota
          from room, generate_series(1, $2) i where room.id = '$first_room'"
}
sql_rooms 00000000-0000-0000-0003- "$ROOMS"
sql_rooms 00000000-0000-0000-0005- "$FREE_ROOMS"
echo "[bench] contended: $ROOMS rooms x $DAYS days x 23 one-hour slots = $(( ROOMS * DAYS * 23 )) slots;" \
     "uncontended: $FREE_ROOMS rooms, each request a slot of its own; $CONNECTIONS connections, ${DURATION}s per run," \
     "$(nproc) cores, PostgreSQL fsync=off, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# CPU the service's process used (user + system, ms): on a shared machine the throughput moves with
# the neighbours' load, the service's own CPU per request much less.
app_cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$APP_PID/stat"; }
api_run() { # mode rooms -> sets API_*
  local out cpu0
  cpu0=$(app_cpu_ms)
  out=$(BENCH_MODE=$1 BENCH_ROOMS="$2" wrk -t$THREADS -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency \
        -s bench/station-booking.lua "$BASE_URL")
  API_RPS=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  API_CPU_MS=$(( $(app_cpu_ms) - cpu0 ))
  API_P99=$(echo "$out" | awk '$1=="99%" {print $2}')
  API_NON2XX=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  API_REQS=$(echo "$out" | awk '/requests in/ {print $1}')
  API_TIMEOUTS=$(echo "$out" | awk '/Socket errors/ {print $NF}')
  [ -n "$API_RPS" ] || { echo "$out" >&2; exit 1; }
  API_BOOKED=$(SQL -c "select count(*) from booking where room_id in ($(in_list "$2"))")
  if [ "$API_BOOKED" -eq 0 ]; then
    echo "[bench] the API booked nothing: its answers are not 201/409, not measuring" >&2; echo "$out" >&2
    tail -n 30 "$state/stations.log" >&2; exit 1
  fi
}
sql_run() { # free(0|1) prefix rooms -> sets SQL_*
  local out version
  version=$(SQL -c "select rules_version from station where id = '$STATION'")
  out=$(PGPASSWORD=stations "$PG_BIN/pgbench" -n -M prepared -h 127.0.0.1 -p "$STACK_PG_PORT" -U stations \
    -c "$CONNECTIONS" -j $THREADS -T "$DURATION" -D nrooms="$3" -D ndays="$DAYS" -D base="$BASE" \
    -D station="$STATION" -D version="$version" -D free="$1" -D nclients="$CONNECTIONS" -D prefix="$2" -D i=0 \
    -f bench/station-booking.pgbench stations 2>&1)
  SQL_TPS=$(echo "$out" | awk -F'= ' '/^tps/ {split($2, a, " "); print a[1]; exit}')
  SQL_TXS=$(echo "$out" | awk '/number of transactions actually processed/ {print $NF}')
  SQL_FAILED=$(echo "$out" | awk '/number of failed transactions/ {print $5}')
  [ -n "$SQL_TPS" ] || { echo "$out" >&2; exit 1; }
  SQL_BOOKED=$(SQL -c "select count(*) from booking where room_id::text like '$2%'")
}
report() { # regime
  printf '%-12s api (HTTP, stations)    %10.1f requests/s   p99 %s   %s requests, %s booked, non-2xx %s, timeouts %s\n' \
    "$1" "$API_RPS" "$API_P99" "$API_REQS" "$API_BOOKED" "${API_NON2XX:-0}" "${API_TIMEOUTS:-0}"
  awk -v r="$1" -v c="$API_CPU_MS" -v n="$API_REQS" 'BEGIN { printf "%-12s api process CPU per request %.3f ms (user+system)\n", r, c/n }'
  printf '%-12s sql (pgbench, same SQL) %10.1f requests/s   %s requests, %s booked, failed %s\n' \
    "$1" "$SQL_TPS" "${SQL_TXS:-?}" "$SQL_BOOKED" "${SQL_FAILED:-0}"
  awk -v r="$1" -v a="$API_RPS" -v s="$SQL_TPS" 'BEGIN { printf "%-12s ratio api/sql %.3f\n", r, a/s }'
}

api_run contended "$CONTENDED_ROOMS"; sql_run 0 00000000-0000-0000-0003- "$ROOMS"; report contended
api_run free "$FREE_API_ROOMS"; sql_run 1 00000000-0000-0000-0005- "$FREE_ROOMS"; report uncontended
FREE_FAILED=$(( ${API_NON2XX:-0} + ${API_TIMEOUTS:-0} ))
# The bookings each regime's outbox got: one event per booking, none for a refusal.
EVENTS=$(SQL -c "select count(*) from outbox_event where event_type in ('BookingConfirmed', 'BookingRequested')")
BOOKINGS=$(SQL -c "select count(*) from booking")
overlaps=$(SQL -c "select count(*) from booking a join booking b on a.room_id = b.room_id and a.id < b.id
                   and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
                   where a.status in ('REQUESTED','CONFIRMED','CHECKED_IN') and b.status in ('REQUESTED','CONFIRMED','CHECKED_IN')")
echo "uncontended API requests answered other than 201 (or timed out): $FREE_FAILED"
echo "bookings $BOOKINGS, booking events in the outbox $EVENTS"
echo "overlapping active bookings in any room: $overlaps"
echo "[bench] load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$overlaps" = 0 ] && [ "$FREE_FAILED" = 0 ] && [ "$EVENTS" = "$BOOKINGS" ]
