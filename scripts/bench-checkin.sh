#!/usr/bin/env bash
# Reproduces the scan figures of docs/benchmarks.md ("Scans (200 scanner
# clients on loopback)"): for each database and each request shape (one
# scan per request, as a phone online; batches of 10, as an offline scanner
# syncing), one `ketnoi bench checkin --only scans` run that measures
#
#   1. the closed loop: 200 clients, each posting again as soon as it is
#      answered (saturation throughput; latency is queueing);
#   2. the open loop: the 200 clients together offer RATE scans/s for
#      DURATION, each on its own schedule, latency from the intended send;
#   3. the baseline: as many single-row INSERTs into the same database as
#      the closed loop's scans, each its own transaction, 200 goroutines.
#
# Each run prints its command line and the load average before it. Every
# run makes a fresh database (a temporary SQLite file, or a new database on
# the PostgreSQL server, dropped afterwards).
#
# Usage: scripts/bench-checkin.sh
# Settings (environment):
#   DATABASES="sqlite postgres"  BATCHES="1 10"
#   RATE=5000 DURATION=10s       open loop
#   REQUESTS_1=100 REQUESTS_10=25  closed-loop requests per client, by batch
#                                (REQUESTS_<n>; other sizes 250/n)
#   PG=postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable
#   KETNOI_BIN=path              measure this binary instead of building
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
DATABASES=${DATABASES:-sqlite postgres}
BATCHES=${BATCHES:-1 10}
RATE=${RATE:-5000}
DURATION=${DURATION:-10s}
PG=${PG:-postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable}
REQUESTS_1=${REQUESTS_1:-100}
REQUESTS_10=${REQUESTS_10:-25}
BIN=${KETNOI_BIN:-}
if [[ -z $BIN ]]; then
  BIN=$(mktemp -d /tmp/ketnoi-scanbench.XXXXXX)/ketnoi
  go build -o "$BIN" ./cmd/ketnoi
fi
echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(nproc) cores"
for db in $DATABASES; do
  dbflag=()
  [[ $db == postgres ]] && dbflag=(--db "$PG")
  for batch in $BATCHES; do
    var=REQUESTS_$batch
    requests=${!var:-$((250 / batch))}
    cmd=("$BIN" bench checkin --only scans --batch "$batch" --scans "$requests" --rate "$RATE" --duration "$DURATION" "${dbflag[@]}")
    echo
    echo "\$ ketnoi ${cmd[*]:1}"
    echo "load: $(uptime | sed 's/.*load average: //')"
    "${cmd[@]}"
  done
done
