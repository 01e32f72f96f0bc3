#!/usr/bin/env bash
# Is the order of the scheduler's slots what leaves its breaks? For each
# JAIR 2022 instance where the scheduler misses the optimum, schedules it
# (ketnoi schedule, default options) and finds the best order of the
# schedule's slots exactly (schedbench -mode order: each slot's meetings
# move together to any position where all of them may be held), for
# docs/benchmarks.md.
# Usage: scripts/bench-schedule-order.sh [instance ...]
set -euo pipefail
cd "$(dirname "$0")/.."
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
	cases=(forum-13crafb forum-13crafc forum-14 tic-13crafc tic-14crafc ticf-13crafb ticf-13crafc ticf-14crafa)
fi
dir=../shared/bench/b2b-jair2022
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/ketnoi" ./cmd/ketnoi
go build -o "$tmp/schedbench" ./internal/schedule/cmd/schedbench
for name in "${cases[@]}"; do
	"$tmp/ketnoi" schedule --in "$dir/$name.json" --out "$tmp/$name.out.json" >/dev/null 2>&1
	echo "$name: $("$tmp/schedbench" -mode order -in "$dir/$name.json" -schedule "$tmp/$name.out.json")"
done
