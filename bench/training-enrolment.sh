#!/usr/bin/env bash
# Enrolment throughput in two regimes, each two ways, in one run on loopback against the same
# PostgreSQL: (1) through training-service's HTTP API (POST .../sessions/{id}/enrolments: the
# session's rules from the service's cache, the person's facts in one read, access and rules in
# Java, then one statement that locks the session row, takes a seat or a place in line, moves the
# counters and writes the outbox row; a waiting person's place in line is counted after), (2) the
# same SQL straight on PostgreSQL with pgbench (bench/training-enrolment.pgbench).
#   contended:   few sessions with few seats: most requests end WAITLISTED and every request of a
#                session queues on its row lock;
#   uncontended: many sessions with seats for everyone: every request is CONFIRMED.
# Prints both throughputs and the API/SQL ratio per regime, and checks that no session gave out
# more seats than it has and that its counters match its enrolments.
# Usage: [WARMUP=seconds] bench/training-enrolment.sh [seconds-per-run] [connections]
#        [contended-sessions] [contended-seats] [uncontended-sessions] [uncontended-seats]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-15}
CONNECTIONS=${2:-32}
SESSIONS=${3:-4}
SEATS=${4:-5}
FREE_SESSIONS=${5:-64}
FREE_SEATS=${6:-5000}
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

if [ ! -f training-service/target/quarkus-app/quarkus-run.jar ]; then
  stack_mvn -B -q -ntp package -DskipTests -pl training-service
fi
stack_start "$state" ephemeral

PORT=$(stack_free_port); MGMT=$(stack_free_port)
QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_HOST=127.0.0.1 MANAGEMENT_PORT=$MGMT \
HTTP_PORT=$PORT DB_NAME=training DB_USER=training DB_PASSWORD=training OUTBOX_RELAY_INTERVAL=1s HOLD_CHECK_EVERY=off \
  java -Xmx384m -jar training-service/target/quarkus-app/quarkus-run.jar >"$state/training.log" 2>&1 & PIDS+=($!)
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 240); do curl -fsS "http://127.0.0.1:$MGMT/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fsS "http://127.0.0.1:$MGMT/q/health/ready" >/dev/null || { echo "[bench] training-service did not start" >&2; tail -n 40 "$state/training.log" >&2; exit 1; }

SQL() { PGPASSWORD=training "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$STACK_PG_PORT" -U training -d training -tA "$@"; }

# Learners as org-service's events would have projected them: FULL members of one branch.
PEOPLE=400000
SQL <<SQL
insert into known_organization (id, name, kind, district_code, parent_id)
  values ('00000000-0000-0000-0002-000000000001', '哔哩哔哩党委', 'COMMITTEE', '310110', null);
insert into learner (person_id, display_name, home_organization_id, member_status)
  select ('00000000-0000-0000-0000-' || lpad(to_hex(i), 12, '0'))::uuid, 'bench ' || i,
         '00000000-0000-0000-0002-000000000001', 'FULL'
  from generate_series(1, $PEOPLE) i;
analyze learner;
SQL

# training-service checks the caller the gateway names; the bench calls it directly, as the gateway
# would for Yangpu's admin (who runs the training of the committee that provides the course).
ADMIN=(-H 'X-Caller-Subject: bench-admin-310110' -H 'X-Caller-Kind: PERSON' -H 'X-Caller-Roles: district_admin'
       -H 'X-Caller-District: 310110')
COURSE=$(curl -fsS -X POST "$BASE/api/v1/training/courses" "${ADMIN[@]}" -H 'Content-Type: application/json' \
  -d '{"title":"沉浸式党课 (bench)","kind":"IMMERSIVE","providerKind":"ORGANIZATION","providerId":"00000000-0000-0000-0002-000000000001","creditHours":2}' \
  | sed 's/.*"id":"\([^"]*\)".*/\1/')
now=$(date -u +%s)
iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }
new_sessions() { # count -> ids on stdout
  local i
  for i in $(seq 1 "$1"); do
    curl -fsS -X POST "$BASE/api/v1/training/courses/$COURSE/sessions" "${ADMIN[@]}" -H 'Content-Type: application/json' \
      -d "{\"startsAt\":\"$(iso $((now + 7*86400)))\",\"endsAt\":\"$(iso $((now + 7*86400 + 7200)))\",\"venueKind\":\"ADDRESS\",
           \"venue\":\"哔哩哔哩党群服务站\",\"capacity\":$SEATS,\"enrolmentOpensAt\":\"$(iso $((now - 60)))\",
           \"enrolmentClosesAt\":\"$(iso $((now + 6*86400)))\",\"cancellationDeadline\":\"$(iso $((now + 5*86400)))\"}" \
      | sed 's/.*"id":"\([^"]*\)".*/\1/'
    echo
  done
}

