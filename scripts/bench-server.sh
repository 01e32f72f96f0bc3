#!/usr/bin/env bash
# Reproduces every server figure of docs/benchmarks.md ("Server (issue 2)"):
#
#   1. demo seeding time, SQLite and PostgreSQL, with hyperfine over fresh
#      databases; baseline: `ketnoi migrate` on an empty database;
#   2. requests/s and latency of the exhibitor directory (page and API, plain,
#      filtered, deep page) under wrk, on SQLite and PostgreSQL; baseline:
#      GET /healthz measured on the same server in the same run.
#
# It builds the binary, creates fresh databases, seeds them, starts the
# server on a free loopback port, runs wrk, stops the server, drops the
# databases and prints markdown tables.
#
# Usage: scripts/bench-server.sh
# Settings (environment):
#   DURATION=15s CONNS=50 THREADS=2   wrk run per URL
#   WARMUP=3s                         wrk warm-up per URL (not reported)
#   SEED_RUNS=5                       hyperfine runs per seeding command
#   DATABASES="sqlite postgres"       which databases to measure
#   SKIP_SEED=1 / SKIP_HTTP=1         leave out one half
#   PG=postgres://postgres@127.0.0.1:5432   PostgreSQL server (trust auth)
#   KETNOI_BIN=path                   measure this binary instead of building
#
# wrk and the server share the machine's cores: the absolute numbers are a
# floor; the ratio to /healthz is what compares across runs.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"

