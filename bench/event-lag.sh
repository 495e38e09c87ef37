#!/usr/bin/env bash
# Commit-to-consumer latency of an event through the outbox, beside Kafka's own end-to-end latency,
# in one run on one machine. org-service's relay publishes outbox rows that a loop commits one by one
# (each carries the database's clock_timestamp() at its insert); a plain Kafka consumer notes when
# each arrives. Two regimes of the same relay: the poll alone (OUTBOX_RELAY_LISTEN=false, every
# 0.5 s, as before issue 15) and woken by the commit (LISTEN/NOTIFY, the default). Kafka's own
# figure is org.apache.kafka.tools.EndToEndLatency (kafka-tools, the broker's version) with acks=all,
# one message at a time, as the relay sends. Prints p50/p99 of each and the ratio p99/Kafka's p99.
# Usage: bench/event-lag.sh [events-per-run] [ms-between-commits]   (BUILD=1 repackages org-service)
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-300}
GAP_MS=${2:-20}
source local/stack.sh

state=$(mktemp -d /tmp/grassroots-lag.XXXXXX); chmod 755 "$state"
PIDS=()
cleanup() {
  local rc=$?; set +e
  if [ ${#PIDS[@]} -gt 0 ]; then kill "${PIDS[@]}" 2>/dev/null; sleep 2; fi
  stack_stop; rm -rf "$state"; exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "${BUILD:-0}" = 1 ] || [ ! -f org-service/target/quarkus-app/quarkus-run.jar ]; then
  stack_mvn -B -q -ntp package -DskipTests -pl org-service -am
fi
TOOLS=bench/kafka-tools/target/lib
if [ ! -f "$TOOLS/.complete" ]; then
  echo "[bench] fetching kafka-tools (the broker's version) from Maven Central (first run only)" >&2
  stack_mvn -q -B -ntp -f bench/kafka-tools/pom.xml dependency:copy-dependencies >&2
  touch "$TOOLS/.complete"
fi
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
stack_start "$state" ephemeral
PSQL=("$PG_BIN_DIR/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$STACK_PG_PORT" -U org -d org -tA)
KEY=$(head -c 32 /dev/urandom | base64)

kafka_own() { # topic -> "p50 p99"
  local out
  out=$(java -cp "$TOOLS/*" -Dlog4j2.configurationFile="$STACK_ROOT/local/kafka/log4j2.properties" \
    org.apache.kafka.tools.EndToEndLatency "$KAFKA_BOOTSTRAP_SERVERS" "$1" "$EVENTS" all 200 2>/dev/null)
  echo "$out" | sed -n 's/.*50th = \([0-9.]*\), 99th = \([0-9.]*\).*/\1 \2/p'
}

outbox_lag() { # listen(true|false) -> "p50 p99"
  local listen=$1 port mgmt pid consumer
  port=$(stack_free_port); mgmt=$(stack_free_port)
  QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_HOST=127.0.0.1 MANAGEMENT_PORT=$mgmt HTTP_PORT=$port \
  QUARKUS_LOG_CONSOLE_JSON_ENABLED=false PERSONAL_DATA_KEY=$KEY DB_NAME=org DB_USER=org DB_PASSWORD=org \
  OUTBOX_RELAY_INTERVAL=0.5s OUTBOX_RELAY_LISTEN=$listen \
    java -Xmx384m -jar org-service/target/quarkus-app/quarkus-run.jar >"$state/org-$listen.log" 2>&1 & pid=$!
  PIDS+=($pid)
  for _ in $(seq 1 240); do curl -fsS "http://127.0.0.1:$mgmt/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fsS "http://127.0.0.1:$mgmt/q/health/ready" >/dev/null || { echo "[bench] org-service did not start" >&2; tail -n 40 "$state/org-$listen.log" >&2; exit 1; }

  local topic="bench.event-lag.$listen"
  java -cp "$TOOLS/*" -Dlog4j2.configurationFile="$STACK_ROOT/local/kafka/log4j2.properties" \
    bench/EventLag.java "$KAFKA_BOOTSTRAP_SERVERS" "$topic" "$EVENTS" 300 >"$state/lag-$listen.out" 2>"$state/lag-$listen.err" & consumer=$!
  PIDS+=($consumer)
  for _ in $(seq 1 120); do grep -q READY "$state/lag-$listen.out" && break; sleep 0.5; done
  grep -q READY "$state/lag-$listen.out" || { echo "[bench] the lag consumer did not start" >&2; cat "$state/lag-$listen.err" >&2; exit 1; }

  # Unmeasured first: the relay's producer learns the new topic's metadata, the JIT warms up.
  "${PSQL[@]}" -c "insert into outbox_event (event_id, topic, message_key, event_type, envelope)
    select id, '$topic', 'warm-up', 'LagWarmUp', json_build_object('eventId', id, 'type', 'LagWarmUp')::text
    from (select gen_random_uuid() id from generate_series(1, 20)) w"
  sleep 3
  # One transaction per event, a jittered pause between, so that commits fall anywhere in the poll's cycle.
  "${PSQL[@]}" -c "do \$\$
    declare id uuid;
    begin
      for i in 1..$EVENTS loop
        id := gen_random_uuid();
        insert into outbox_event (event_id, topic, message_key, event_type, envelope)
          values (id, '$topic', 'lag-' || i, 'LagProbe', json_build_object('eventId', id, 'type', 'LagProbe',
                  'committedAtMicros', (extract(epoch from clock_timestamp()) * 1000000)::bigint)::text);
        commit;
        perform pg_sleep($GAP_MS / 1000.0 * (0.5 + random()));
      end loop;
    end \$\$;"
  wait "$consumer" || true
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  grep -q TIMEOUT "$state/lag-$listen.out" && { echo "[bench] not every event arrived (listen=$listen)" >&2; cat "$state/lag-$listen.out" >&2; }
  sed -n 's/^p50=\([0-9.]*\) p99=\([0-9.]*\).*/\1 \2/p' "$state/lag-$listen.out"
}

read -r K50 K99 < <(kafka_own bench.e2e.before)
read -r P50 P99 < <(outbox_lag false)
read -r L50 L99 < <(outbox_lag true)
read -r K50b K99b < <(kafka_own bench.e2e.after)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "n/a" }'; }
echo
echo "Event lag, commit to consumer, $EVENTS events ${GAP_MS} ms apart (jittered), $(nproc) cores;"
echo "load average at start $LOAD_AT_START, now $(cut -d' ' -f1-3 /proc/loadavg) (other builds on the machine add noise)"
printf '%-44s %10s %10s %16s\n' "" "p50 ms" "p99 ms" "p99 / Kafka p99"
printf '%-44s %10s %10s %16s\n' "Kafka EndToEndLatency (acks=all), before" "$K50" "$K99" "1.0"
printf '%-44s %10s %10s %16s\n' "outbox, poll alone (every 0.5 s)" "$P50" "$P99" "$(ratio "$P99" "$K99")"
printf '%-44s %10s %10s %16s\n' "outbox, woken by the commit (LISTEN/NOTIFY)" "$L50" "$L99" "$(ratio "$L99" "$K99")"
printf '%-44s %10s %10s %16s\n' "Kafka EndToEndLatency (acks=all), after" "$K50b" "$K99b" "$(ratio "$K99b" "$K99")"
echo "Goal (issue 15): the woken outbox's p99 at most 5x Kafka's own."
