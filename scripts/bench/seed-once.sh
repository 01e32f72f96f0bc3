#!/usr/bin/env bash
# One timed run of the demo seeding, for hyperfine (scripts/bench-server.sh):
# starts `ketnoi demo` on an empty database, waits for its "Seeded …" line,
# appends that line to LOG and stops the demo with SIGTERM. The demo serves
# after seeding, so stopping it at that line times the whole seeding
# (start, migrate, generate, insert) and no serving.
# Usage: seed-once.sh BIN DB LOG
set -euo pipefail
bin=$1 db=$2 log=$3
fifo=$(mktemp -u /tmp/ketnoi-seed.XXXXXX)
mkfifo "$fifo"
trap 'rm -f "$fifo"' EXIT
"$bin" demo --db "$db" --addr 127.0.0.1:0 >"$fifo" &
pid=$!
seeded=
while IFS= read -r line; do
  if [[ $line == Seeded* ]]; then
    seeded=$line
    kill "$pid"
    break
  fi
done <"$fifo"
wait "$pid" || true
[[ -n $seeded ]] || { echo "seed-once.sh: the demo stopped before seeding" >&2; exit 1; }
echo "$seeded" >>"$log"