DURATION=${DURATION:-15s}
CONNS=${CONNS:-50}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-3s}
SEED_RUNS=${SEED_RUNS:-5}
DATABASES=${DATABASES:-sqlite postgres}
PG=${PG:-postgres://postgres@127.0.0.1:5432}
EVENT=1

for tool in go wrk hyperfine jq curl; do
  command -v "$tool" >/dev/null || { echo "bench-server.sh: $tool is required" >&2; exit 1; }
done

W=$(mktemp -d /tmp/ketnoi-bench.XXXXXX)
BIN=$W/ketnoi
LUA=$PWD/scripts/bench/wrk-report.lua
SEED_ONCE=$PWD/scripts/bench/seed-once.sh
SERVER_PID=
PG_DBS=()

stop_server() {
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
}

cleanup() {
  stop_server
  for d in "${PG_DBS[@]}"; do dropdb_pg "$d"; done
  echo "(work files and server logs: $W)" >&2
}
trap cleanup EXIT

log() { echo "bench-server.sh: $*" >&2; }

# --- PostgreSQL helpers --------------------------------------------------------

pg_host() { local h=${PG#*://}; h=${h#*@}; echo "${h%%[:/]*}"; }
pg_port() { local h=${PG#*://}; h=${h#*@}; h=${h%%/*}; [[ $h == *:* ]] && echo "${h##*:}" || echo 5432; }
pg_user() { local u=${PG#*://}; [[ $u == *@* ]] && echo "${u%%@*}" || echo postgres; }
pg_url() { echo "$PG/$1?sslmode=disable"; }
createdb_pg() { createdb -h "$(pg_host)" -p "$(pg_port)" -U "$(pg_user)" "$1"; }
dropdb_pg() { dropdb -h "$(pg_host)" -p "$(pg_port)" -U "$(pg_user)" --if-exists "$1" 2>/dev/null || true; }

if [[ " $DATABASES " == *" postgres "* ]]; then
  for tool in createdb dropdb pg_isready; do
    command -v "$tool" >/dev/null || { echo "bench-server.sh: $tool is required for PostgreSQL" >&2; exit 1; }
  done
  pg_isready -q -h "$(pg_host)" -p "$(pg_port)" ||
    { echo "bench-server.sh: no PostgreSQL at $PG (scripts/test.sh starts one)" >&2; exit 1; }
fi

# --- machine -------------------------------------------------------------------

if [[ -n ${KETNOI_BIN:-} ]]; then
  log "using the prebuilt $KETNOI_BIN"
  cp "$KETNOI_BIN" "$BIN"
else
  log "building into $BIN"
  go build -o "$BIN" ./cmd/ketnoi
fi

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
echo "# ketnoi server benchmarks"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
if [[ -n ${KETNOI_BIN:-} ]]; then
  echo "- binary: $KETNOI_BIN ($("$BIN" version))"
else
  echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- internal cmd 2>/dev/null || echo ' (+ uncommitted changes)')"
fi
echo "- machine: $(nproc) cores, $cpu; $(go version | cut -d' ' -f3)"
echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- wrk: -t$THREADS -c$CONNS -d$DURATION --timeout 10s --latency (after a $WARMUP warm-up), on loopback, sharing the cores with the server"
echo

# db_for NAME DIALECT echoes a fresh, empty database for DIALECT.
db_for() {
  local name=$1 dialect=$2
  if [[ $dialect == sqlite ]]; then
    rm -f "$W/$name.db" "$W/$name.db-wal" "$W/$name.db-shm"
    echo "$W/$name.db"
  else
    local d="ketnoi_bench_${name}_$$"
    dropdb_pg "$d"
    createdb_pg "$d"
    echo "$(pg_url "$d")"
  fi
}

# --- 1. seeding ----------------------------------------------------------------

# seed_bench DIALECT runs hyperfine on migrate (baseline) and on the whole
# demo seeding. The demo serves after seeding: scripts/bench/seed-once.sh
# stops it with SIGTERM at its "Seeded …" line, so a run is process start +
# migrate + generate + insert + a graceful stop.
seed_bench() {
  local dialect=$1 db prep
  if [[ $dialect == sqlite ]]; then
    db=$W/seed.db
    prep="rm -f $db $db-wal $db-shm"
  else
    local name="ketnoi_bench_seed_$$"
    PG_DBS+=("$name")
    db=$(pg_url "$name")
    prep="dropdb -h $(pg_host) -p $(pg_port) -U $(pg_user) --if-exists $name && createdb -h $(pg_host) -p $(pg_port) -U $(pg_user) $name"
  fi
  : >"$W/seed-$dialect.log"
  log "seeding on $dialect: $SEED_RUNS runs each of migrate and demo"
  hyperfine --style none --runs "$SEED_RUNS" --export-json "$W/seed-$dialect.json" --prepare "$prep" \
    -n "migrate ($dialect)" "$BIN migrate --db '$db'" \
    -n "demo seed ($dialect)" "$SEED_ONCE $BIN '$db' $W/seed-$dialect.log" >&2
  # The time the demo prints for the seeding alone (generate excluded).
  local printed
  printed=$(sed -n 's/.* in \([0-9.]*\)\(m\?s\)\.$/\1 \2/p' "$W/seed-$dialect.log" |
    awk '{ s = ($2 == "ms") ? $1 / 1000 : $1; printf "%s%.2f", (NR > 1 ? ", " : ""), s }')
  jq -r --arg d "$dialect" --arg printed "$printed" '
    (.results[0].mean) as $base |
    .results[] |
    "| \($d) | \(.command) | \(.mean * 100 | round / 100) ± \(.stddev * 100 | round / 100) | \(.min * 100 | round / 100) | \(.max * 100 | round / 100) | \(.mean / $base * 10 | round / 10)× | \(if (.command | test("demo")) then $printed else "" end) |"
  ' "$W/seed-$dialect.json"
}

if [[ -z ${SKIP_SEED:-} ]]; then
  echo "## Demo seeding (hyperfine, $SEED_RUNS runs, fresh database each run)"
  echo
  echo "| database | command | mean s | min s | max s | ratio to migrate | seed time printed by the demo, s |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | --- |"
  for d in $DATABASES; do seed_bench "$d"; done
  echo
fi

# --- 2. HTTP -------------------------------------------------------------------

# start_server DB seeds DB with the demo and serves it on a free port; sets
# ADDR once the server answers /readyz.
start_server() {
  local db=$1
  "$BIN" demo --db "$db" --addr 127.0.0.1:0 >"$W/server.out" 2>"$W/server-$2.log" &
  SERVER_PID=$!
  ADDR=
  for _ in $(seq 1 600); do
    ADDR=$(sed -n 's|^ketnoi demo is running at http://\(.*\)/$|\1|p' "$W/server.out")
    [[ -n $ADDR ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$W/server-$2.log" >&2; log "the demo server died"; exit 1; }
    sleep 0.2
  done
  [[ -n $ADDR ]] || { log "the demo server did not start"; exit 1; }
  curl -fsS "http://$ADDR/readyz" >/dev/null
}

URLS=(
  "/healthz"
  "/api/v1/events/$EVENT/exhibitors"
  "/api/v1/events/$EVENT/exhibitors?hall=A&sector=robotics"
  "/api/v1/events/$EVENT/exhibitors?offset=400"
  "/events/$EVENT/exhibitors"
  "/events/$EVENT/exhibitors?hall=A&sector=robotics"
  "/events/$EVENT/exhibitors?page=15"
)

# http_bench DIALECT prints one table row per URL.
http_bench() {
  local dialect=$1 db base_rps=
  db=$(db_for http "$dialect")
  [[ $dialect == postgres ]] && PG_DBS+=("ketnoi_bench_http_$$")
  log "starting the demo on $dialect"
  start_server "$db" "$dialect"
  for path in "${URLS[@]}"; do
    local url="http://$ADDR$path" code
    code=$(curl -s -o /dev/null -w '%{http_code}' "$url")
    [[ $code == 200 ]] || { log "$path answered $code, not 200"; exit 1; }
    log "$dialect $path"
    wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" "$url" >/dev/null
    wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --timeout 10s --latency -s "$LUA" "$url" >"$W/wrk.out"
    cat "$W/wrk.out" >>"$W/wrk-$dialect.txt"
    read -r _ reqs dur p50 p99 non2xx errs < <(grep '^BENCH ' "$W/wrk.out")
    local rps
    rps=$(awk -v n="$reqs" -v d="$dur" 'BEGIN { printf "%.0f", n / (d / 1e6) }')
    [[ -z $base_rps ]] && base_rps=$rps
    awk -v db="$dialect" -v p="$path" -v rps="$rps" -v base="$base_rps" -v p50="$p50" -v p99="$p99" \
      -v bad="$non2xx" -v errs="$errs" 'BEGIN {
        printf "| %s | `%s` | %d | %.1f | %.1f | %.3f | %d / %d |\n", db, p, rps, p50 / 1000, p99 / 1000, rps / base, bad, errs
      }'
  done
  stop_server
}

if [[ -z ${SKIP_HTTP:-} ]]; then
  echo "## Exhibitor directory under wrk (-c$CONNS, $DURATION per URL; baseline GET /healthz on the same server)"
  echo
  echo "| database | request | req/s | p50 ms | p99 ms | req/s ÷ /healthz | non-2xx / socket errors |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
  for d in $DATABASES; do http_bench "$d"; done
  echo
fi
echo "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
