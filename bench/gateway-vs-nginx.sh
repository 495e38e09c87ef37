#!/usr/bin/env bash
# Throughput and latency of the same read (GET one organization) four ways, in one run on
# loopback: straight to org-service, through nginx as a plain reverse proxy, through a bare
# Vert.x reverse proxy (bench/BareVertxProxy.java: the floor of the gateway's own stack, with no
# Quarkus, routing or token check), and through the gateway (JWT check, rate limit, breaker,
# streaming proxy). Prints ratios against the direct baseline, against nginx and against the floor. Installs nginx and wrk from Debian's packages if absent.
# Each way is measured ROUNDS times, in a rotating order, and the medians are compared. Both
# proxies get the same number of threads: nginx's worker processes and the gateway's event loops
# (PROXY_THREADS, default 1). CPU per request is read from /proc for the proxy, org-service and
# PostgreSQL, so a difference in throughput can be traced to who spent the time.
# Usage: bench/gateway-vs-nginx.sh [seconds-per-run] [connections] [rounds]
# Diagnostics: GATEWAY_JVM_OPTS adds JVM options to the gateway (e.g. a JFR recording);
# BENCH_THREADS=1 prints the gateway's busiest threads per run; BENCH_SYSCALLS=1 the proxies'
# system calls per request; BENCH_PERF_RECORD=file records a perf profile of the gateway runs
# (add -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit to GATEWAY_JVM_OPTS for Java names).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=${1:-15}
CONNECTIONS=${2:-32}
ROUNDS=${3:-3}
THREADS=${PROXY_THREADS:-1}
source local/stack.sh

for tool in nginx wrk; do
  if ! command -v "$tool" >/dev/null; then
    echo "[bench] installing $tool (Debian package)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null) || { echo "need $tool" >&2; exit 1; }
  fi
done

