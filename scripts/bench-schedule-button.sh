#!/usr/bin/env bash
# Times the organizer's "run the scheduler" button on a fresh demo, for each
# binary given, in turn (ROUNDS rounds, default 3): the time to the answer
# and the run's own summary. Build the binaries first, e.g.
#   go build -o /tmp/ketnoi ./cmd/ketnoi
#   bash scripts/bench-schedule-button.sh /tmp/ketnoi-before /tmp/ketnoi
set -euo pipefail
rounds=${ROUNDS:-3}
port=8123
for r in $(seq 1 "$rounds"); do
  for bin in "$@"; do
    rm -f /tmp/bdb.db*
    "$bin" demo --db /tmp/bdb.db --addr 127.0.0.1:$port >/tmp/bdb.log 2>&1 &
    pid=$!
    for _ in $(seq 1 100); do curl -sf http://127.0.0.1:$port/readyz >/dev/null && break; sleep 0.2; done
    jar=$(mktemp)
    csrf=$(curl -s -c "$jar" -b "$jar" http://127.0.0.1:$port/login | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
    curl -s -c "$jar" -b "$jar" -o /dev/null -d "csrf=$csrf&email=organizer@ketnoi.demo&password=ketnoi-demo-2027" http://127.0.0.1:$port/login
    csrf=$(curl -s -b "$jar" http://127.0.0.1:$port/console/events/1/meetings | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
    t=$(curl -s -b "$jar" -o /tmp/bdb.html -w "%{time_total}" -d "csrf=$csrf" http://127.0.0.1:$port/console/events/1/meetings/schedule)
    summary=$(sed 's/<[^>]*>/ /g' /tmp/bdb.html | tr -s ' \n' ' ' | grep -o 'Đã xếp [^.]*([^)]*)\. Tổng trọng số [0-9]*, khung giờ trống xen giữa [0-9]*' || true)
    echo "round $r $(basename "$bin"): ${t}s — $summary"
    kill $pid; wait $pid 2>/dev/null || true
    rm -f "$jar"
  done
done
