#!/usr/bin/env bash
# A popular lesson opens: N members tap "enrol" at the same instant, each with their own token,
# through the gateway into one session of S seats (default 1,000 members, 100 seats). Every tap is
# sent once; prints the answers by status, the first-tap success and p50/p99, and checks that
# exactly S were confirmed (the rest waitlisted) and no seat was given twice.
# Usage: bench/enrolment-burst.sh [members] [seats]   (GATEWAY_BULKHEAD_* to try other limits)
set -euo pipefail
cd "$(dirname "$0")/.."
MEMBERS=${1:-1000}
SEATS=${2:-100}
source local/stack.sh
PG_BIN=$(stack_pg_bin)

state=$(mktemp -d /tmp/grassroots-bench.XXXXXX); chmod 755 "$state"
PIDS=()
cleanup() { local rc=$?; set +e; [ ${#PIDS[@]} -gt 0 ] && kill "${PIDS[@]}" 2>/dev/null; sleep 2; stack_stop; rm -rf "$state"; exit $rc; }
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ ! -f training-service/target/quarkus-app/quarkus-run.jar ] || [ ! -f gateway/target/quarkus-app/quarkus-run.jar ]; then
  stack_mvn -B -q -ntp package -DskipTests -pl training-service,gateway -am
fi
stack_start "$state" ephemeral

wait_ready() { # name management-port
  for _ in $(seq 1 240); do curl -fsS "http://127.0.0.1:$2/q/health/ready" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "[bench] $1 did not start" >&2; tail -n 40 "$state/$1.log" >&2; exit 1
}
TRAINING=$(stack_free_port); TRAINING_MGMT=$(stack_free_port); GATEWAY=$(stack_free_port); GATEWAY_MGMT=$(stack_free_port)
QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_HOST=127.0.0.1 MANAGEMENT_PORT=$TRAINING_MGMT HTTP_PORT=$TRAINING \
DB_NAME=training DB_USER=training DB_PASSWORD=training HOLD_CHECK_EVERY=off \
  java -Xmx384m -jar training-service/target/quarkus-app/quarkus-run.jar >"$state/training.log" 2>&1 & PIDS+=($!)
QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_HOST=127.0.0.1 MANAGEMENT_PORT=$GATEWAY_MGMT HTTP_PORT=$GATEWAY \
TRAINING_SERVICE_URL="http://127.0.0.1:$TRAINING" ORG_SERVICE_URL=http://127.0.0.1:1 STATIONS_SERVICE_URL=http://127.0.0.1:1 \
GATEWAY_DEV_TOKENS_ENABLED=true GATEWAY_DEV_KEY_DIR="$state/dev-keys" \
  java -Xmx384m -jar gateway/target/quarkus-app/quarkus-run.jar >"$state/gateway.log" 2>&1 & PIDS+=($!)
wait_ready training "$TRAINING_MGMT"
wait_ready gateway "$GATEWAY_MGMT"

SQL() { PGPASSWORD=training "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$STACK_PG_PORT" -U training -d training -tA "$@"; }
# Members as org-service's events would have projected them: FULL members of one committee.
SQL <<SQL
insert into known_organization (id, name, kind, district_code, parent_id)
  values ('00000000-0000-0000-0002-000000000001', '哔哩哔哩党委', 'COMMITTEE', '310110', null);
insert into learner (person_id, display_name, home_organization_id, member_status)
  select ('00000000-0000-0000-0000-' || lpad(to_hex(i), 12, '0'))::uuid, 'member ' || i,
         '00000000-0000-0000-0002-000000000001', 'FULL'
  from generate_series(1, $MEMBERS) i;
SQL

token() { curl -fsS -X POST "http://127.0.0.1:$GATEWAY/dev/token" -H 'Content-Type: application/json' -d "$1" \
  | sed 's/.*"token":"\([^"]*\)".*/\1/'; }
ADMIN=$(token '{"subject":"bench-admin","roles":["district_admin"],"district":"310110","ttlSeconds":3600}')
api() { curl -fsS -X POST "http://127.0.0.1:$GATEWAY$1" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -d "$2"; }
COURSE=$(api /api/v1/training/courses '{"title":"沉浸式党课 (burst)","kind":"IMMERSIVE","providerKind":"ORGANIZATION",
  "providerId":"00000000-0000-0000-0002-000000000001","creditHours":2}' | sed 's/.*"id":"\([^"]*\)".*/\1/')
now=$(date -u +%s); iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }
SESSION=$(api "/api/v1/training/courses/$COURSE/sessions" "{\"startsAt\":\"$(iso $((now + 7*86400)))\",
  \"endsAt\":\"$(iso $((now + 7*86400 + 7200)))\",\"venueKind\":\"ADDRESS\",\"venue\":\"哔哩哔哩党群服务站\",\"capacity\":$SEATS,
  \"enrolmentOpensAt\":\"$(iso $((now - 60)))\",\"enrolmentClosesAt\":\"$(iso $((now + 6*86400)))\",
  \"cancellationDeadline\":\"$(iso $((now + 5*86400)))\"}" | sed 's/.*"id":"\([^"]*\)".*/\1/')

# One token per member, as each phone holds its own.
for i in $(seq 1 "$MEMBERS"); do
  person=$(printf '00000000-0000-0000-0000-%012x' "$i")
  echo "$person $(token "{\"subject\":\"$person\",\"roles\":[\"member\"],\"ttlSeconds\":3600}")"
done > "$state/tokens"
# A few reads first, so that the JIT and the pools are not what the first taps measure.
for _ in $(seq 1 50); do curl -fsS -o /dev/null "http://127.0.0.1:$GATEWAY/api/v1/training/sessions/$SESSION" \
  -H "Authorization: Bearer $ADMIN"; done

echo "[bench] $MEMBERS members, one session of $SEATS seats, through the gateway (bulkhead ${GATEWAY_BULKHEAD_MAX_IN_FLIGHT:-64} in flight," \
  "${GATEWAY_BULKHEAD_MAX_WAITING:-2000} in line, ${GATEWAY_BULKHEAD_MAX_WAIT_MS:-30000} ms wait), $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
set +e
java bench/BurstEnrol.java "http://127.0.0.1:$GATEWAY" "$SESSION" "$state/tokens"
burst=$?
set -e
counts=$(SQL -c "select count(*) filter (where status = 'CONFIRMED'), count(*) filter (where status = 'WAITLISTED'),
                        (select seats_taken from training_session where id = '$SESSION')
                 from enrolment where session_id = '$SESSION'")
echo "database: confirmed|waitlisted|seats taken = $counts"
[ "$(echo "$counts" | cut -d'|' -f1)" = "$SEATS" ] && [ "$(echo "$counts" | cut -d'|' -f3)" = "$SEATS" ] \
  || { echo "[bench] the session did not end with exactly $SEATS confirmed" >&2; exit 1; }
exit $burst