state=$(mktemp -d /tmp/grassroots-bench.XXXXXX); chmod 755 "$state"
PIDS=()
cleanup() { local rc=$?; set +e; [ ${#PIDS[@]} -gt 0 ] && kill "${PIDS[@]}" 2>/dev/null; sleep 2; stack_stop; rm -rf "$state"; exit $rc; }
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ ! -f org-service/target/quarkus-app/quarkus-run.jar ] || [ ! -f gateway/target/quarkus-app/quarkus-run.jar ]; then
  stack_mvn -B -q -ntp package -DskipTests -pl org-service,gateway -am
fi
stack_start "$state" ephemeral

ORG=$(stack_free_port); GW=$(stack_free_port); NGX=$(stack_free_port)
ORG_MGMT=$(stack_free_port); GW_MGMT=$(stack_free_port)
export QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_HOST=127.0.0.1
MANAGEMENT_PORT=$ORG_MGMT PERSONAL_DATA_KEY=$(head -c 32 /dev/urandom | base64) HTTP_PORT=$ORG DB_NAME=org DB_USER=org DB_PASSWORD=org OUTBOX_RELAY_INTERVAL=1s \
  java -Xmx384m -jar org-service/target/quarkus-app/quarkus-run.jar >"$state/org.log" 2>&1 & PIDS+=($!); ORG_PID=$!
MANAGEMENT_PORT=$GW_MGMT QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE=$THREADS HTTP_PORT=$GW ORG_SERVICE_URL="http://127.0.0.1:$ORG" GATEWAY_DEV_TOKENS_ENABLED=true GATEWAY_DEV_KEY_DIR="$state/keys" \
  GATEWAY_RATE_LIMIT_PER_MINUTE=100000000 \
  java -Xmx384m ${GATEWAY_JVM_OPTS:-} -jar gateway/target/quarkus-app/quarkus-run.jar >"$state/gateway.log" 2>&1 & PIDS+=($!); GW_PID=$!
mkdir -p "$state/nginx"
cat > "$state/nginx/nginx.conf" <<NGINX
worker_processes $THREADS;
pid $state/nginx/nginx.pid;
error_log $state/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  upstream org { server 127.0.0.1:$ORG; keepalive 64; }
  server {
    listen 127.0.0.1:$NGX;
    location / { proxy_pass http://org; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
NGINX
nginx -c "$state/nginx/nginx.conf" -g 'daemon off;' & PIDS+=($!); NGX_PID=$!
# The floor of the gateway's stack: a bare Vert.x reverse proxy (bench/BareVertxProxy.java: no
# Quarkus, no routing, no token check), built against the gateway's own Vert.x and Netty jars.
VTX=$(stack_free_port)
LIB_CP=$(ls gateway/target/quarkus-app/lib/main/io.netty.*.jar gateway/target/quarkus-app/lib/main/io.vertx.vertx-core-*.jar \
  gateway/target/quarkus-app/lib/main/com.fasterxml.jackson.core.jackson-core-*.jar | tr '\n' ':')
mkdir -p "$state/vertx" && javac -nowarn -cp "$LIB_CP" -d "$state/vertx" bench/BareVertxProxy.java
java -Xmx384m -cp "$state/vertx:$LIB_CP" BareVertxProxy "$VTX" 127.0.0.1 "$ORG" "$THREADS" >"$state/vertx.log" 2>&1 & PIDS+=($!); VTX_PID=$!

for port in $ORG_MGMT $GW_MGMT; do
  for _ in $(seq 1 240); do curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
done
TOKEN=$(curl -fsS -X POST "http://127.0.0.1:$GW/dev/token" -H 'Content-Type: application/json' \
  -d '{"subject":"bench","roles":["district_admin"],"district":"310110"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
# org-service checks the caller the gateway names in X-Caller-* headers; the direct and nginx
# runs send the same headers the gateway would add, so org-service does the same work each time.
CALLER=(-H 'X-Caller-Subject: bench' -H 'X-Caller-Kind: PERSON' -H 'X-Caller-Roles: district_admin' -H 'X-Caller-District: 310110')
ID=$(curl -fsS -X POST "http://127.0.0.1:$ORG/api/v1/orgs/organizations" -H 'Content-Type: application/json' "${CALLER[@]}" \
  -d '{"name":"哔哩哔哩党委","kind":"COMMITTEE","districtCode":"310110"}' | sed 's/.*"id":"\([^"]*\)".*/\1/')
PATH_=/api/v1/orgs/organizations/$ID

# CPU time (clock ticks) used so far by the given processes and their children.
ticks() { # [user|system] pid...
  local p all=() field='$12 + $13'
  case $1 in user) field='$12'; shift ;; system) field='$13'; shift ;; esac
  for p in "$@"; do all+=("$p" $(pgrep -P "$p" || true)); done
  for p in "${all[@]}"; do cat "/proc/$p/stat" 2>/dev/null || true; done | sed 's/.*) //' | awk "{s += $field} END {print s + 0}"
}
PG_PID=$(head -1 "$STACK_PG_DATA/postmaster.pid")
# PIN=1: the proxies get the last core to themselves and everything else (wrk, org-service,
# PostgreSQL, Kafka) shares the others, as when the gateway runs on its own nodes. Without it
# all processes share all cores, and a proxy's CPU is taken from the service it fronts.
WRK=(wrk)
if [ -n "${PIN:-}" ]; then
  last=$(( $(nproc) - 1 )); rest="0-$(( last - 1 ))"
  [ "$last" -ge 1 ] || { echo "[bench] PIN needs at least 2 cores" >&2; exit 1; }
  for p in $ORG_PID $PG_PID $(pgrep -P $PG_PID) $STACK_KAFKA_PID; do taskset -a -p -c "$rest" "$p" >/dev/null; done
  for p in $GW_PID $VTX_PID $NGX_PID $(pgrep -P $NGX_PID); do taskset -a -p -c "$last" "$p" >/dev/null; done
  WRK=(taskset -c "$rest" wrk)
fi
HZ=$(getconf CLK_TCK)

# wrk prints latencies as 812.00us, 4.12ms or 1.02s; this gives milliseconds.
ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n *= 1000; printf "%.2f", n }'; }

declare -A URL PROXY
URL[direct]="http://127.0.0.1:$ORG$PATH_";  PROXY[direct]=""
URL[nginx]="http://127.0.0.1:$NGX$PATH_";   PROXY[nginx]=$NGX_PID
URL[gateway]="http://127.0.0.1:$GW$PATH_";  PROXY[gateway]=$GW_PID
URL[vertx]="http://127.0.0.1:$VTX$PATH_";   PROXY[vertx]=$VTX_PID
WAYS=(direct nginx vertx gateway)
headers() { # the headers each way sends
  if [ "$1" = gateway ]; then printf '%s\n' -H "Authorization: Bearer $TOKEN"; else printf '%s\n' "${CALLER[@]}"; fi
}

# CPU ticks per thread of one process, as "ticks name" lines (names like C2 CompilerThre).
thread_ticks() { for t in /proc/$1/task/*/stat; do cat "$t" 2>/dev/null; done | awk '{ match($0, /\(.*\)/); name = substr($0, RSTART + 1, RLENGTH - 2); gsub(/ /, "_", name); sub(/.*\) /, ""); print $12 + $13, name }' | awk '{ s[$2] += $1 } END { for (n in s) print s[n], n }'; }

measure() { # label seconds -> one result line: label rps p50ms p99ms non2xx proxy-us proxy-kernel-us org-us pg-us
  local label=$1 seconds=$2 out requests args=()
  mapfile -t args < <(headers "$1")
  local proxy=${PROXY[$label]} b_org b_pg b_px b_pxs
  b_org=$(ticks $ORG_PID); b_pg=$(ticks $PG_PID)
  b_px=$([ -n "$proxy" ] && ticks $proxy || echo 0); b_pxs=$([ -n "$proxy" ] && ticks system $proxy || echo 0)
  [ "$label" = gateway ] && [ -n "${BENCH_THREADS:-}" ] && thread_ticks $GW_PID > "$state/threads.before"
  local perf_pid="" record_pid=""
  if [ -n "${BENCH_PERF_RECORD:-}" ] && [ "$label" = gateway ]; then # BENCH_PERF_RECORD=file: a perf profile of the gateway
    perf record -F 499 -g -p $GW_PID -o "$BENCH_PERF_RECORD" -- sleep "$seconds" >/dev/null 2>&1 & record_pid=$!
  fi
  if [ -n "${BENCH_SYSCALLS:-}" ] && [ -n "$proxy" ]; then # BENCH_SYSCALLS=1: the proxy's system calls per request
    local pids; pids=$(echo $proxy $(pgrep -P $proxy) | tr ' ' ',')
    perf stat -e raw_syscalls:sys_enter -p "$pids" -x, -o "$state/perf.$label" -- sleep "$seconds" & perf_pid=$!
  fi
  out=$("${WRK[@]}" -t2 -c"$CONNECTIONS" -d"${seconds}s" --latency "${args[@]}" "${URL[$label]}")
  [ -z "$record_pid" ] || wait $record_pid
  if [ -n "$perf_pid" ]; then
    wait $perf_pid
    awk -F, -v n="$(echo "$out" | awk '/requests in/ {print $1}')" -v l="$label" \
      '$3 ~ /sys_enter/ { printf "  %s: %.2f system calls per request\n", l, $1 / n }' "$state/perf.$label" >&2
  fi
  if [ "$label" = gateway ] && [ -n "${BENCH_THREADS:-}" ]; then # BENCH_THREADS=1: which gateway threads spent the CPU
    thread_ticks $GW_PID | awk 'NR == FNR { b[$2] = $1; next } { d = $1 - b[$2]; if (d > 0) print d, $2 }' "$state/threads.before" - \
      | sort -rn | head -6 | awk '{ printf "  gateway thread %-28s %5d ticks\n", $2, $1 }' >&2
  fi
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  local px=0 pxs=0
  if [ -n "$proxy" ]; then px=$(( $(ticks $proxy) - b_px )); pxs=$(( $(ticks system $proxy) - b_pxs )); fi
  awk -v label="$label" -v n="$requests" -v hz="$HZ" \
      -v rps="$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
      -v p50="$(ms "$(echo "$out" | awk '$1=="50%" {print $2}')")" -v p99="$(ms "$(echo "$out" | awk '$1=="99%" {print $2}')")" \
      -v bad="$(echo "$out" | awk '/Non-2xx/ {print $NF}')" \
      -v o=$(( $(ticks $ORG_PID) - b_org )) -v pg=$(( $(ticks $PG_PID) - b_pg )) -v px="$px" -v pxs="$pxs" \
      'BEGIN { f = 1e6 / hz / n; printf "%s %.0f %s %s %d %.1f %.1f %.1f %.1f\n", label, rps, p50, p99, bad + 0, px * f, pxs * f, o * f, pg * f }'
}

echo "[bench] GET $PATH_: $CONNECTIONS connections, $ROUNDS rounds of ${DURATION}s per way, proxies on $THREADS thread(s), $(nproc) cores${PIN:+, proxies pinned to a core of their own}"
for label in "${WAYS[@]}"; do
  mapfile -t args < <(headers "$label")
  status=$(curl -s -o "$state/probe.out" -w '%{http_code}' "${args[@]}" "${URL[$label]}")
  if [ "$status" != 200 ]; then
    echo "[bench] $label answers $status, not 200: not measuring" >&2; cat "$state/probe.out" >&2; exit 1
  fi
  # warm-up: the JIT compilers of org-service and the gateway take about 30 s of load to settle
  # (BENCH_THREADS=1 shows the gateway's C2 threads); measuring before that measures compiling.
  measure "$label" 30 >/dev/null
done
# Rounds rotate the order, so no way always runs first (colder) or last (warmer).
ORDER=("${WAYS[@]}")
results="$state/results"
for round in $(seq 1 "$ROUNDS"); do
  for i in "${!ORDER[@]}"; do
    label=${ORDER[$(( (i + round - 1) % ${#ORDER[@]} ))]}
    line=$(measure "$label" "$DURATION"); echo "$line" >> "$results"
    echo "$line" | awk -v r="$round" '{ printf "round %d  %-8s %8d req/s  p50 %6.2f ms  p99 %6.2f ms  non-2xx %d  CPU us/request: proxy %5.1f (kernel %5.1f)  org %5.1f  postgres %5.1f\n", r, $1, $2, $3, $4, $5, $6, $7, $8, $9 }'
  done
done
echo "[bench] medians over $ROUNDS rounds"
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for label in "${WAYS[@]}"; do
  for col in 2 3 4 6 8 9; do
    eval "M_${label}_$col=$(awk -v l="$label" -v c="$col" '$1 == l { print $c }' "$results" | median)"
  done
  eval "printf '%-8s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  CPU us/request: proxy %5.1f  org %5.1f  postgres %5.1f\n' $label \
    \$M_${label}_2 \$M_${label}_3 \$M_${label}_4 \$M_${label}_6 \$M_${label}_8 \$M_${label}_9"
done
awk -v d="$M_direct_2" -v n="$M_nginx_2" -v g="$M_gateway_2" -v v="$M_vertx_2" -v dp="$M_direct_4" -v np="$M_nginx_4" -v gp="$M_gateway_4" \
    -v n5="$M_nginx_3" -v g5="$M_gateway_3" -v nc="$M_nginx_6" -v gc="$M_gateway_6" -v vc="$M_vertx_6" 'BEGIN {
  printf "ratios (throughput): nginx/direct %.2f   gateway/direct %.2f   gateway/nginx %.2f\n", n / d, g / d, g / n
  printf "ratios (latency, lower is better): gateway/nginx p50 %.2f   p99 %.2f\n", g5 / n5, gp / np
  printf "ratio (proxy CPU per request): gateway/nginx %.2f\n", gc / nc
  printf "the stack floor (bare Vert.x proxy): throughput vertx/nginx %.2f, gateway/vertx %.2f; CPU per request vertx/nginx %.2f, gateway/vertx %.2f\n", v / n, g / v, vc / nc, gc / vc }'
