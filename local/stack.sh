#!/usr/bin/env bash
# Local stack without Docker: a PostgreSQL server and a single-node KRaft Kafka broker, both
# real processes started from this machine's binaries and Maven Central jars.
# Source this file, then:  stack_start <state-dir> <durable|ephemeral>   ...   stack_stop
# It exports STACK_PG_PORT, STACK_KAFKA_PORT, DB_HOST, DB_PORT, KAFKA_BOOTSTRAP_SERVERS and
# KAFKA_LIB_DIR. stack_stop stops exactly the processes it started (by saved PID / data dir).

STACK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STACK_DATABASES=(org training stations notifications)
STACK_PG_DATA=""
STACK_KAFKA_PID=""

stack_log() { printf '[stack] %s\n' "$*" >&2; }

stack_mvn() {
  if [ -x "$STACK_ROOT/mvnw" ]; then "$STACK_ROOT/mvnw" "$@"; else mvn "$@"; fi
}

# A port no socket uses, handed out once per run. It is drawn from below the kernel's ephemeral
# range (ip_local_port_range), so an outgoing connection cannot hold it between the check here and
# the server's bind; ports already handed out in this run are remembered in $STACK_PORTS_FILE,
# since callers run this in a subshell.
STACK_PORTS_FILE="${STACK_PORTS_FILE:-$(mktemp /tmp/grassroots-ports.XXXXXX)}"
export STACK_PORTS_FILE
stack_port_in_use() { # port
  if command -v ss >/dev/null 2>&1; then
    [ -n "$(ss -Htan "( sport = :$1 )" 2>/dev/null)" ] && return 0
  fi
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
stack_free_port() {
  local port low=32768 span
  if [ -r /proc/sys/net/ipv4/ip_local_port_range ]; then read -r low _ < /proc/sys/net/ipv4/ip_local_port_range; fi
  [ "$low" -gt 21000 ] || low=32768
  span=$(( low - 20000 ))
  for _ in $(seq 1 400); do
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % span ))
    grep -qx "$port" "$STACK_PORTS_FILE" 2>/dev/null && continue
    stack_port_in_use "$port" && continue
    echo "$port" >> "$STACK_PORTS_FILE"
    echo "$port"; return 0
  done
  stack_log "no free port found"; return 1
}

stack_wait_port() { # port seconds
  local deadline=$(( SECONDS + $2 ))
  until (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.2
  done
}

# PostgreSQL's server binaries: $PG_BIN_DIR when set (any system), else Debian's newest under
# /usr/lib/postgresql, else the install pg_config names or the one on the PATH (Homebrew, Fedora,
# Arch); on Debian without any, the postgresql package is installed.
stack_pg_bin() {
  local bin
  if [ -n "${PG_BIN_DIR:-}" ] && [ -x "$PG_BIN_DIR/postgres" ]; then echo "$PG_BIN_DIR"; return 0; fi
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ] || [ ! -x "$bin/postgres" ]; then
    for bin in "$(pg_config --bindir 2>/dev/null || true)" "$(dirname "$(command -v postgres 2>/dev/null || echo /nonexistent/x)")"; do
      if [ -n "$bin" ] && [ -x "$bin/postgres" ] && [ -x "$bin/initdb" ]; then echo "$bin"; return 0; fi
    done
    bin=""
  fi
  if [ -z "$bin" ] || [ ! -x "$bin/postgres" ]; then
    if ! command -v apt-get >/dev/null; then
      stack_log "no PostgreSQL server binaries found: install PostgreSQL (server) and set PG_BIN_DIR to its bin folder"; return 1
    fi
    stack_log "no PostgreSQL server binaries found; installing Debian's postgresql package"
    if [ "$(id -u)" -ne 0 ]; then stack_log "need root to apt-get install postgresql"; return 1; fi
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) >&2 || return 1
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  fi
  echo "$bin"
}

