# Sourced by the city-scale benches (bench/city-search.sh, bench/org-city-scale.sh): one GET
# measured through the HTTP API with wrk. Uses the caller's globals: HEADERS (the X-Caller-*
# curl/wrk arguments), CONNECTIONS, DURATION (seconds per run) and work (a scratch dir).

ms() { # wrk's "1.23ms" / "812.00us" / "1.02s" -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
api() { # label url -> "p50 p99 requests/s" in ms
  local status out
  status=$(curl -s -o "$work/probe.out" -w '%{http_code}' "${HEADERS[@]}" "$2")
  [ "$status" = 200 ] || { echo "[bench] $1: $2 answers $status" >&2; cat "$work/probe.out" >&2; exit 1; }
  wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s "${HEADERS[@]}" "$2" >/dev/null 2>&1   # warm-up (JIT, caches)
  # a 30 s timeout: wrk's 2 s default drops a slow search from its figures instead of timing it
  out=$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s --latency "${HEADERS[@]}" "$2")
  if echo "$out" | grep -q 'Non-2xx'; then echo "[bench] $1: non-2xx answers" >&2; echo "$out" >&2; exit 1; fi
  if echo "$out" | grep -q 'Socket errors'; then echo "[bench] $1: $(echo "$out" | grep 'Socket errors')" >&2; fi
  echo "$(ms "$(echo "$out" | awk '$1=="50%" {print $2}')") $(ms "$(echo "$out" | awk '$1=="99%" {print $2}')") $(echo "$out" | awk '/Requests\/sec/ {printf "%.0f", $2}')"
}
