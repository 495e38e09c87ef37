#!/usr/bin/env bash
# Throughput and latency of the same read (GET one organization) three ways, in one run on
# loopback: straight to org-service, through nginx as a plain reverse proxy, and through the
# gateway (JWT check, rate limit, breaker, streaming proxy). Prints ratios against the direct
# baseline and against nginx. Installs nginx and wrk from Debian's packages if absent.
# Usage: bench/gateway-vs-nginx.sh [seconds-per-run] [connections]
# GATEWAY_JVM_OPTS adds JVM options to the gateway (e.g. a JFR recording to profile it).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=${1:-15}
CONNECTIONS=${2:-32}
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
PERSONAL_DATA_KEY=$(head -c 32 /dev/urandom | base64) HTTP_PORT=$ORG DB_NAME=org DB_USER=org DB_PASSWORD=org OUTBOX_RELAY_INTERVAL=1s \
  java -Xmx384m -jar org-service/target/quarkus-app/quarkus-run.jar >"$state/org.log" 2>&1 & PIDS+=($!); ORG_PID=$!
HTTP_PORT=$GW ORG_SERVICE_URL="http://127.0.0.1:$ORG" GATEWAY_DEV_TOKENS_ENABLED=true GATEWAY_DEV_KEY_DIR="$state/keys" \
  GATEWAY_RATE_LIMIT_PER_MINUTE=100000000 \
  java -Xmx384m ${GATEWAY_JVM_OPTS:-} -jar gateway/target/quarkus-app/quarkus-run.jar >"$state/gateway.log" 2>&1 & PIDS+=($!); GW_PID=$!
mkdir -p "$state/nginx"
cat > "$state/nginx/nginx.conf" <<NGINX
worker_processes 1;
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

for port in $ORG $GW; do
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
HZ=$(getconf CLK_TCK)

run() { # label proxy-pid url [-H header]...
  local label=$1 proxy=$2 url=$3 out rps p50 p99 errors status requests
  shift 3
  local args=(-t2 -c"$CONNECTIONS" "$@")
  status=$(curl -s -o "$state/probe.out" -w '%{http_code}' "$@" "$url")
  if [ "$status" != 200 ]; then
    echo "[bench] $label answers $status, not 200: not measuring" >&2; cat "$state/probe.out" >&2; exit 1
  fi
  wrk "${args[@]}" -d10s "$url" >/dev/null 2>&1 # warm-up (JIT)
  local before_org before_pg before_proxy before_proxy_sys
  before_org=$(ticks $ORG_PID); before_pg=$(ticks $PG_PID); before_proxy=$(ticks $proxy); before_proxy_sys=$(ticks system $proxy)
  out=$(wrk "${args[@]}" -d"${DURATION}s" --latency "$url")
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  local cpu
  cpu=$(awk -v hz="$HZ" -v n="$requests" -v o=$(( $(ticks $ORG_PID) - before_org )) -v p=$(( $(ticks $PG_PID) - before_pg )) \
    -v x=$(( $(ticks $proxy) - before_proxy )) -v xs=$(( $(ticks system $proxy) - before_proxy_sys )) \
    'BEGIN { f = 1e6 / hz / n; printf "CPU us/request: proxy %5.1f (kernel %5.1f)  org %5.1f  postgres %5.1f", x * f, xs * f, o * f, p * f }')
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  printf '%-8s %10s req/s   p50 %8s   p99 %8s   non-2xx %s   %s\n' "$label" "$rps" "$p50" "$p99" "${errors:-0}" "$cpu"
  eval "RPS_$label=$rps"
}
echo "[bench] GET $PATH_, $CONNECTIONS connections, ${DURATION}s each, $(nproc) cores"
run direct 0 "http://127.0.0.1:$ORG$PATH_" "${CALLER[@]}"
run nginx $NGX_PID "http://127.0.0.1:$NGX$PATH_" "${CALLER[@]}"
run gateway $GW_PID "http://127.0.0.1:$GW$PATH_" -H "Authorization: Bearer $TOKEN"
awk -v d="$RPS_direct" -v n="$RPS_nginx" -v g="$RPS_gateway" 'BEGIN {
  printf "ratios (throughput): nginx/direct %.2f   gateway/direct %.2f   gateway/nginx %.2f\n", n/d, g/d, g/n }'
