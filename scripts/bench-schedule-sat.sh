#!/usr/bin/env bash
# Times Debian's CaDiCaL on the exact model of JAIR 2022 instances
# (schedbench -mode cnf): the plain model, with the implied busy-slot
# counts, and with them bounding the participants with a break instead of
# the breaks (same bound), for docs/benchmarks.md. Needs: apt-get install cadical.
# Usage: scripts/bench-schedule-sat.sh [limit-seconds] instance:breaks ...
set -euo pipefail
cd "$(dirname "$0")/.."
limit=${1:-60}
shift || true
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
	cases=(tic-14crafc:0 forum-13crafc:1 ticf-13crafb:4 ticf-13crafb:3 forum-13crafb:9 forum-13crafb:6)
fi
dir=../shared/bench/b2b-jair2022
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/schedbench" ./internal/schedule/cmd/schedbench
echo "| instance | at most | plain model s | implied counts s | implied, participants with a break s |"
echo "| --- | ---: | ---: | ---: | ---: |"
for c in "${cases[@]}"; do
	name=${c%:*} k=${c#*:}
	row="| $name | $k |"
	for variant in "-implied=false" "-implied" "-implied -per-participant"; do
		# shellcheck disable=SC2086 # the variant is a list of flags
		"$tmp/schedbench" -mode cnf -in "$dir/$name.json" -out "$tmp/m.cnf" -breaks "$k" $variant
		start=$(date +%s.%N)
		status=$(timeout "$limit" cadical -q "$tmp/m.cnf" | grep '^s ' || true)
		end=$(date +%s.%N)
		secs=$(echo "$end - $start" | bc)
		case "$status" in
		"s SATISFIABLE") row="$row $(printf '%.1f' "$secs") (sat) |" ;;
		"s UNSATISFIABLE") row="$row $(printf '%.1f' "$secs") (unsat) |" ;;
		*) row="$row > $limit |" ;;
		esac
	done
	echo "$row"
done