# Runs a PostgreSQL binary as the postgres user when we are root (the server refuses to run as root).
stack_as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stack_start_postgres() { # dir durable|ephemeral
  local dir="$1" mode="$2" bin port opts
  bin=$(stack_pg_bin) || return 1
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$dir"
    if ! runuser -u postgres -- test -w "$dir"; then
      stack_log "postgres cannot reach $dir; using a directory under /tmp instead"
      dir=$(mktemp -d /tmp/grassroots-pg.XXXXXX); chown postgres "$dir"
    fi
  fi
  STACK_PG_DATA="$dir/data"
  if [ ! -f "$STACK_PG_DATA/PG_VERSION" ]; then
    stack_as_pg "$bin/initdb" -D "$STACK_PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; return 1; }
  fi
  if [ -f "$dir/port" ]; then port=$(cat "$dir/port"); fi
  if [ -z "${port:-}" ] || stack_port_in_use "$port"; then port=$(stack_free_port) || return 1; fi
  echo "$port" > "$dir/port"
  opts="-k $dir -c listen_addresses=127.0.0.1 -c max_connections=200"
  if [ "$mode" = ephemeral ]; then
    opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi
  local attempt
  for attempt in 1 2 3; do
    if stack_as_pg "$bin/pg_ctl" -D "$STACK_PG_DATA" -w -t 60 -l "$dir/postgres.log" -o "$opts -p $port" start >/dev/null; then
      break
    fi
    # Someone took the port between the check and the bind: try again on another one.
    if [ "$attempt" -lt 3 ] && tail -n 20 "$dir/postgres.log" | grep -q "could not bind\|could not create any TCP/IP sockets"; then
      stack_log "PostgreSQL could not bind $port (attempt $attempt); trying another port"
      port=$(stack_free_port) || return 1; echo "$port" > "$dir/port"
      continue
    fi
    tail -n 20 "$dir/postgres.log" >&2; return 1
  done
  STACK_PG_PORT="$port"
  local db
  for db in "${STACK_DATABASES[@]}"; do
    if ! "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "select 1 from pg_database where datname='$db'" | grep -q 1; then
      "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -c "create role $db login password '$db'" \
                                                  -c "create database $db owner $db" >/dev/null || return 1
    fi
  done
  stack_log "PostgreSQL $(basename "$(dirname "$bin")") on 127.0.0.1:$port (data $STACK_PG_DATA)"
}

stack_kafka_lib() {
  local lib="$STACK_ROOT/local/kafka/target/lib"
  if [ ! -f "$lib/.complete" ]; then
    stack_log "fetching the Kafka broker's jars from Maven Central (first run only)"
    stack_mvn -q -B -f "$STACK_ROOT/local/kafka/pom.xml" dependency:copy-dependencies >&2 || return 1
    touch "$lib/.complete"
  fi
  echo "$lib"
}

stack_start_kafka() { # dir
  local dir="$1" lib port cport attempt
  lib=$(stack_kafka_lib) || return 1
  mkdir -p "$dir"
  if [ -f "$dir/ports" ]; then read -r port cport < "$dir/ports"; fi
  for attempt in 1 2 3; do
    if [ -z "${port:-}" ] || stack_port_in_use "$port" || stack_port_in_use "$cport"; then
      port=$(stack_free_port) || return 1
      cport=$(stack_free_port) || return 1
      # Ports are part of the stored cluster metadata; a new pair needs a fresh log dir.
      rm -rf "$dir/logs"
    fi
    echo "$port $cport" > "$dir/ports"
    if stack_run_kafka "$dir" "$lib" "$port" "$cport"; then
      STACK_KAFKA_PORT="$port"
      stack_log "Kafka 4.1.2 (KRaft) on 127.0.0.1:$port, pid $STACK_KAFKA_PID"
      return 0
    fi
    # Someone took a port between the check and the bind: try again on a fresh pair.
    if grep -q "BindException\|Address already in use" "$dir/kafka.log"; then
      stack_log "Kafka could not bind $port/$cport (attempt $attempt); trying other ports"
      port=""
      continue
    fi
    break
  done
  stack_log "Kafka did not start"; tail -n 30 "$dir/kafka.log" >&2; return 1
}

