#!/usr/bin/env bash
# Booking throughput under contention, two ways, in one run on loopback against the same
# PostgreSQL: (1) through service-station-service's HTTP API (POST .../rooms/{id}/bookings: room,
# station, hours, closures, nearby bookings and quota read, the rules, the INSERT guarded by the
# btree_gist exclusion constraint, the outbox event, one transaction), (2) the same INSERT into the
# same table straight on PostgreSQL with pgbench. Few rooms over few days, one-hour slots: most
# requests want a slot someone already has and get 409 (API) or nothing inserted (SQL).
# Prints both throughputs and the ratio, and checks that no two active bookings of a room overlap.
# Usage: bench/station-booking.sh [seconds-per-run] [connections] [rooms] [days]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-15}
CONNECTIONS=${2:-32}
ROOMS=${3:-4}
DAYS=${4:-3}
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
stack_start "$state" ephemeral

PORT=$(stack_free_port); MGMT=$(stack_free_port)
QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_HOST=127.0.0.1 MANAGEMENT_PORT=$MGMT \
HTTP_PORT=$PORT DB_NAME=stations DB_USER=stations DB_PASSWORD=stations OUTBOX_RELAY_INTERVAL=1s NO_SHOW_EVERY=off \
  java -Xmx384m -jar service-station-service/target/quarkus-app/quarkus-run.jar >"$state/stations.log" 2>&1 & PIDS+=($!)
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
# Slots from the Shanghai midnight after tomorrow; warm-up and measured runs use rooms of their own.
BASE=$(( ( ( $(date -u +%s) + 8*3600 ) / 86400 + 2 ) * 86400 - 8*3600 ))
export BENCH_THREADS=$THREADS BENCH_STATION=$STATION BENCH_BASE=$BASE BENCH_DAYS=$DAYS
BENCH_ROOMS="$(new_rooms "$ROOMS" | tr '\n' ' ')" \
  wrk -t$THREADS -c"$CONNECTIONS" -d10s --timeout 10s -s bench/station-booking.lua "$BASE_URL" >/dev/null 2>&1
API_ROOMS=$(new_rooms "$ROOMS" | tr '\n' ' ')
SLOTS=$(( ROOMS * DAYS * 23 ))
echo "[bench] $ROOMS rooms x $DAYS days x 23 one-hour slots = $SLOTS slots, $CONNECTIONS connections, ${DURATION}s per run, $(nproc) cores, PostgreSQL fsync=off"
out=$(BENCH_ROOMS="$API_ROOMS" wrk -t$THREADS -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -s bench/station-booking.lua "$BASE_URL")
API_RPS=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
API_P99=$(echo "$out" | awk '$1=="99%" {print $2}')
API_NON2XX=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
API_REQS=$(echo "$out" | awk '/requests in/ {print $1}')
API_TIMEOUTS=$(echo "$out" | awk '/Socket errors/ {print $NF}')
[ -n "$API_RPS" ] || { echo "$out" >&2; exit 1; }
in_list() { echo "$1" | awk '{for (i = 1; i <= NF; i++) printf "%s\047%s\047", (i > 1 ? "," : ""), $i}'; }
API_BOOKED=$(SQL -c "select count(*) from booking where room_id in ($(in_list "$API_ROOMS"))")
if [ "$API_BOOKED" -eq 0 ]; then
  echo "[bench] the API booked nothing: its answers are not 201/409, not measuring" >&2; echo "$out" >&2
  tail -n 30 "$state/stations.log" >&2; exit 1
fi

# The SQL baseline: rooms of the same shape with ids pgbench can compute, fresh slots.
first_room=$(echo "$API_ROOMS" | awk '{print $1}')
for i in $(seq 1 "$ROOMS"); do
  SQL -c "insert into room (id, station_id, name, capacity, facilities, requires_approval, min_notice_minutes,
            max_horizon_days, min_length_minutes, max_length_minutes, buffer_minutes, cancellation_deadline_minutes,
            weekly_quota, monthly_quota)
          select ('00000000-0000-0000-0003-' || lpad('$i', 12, '0'))::uuid, station_id, name, capacity, facilities,
                 requires_approval, min_notice_minutes, max_horizon_days, min_length_minutes, max_length_minutes,
                 buffer_minutes, cancellation_deadline_minutes, weekly_quota, monthly_quota
          from room where id = '$first_room'"
done
pg_out=$(PGPASSWORD=stations "$PG_BIN/pgbench" -n -h 127.0.0.1 -p "$STACK_PG_PORT" -U stations \
  -c "$CONNECTIONS" -j $THREADS -T "$DURATION" -D nrooms="$ROOMS" -D ndays="$DAYS" -D base="$BASE" \
  -D station="$STATION" -f bench/station-booking.pgbench stations 2>&1)
SQL_TPS=$(echo "$pg_out" | awk -F'= ' '/^tps/ {split($2, a, " "); print a[1]; exit}')
SQL_TXS=$(echo "$pg_out" | awk '/number of transactions actually processed/ {print $NF}')
SQL_FAILED=$(echo "$pg_out" | awk '/number of failed transactions/ {print $5}')
[ -n "$SQL_TPS" ] || { echo "$pg_out" >&2; exit 1; }
SQL_BOOKED=$(SQL -c "select count(*) from booking where room_id::text like '00000000-0000-0000-0003-%'")

overlaps=$(SQL -c "select count(*) from booking a join booking b on a.room_id = b.room_id and a.id < b.id
                   and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
                   where a.status in ('REQUESTED','CONFIRMED','CHECKED_IN') and b.status in ('REQUESTED','CONFIRMED','CHECKED_IN')")
printf 'api (HTTP, stations)   %10.1f requests/s   p99 %s   %s requests, %s booked, non-2xx (409 slot taken) %s, timeouts %s\n' \
  "$API_RPS" "$API_P99" "$API_REQS" "$API_BOOKED" "${API_NON2XX:-0}" "${API_TIMEOUTS:-0}"
printf 'sql (pgbench, INSERT)  %10.1f requests/s   %s requests, %s booked, failed %s\n' \
  "$SQL_TPS" "${SQL_TXS:-?}" "$SQL_BOOKED" "${SQL_FAILED:-0}"
awk -v a="$API_RPS" -v s="$SQL_TPS" 'BEGIN { printf "ratio api/sql %.3f\n", a/s }'
echo "overlapping active bookings in any room: $overlaps"
[ "$overlaps" = 0 ]
