#!/usr/bin/env bash
# Reproduces the catalogue search figures of docs/benchmarks.md ("Floor
# plan, applications and catalogue search (issue 4)"):
#
#   1. the search API under wrk on loopback: the demo (500 exhibitors) plus
#      its 10,000 products on SQLite, a mixed vi/en/ko query set of 1,000
#      queries (internal/catalog BenchQueries), first page of 20;
#   2. in the same run, on the same database file, the Go benchmarks of the
#      index search and of its baseline, a plain SQL LIKE scan of the same
#      names and descriptions for the same queries, and the index build.
#
# Usage: scripts/bench-catalogue.sh
# Settings: DURATION=20s CONNS=16 THREADS=2 WARMUP=5s BENCHTIME=3000x
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
DURATION=${DURATION:-20s}
CONNS=${CONNS:-16}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-5s}
BENCHTIME=${BENCHTIME:-3000x}
for tool in go wrk curl; do
  command -v "$tool" >/dev/null || { echo "bench-catalogue.sh: $tool is required" >&2; exit 1; }
done
W=$(mktemp -d /tmp/ketnoi-catbench.XXXXXX)
PID=
cleanup() { [[ -n $PID ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; echo "(work files: $W)" >&2; }
trap cleanup EXIT
log() { echo "bench-catalogue.sh: $*" >&2; }

go build -o "$W/ketnoi" ./cmd/ketnoi
KETNOI_BENCH_QUERIES=$W/queries.txt go test ./internal/catalog -run TestWriteBenchQueries -count=1 >/dev/null
log "seeding the demo and serving it"
"$W/ketnoi" demo --db "$W/demo.db" --addr 127.0.0.1:0 >"$W/server.out" 2>"$W/server.log" &
PID=$!
ADDR=
for _ in $(seq 1 900); do
  ADDR=$(sed -n 's|^ketnoi demo is running at http://\(.*\)/$|\1|p' "$W/server.out")
  [[ -n $ADDR ]] && break
  kill -0 "$PID" 2>/dev/null || { cat "$W/server.log" >&2; log "the demo died"; exit 1; }
  sleep 0.2
done
[[ -n $ADDR ]] || { log "the demo did not start"; exit 1; }
# The first search builds the event's index.
curl -fsS "http://$ADDR/api/v1/events/1/search?q=robot" >/dev/null

echo "# catalogue search benchmarks"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD)"
echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- wrk -t$THREADS -c$CONNS -d$DURATION --latency on loopback (after a $WARMUP warm-up), sharing the 2 cores with the server"
echo
export QUERIES=$W/queries.txt SEARCH_PATH="/api/v1/events/1/search?limit=20&q="
wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" -s scripts/bench/wrk-catalogue.lua "http://$ADDR" >/dev/null
echo "| API search (wrk) | connections | requests/s | p50 ms | p99 ms | non-2xx | socket errors |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
# CONNS (a crowd), then 4 (a few visitors typing at once).
for c in "$CONNS" 4; do
  wrk -t"$THREADS" -c"$c" -d"$DURATION" --timeout 10s --latency -s scripts/bench/wrk-catalogue.lua "http://$ADDR" >"$W/wrk-$c.txt"
  read -r _ reqs dur p50 p99 bad errs < <(grep '^BENCH' "$W/wrk-$c.txt")
  awk -v c="$c" -v r="$reqs" -v d="$dur" -v a="$p50" -v b="$p99" -v n="$bad" -v e="$errs" \
    'BEGIN { printf "| GET /api/v1/events/1/search?q=… | %d | %.0f | %.2f | %.2f | %d | %d |\n", c, r / (d / 1e6), a / 1000, b / 1000, n, e }'
done
echo
kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
log "Go benchmarks on the same database: index vs LIKE scan"
echo '```'
KETNOI_BENCH_DB=$W/demo.db go test ./internal/catalog -run XXX -bench 'Catalogue(Search|Like)$' -benchtime "$BENCHTIME" -count=1 | grep -E '^(Benchmark|cpu)'
KETNOI_BENCH_DB=$W/demo.db go test ./internal/catalog -run XXX -bench 'CatalogueBuild' -benchtime 3x -count=1 | grep -E '^Benchmark'
echo '```'