# Starts one broker on the given ports and waits for it; stops it again if it does not come up.
stack_run_kafka() { # dir lib port controller-port
  local dir="$1" lib="$2" port="$3" cport="$4"
  sed -e "s#@PORT@#$port#g" -e "s#@CONTROLLER_PORT@#$cport#g" -e "s#@LOG_DIR@#$dir/logs#g" \
    "$STACK_ROOT/local/kafka/server.properties.template" > "$dir/server.properties"
  if [ ! -f "$dir/logs/meta.properties" ]; then
    java -cp "$lib/*" -Dlog4j2.configurationFile="$STACK_ROOT/local/kafka/log4j2.properties" kafka.tools.StorageTool format \
      -t "$(java -cp "$lib/*" kafka.tools.StorageTool random-uuid 2>/dev/null)" \
      -c "$dir/server.properties" --standalone >"$dir/format.log" 2>&1 || { cat "$dir/format.log" >&2; return 1; }
  fi
  : > "$dir/kafka.log"
  java -Xms256m -Xmx512m -XX:+UseSerialGC -cp "$lib/*" \
    -Dlog4j2.configurationFile="$STACK_ROOT/local/kafka/log4j2.properties" \
    kafka.Kafka "$dir/server.properties" >>"$dir/kafka.log" 2>&1 &
  STACK_KAFKA_PID=$!
  echo "$STACK_KAFKA_PID" > "$dir/kafka.pid"
  local deadline=$(( SECONDS + 90 ))
  until grep -q "Kafka Server started" "$dir/kafka.log"; do
    if ! kill -0 "$STACK_KAFKA_PID" 2>/dev/null || [ $SECONDS -ge $deadline ] \
       || grep -q "BindException" "$dir/kafka.log"; then
      kill "$STACK_KAFKA_PID" 2>/dev/null
      for _ in $(seq 1 40); do kill -0 "$STACK_KAFKA_PID" 2>/dev/null || break; sleep 0.25; done
      kill -9 "$STACK_KAFKA_PID" 2>/dev/null
      STACK_KAFKA_PID=""
      return 1
    fi
    sleep 0.3
  done
}

stack_start() { # state-dir durable|ephemeral
  local state="$1" mode="${2:-ephemeral}"
  mkdir -p "$state"
  stack_start_postgres "$state/postgres" "$mode" || return 1
  stack_start_kafka "$state/kafka" || return 1
  export STACK_PG_PORT STACK_KAFKA_PORT
  export DB_HOST=127.0.0.1 DB_PORT="$STACK_PG_PORT"
  export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$STACK_KAFKA_PORT"
  export KAFKA_LIB_DIR="$STACK_ROOT/local/kafka/target/lib"
  export KAFKA_CONFIG_TEMPLATE="$STACK_ROOT/local/kafka/server.properties.template"
  export KAFKA_LOG4J_CONFIG="$STACK_ROOT/local/kafka/log4j2.properties"
  export PG_BIN_DIR="$(stack_pg_bin)"
}

stack_stop() {
  if [ -n "$STACK_KAFKA_PID" ] && kill -0 "$STACK_KAFKA_PID" 2>/dev/null; then
    kill "$STACK_KAFKA_PID" 2>/dev/null
    for _ in $(seq 1 60); do kill -0 "$STACK_KAFKA_PID" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$STACK_KAFKA_PID" 2>/dev/null
    stack_log "Kafka stopped"
  fi
  STACK_KAFKA_PID=""
  if [ -n "$STACK_PG_DATA" ] && [ -f "$STACK_PG_DATA/postmaster.pid" ]; then
    stack_as_pg "$(stack_pg_bin)/pg_ctl" -D "$STACK_PG_DATA" -m fast -w stop >/dev/null 2>&1
    stack_log "PostgreSQL stopped"
  fi
  STACK_PG_DATA=""
}
