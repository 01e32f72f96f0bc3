#!/usr/bin/env bash
# Reproduces the compression figures of docs/benchmarks.md ("Compressed
# answers"): for pages of the demo fair, the bytes sent as they are, gzipped
# and zstd-compressed, and wrk's requests/s for each page asked for plainly
# (the baseline, same server, same run) and with Accept-Encoding: gzip.
#
# It builds the binary, seeds the demo on a fresh SQLite file in a temporary
# folder, runs the scheduler once (so that the organizer's table plan has
# meetings), starts the server on a free loopback port and prints markdown.
#
# Usage: scripts/bench-compress.sh
# Settings (environment): DURATION=10s CONNS=16 THREADS=2
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
DURATION=${DURATION:-10s}
CONNS=${CONNS:-16}
THREADS=${THREADS:-2}
for tool in go wrk curl; do
  command -v "$tool" >/dev/null || { echo "bench-compress.sh: $tool is required" >&2; exit 1; }
done

dir=$(mktemp -d)
trap 'kill "${pid:-}" 2>/dev/null || true; rm -rf "$dir"' EXIT
go build -o "$dir/ketnoi" ./cmd/ketnoi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
(cd "$dir" && ./ketnoi demo -addr "127.0.0.1:$port" >"$dir/log" 2>&1) &
pid=$!
for _ in $(seq 1 120); do curl -sf "$base/healthz" >/dev/null && break; sleep 1; done

# The organizer signs in and runs the scheduler.
jar=$dir/cookies
csrf() { grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
token=$(curl -s -c "$jar" -b "$jar" "$base/login" | csrf)
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "csrf=$token" \
  --data-urlencode "email=organizer@ketnoi.demo" --data-urlencode "password=ketnoi-demo-2027" "$base/login"
token=$(curl -s -b "$jar" "$base/console/events/1/meetings" | csrf)
curl -s -b "$jar" -o /dev/null --data-urlencode "csrf=$token" "$base/console/events/1/meetings/schedule"

size() { curl -s -b "$jar" ${2:+-H "Accept-Encoding: $2"} -o /dev/null -w '%{size_download}' "$base$1"; }
echo "| page | as it is, bytes | gzip, bytes | zstd, bytes | gzip / as it is |"
echo "| --- | ---: | ---: | ---: | ---: |"
for p in /events/1 /events/1/plan /events/1/exhibitors "/events/1/search?q=robot" /market /api/v1/openapi.json \
  "/console/events/1/meetings?day=2027-03-10&slot=d1-0830"; do
  a=$(size "$p"); g=$(size "$p" gzip); z=$(size "$p" zstd)
  echo "| \`$p\` | $a | $g | $z | $(awk -v g="$g" -v a="$a" 'BEGIN{printf "%.3f", g/a}') |"
done

rps() { wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" ${2:+-H "Accept-Encoding: $2"} "$base$1" | awk '/Requests\/sec/ {print $2}'; }
echo
echo "| page | req/s as it is (baseline) | req/s gzip | gzip / baseline |"
echo "| --- | ---: | ---: | ---: |"
for p in /events/1 /events/1/plan /events/1/exhibitors /market; do
  a=$(rps "$p"); g=$(rps "$p" gzip)
  echo "| \`$p\` | $a | $g | $(awk -v g="$g" -v a="$a" 'BEGIN{printf "%.2f", g/a}') |"
done
