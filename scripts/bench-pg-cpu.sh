#!/usr/bin/env bash
# Reproduces "PostgreSQL's CPU per scan" of docs/benchmarks.md: for each
# binary given, one batched check-in run against PostgreSQL (closed loop of
# 5 requests per client to warm up, then 5,000 scans/s offered for 12 s),
# and the CPU time of every PostgreSQL process and of the bench's own
# process over 8 s of the open loop. Give the binaries of the two commits
# to compare, e.g. built with `git worktree` at each; they run in turn,
# ROUNDS times, so that both see the same machine.
#
# Usage: scripts/bench-pg-cpu.sh BIN [BIN...]
# Settings: PG=postgres://… ROUNDS=2
set -euo pipefail
PG=${PG:-postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable}
ROUNDS=${ROUNDS:-2}
ticks() { for p in "$@"; do awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null; done | paste -sd+ | bc; }
for _ in $(seq "$ROUNDS"); do
  for bin in "$@"; do
    out=$(mktemp)
    "$bin" bench checkin --only scans --batch 10 --scans 5 --rate 5000 --duration 12s --db "$PG" >"$out" 2>&1 &
    pid=$!
    sleep 5
    pg0=$(ticks $(pgrep -u postgres)); me0=$(ticks "$pid")
    sleep 8
    pg1=$(ticks $(pgrep -u postgres)); me1=$(ticks "$pid")
    wait "$pid"
    echo "$bin: PostgreSQL $((pg1 - pg0)) cs, bench process $((me1 - me0)) cs of CPU in 8 s at 5,000 scans/s"
    grep '^open' "$out"
    rm -f "$out"
  done
done