export BENCH_THREADS=$THREADS
# Warm-up (JIT, pools) on sessions of its own, with people the measured runs do not use.
BENCH_SESSIONS="$(new_sessions "$SESSIONS" | tr '\n' ' ')" BENCH_PERSON_OFFSET=300000 \
  wrk -t$THREADS -c"$CONNECTIONS" -d"${WARMUP:-10}s" --timeout 30s -s bench/training-enrolment.lua "$BASE" >/dev/null 2>&1
echo "[bench] $CONNECTIONS connections, ${DURATION}s per run, $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)" \
  "before the runs, PostgreSQL fsync=off; contended: $SESSIONS sessions x $SEATS seats;" \
  "uncontended: $FREE_SESSIONS sessions x $FREE_SEATS seats"

quoted() { awk '{for (i = 1; i <= NF; i++) printf "%s\047%s\047", (i > 1 ? "," : ""), $i}'; }
FAILED=0
regime() { # name sessions seats person-offset pgbench-session-base
  local name=$1 sessions=$2 seats=$3 offset=$4 base=$5 api_sessions out api_rps api_p99 api_err api_sock pg_out sql_tps sql_failed counts i
  SEATS=$seats
  api_sessions=$(new_sessions "$sessions" | tr '\n' ' ')
  out=$(BENCH_SESSIONS="$api_sessions" BENCH_PERSON_OFFSET=$offset \
    wrk -t$THREADS -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s --latency -s bench/training-enrolment.lua "$BASE")
  api_rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  api_p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  api_err=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  api_sock=$(echo "$out" | awk '/Socket errors/ {sub(/.*Socket errors: /, ""); print}')
  [ -n "$api_rps" ] || { echo "$out" >&2; exit 1; }
  # pgbench's sessions: the same shape, with ids it can compute (base + 1 .. base + sessions)
  for i in $(seq $((base + 1)) $((base + sessions))); do
    SQL -c "insert into training_session (id, course_id, status, starts_at, ends_at, venue_kind, venue, capacity,
              enrolment_opens_at, enrolment_closes_at, cancellation_deadline, hold_minutes, check_in_secret, created_at)
            select ('00000000-0000-0000-0001-' || lpad('$i', 12, '0'))::uuid, course_id, 'SCHEDULED', starts_at, ends_at,
                   venue_kind, venue, capacity, enrolment_opens_at, enrolment_closes_at, cancellation_deadline,
                   hold_minutes, check_in_secret, now()
            from training_session where id = '$(echo "$api_sessions" | awk '{print $1}')'"
  done
  pg_out=$(PGPASSWORD=training "$PG_BIN/pgbench" -n -h 127.0.0.1 -p "$STACK_PG_PORT" -U training \
    -c "$CONNECTIONS" -j $THREADS -T "$DURATION" -D nsessions="$sessions" -D base="$base" \
    -f bench/training-enrolment.pgbench training 2>&1)
  sql_tps=$(echo "$pg_out" | awk -F'= ' '/^tps/ {split($2, a, " "); print a[1]; exit}')
  sql_failed=$(echo "$pg_out" | awk '/number of failed transactions/ {print $5}')
  [ -n "$sql_tps" ] || { echo "$pg_out" >&2; exit 1; }
  counts=$(SQL -c "select count(*) filter (where status = 'CONFIRMED') || ' confirmed, ' ||
                          count(*) filter (where status = 'WAITLISTED') || ' waitlisted'
                   from enrolment where session_id in ($(echo $api_sessions | quoted))")
  printf '%-11s api (HTTP, training-service)  %8.1f enrolments/s   p99 %s   non-2xx %s   socket errors %s   (%s)\n' \
    "$name" "$api_rps" "$api_p99" "${api_err:-0}" "${api_sock:-none}" "$counts"
  printf '%-11s sql (pgbench, same SQL)       %8.1f enrolments/s   failed %s\n' "$name" "$sql_tps" "${sql_failed:-0}"
  awk -v n="$name" -v a="$api_rps" -v s="$sql_tps" 'BEGIN { printf "%-11s ratio api/sql %.2f\n", n, a/s }'
  if [ "$name" = uncontended ] && echo "$counts" | grep -qv ' 0 waitlisted'; then
    echo "[bench] uncontended: somebody was waitlisted; give the sessions more seats" >&2; FAILED=1
  fi
}
regime contended "$SESSIONS" "$SEATS" 0 0
regime uncontended "$FREE_SESSIONS" "$FREE_SEATS" 100000 1000

over=$(SQL -c "select count(*) from training_session where seats_taken > capacity
               or seats_taken <> (select count(*) from enrolment e where e.session_id = training_session.id
                                  and e.status in ('CONFIRMED', 'OFFERED', 'ATTENDED'))")
echo "sessions with more seats given than they have, or counters off: $over"
[ "$over" = 0 ] && [ "$FAILED" = 0 ]
