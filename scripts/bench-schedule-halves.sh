#!/usr/bin/env bash
# Asks Debian's CaDiCaL whether the scheduler's own choice of which half of
# the day each unrestricted meeting goes to admits fewer breaks: the exact
# model (schedbench -mode cnf -implied) of the whole day against the same
# model with every unrestricted meeting held to the half the scheduler put
# it in (-halves), at the same bound, for docs/benchmarks.md.
# Needs: apt-get install cadical.
# Usage: scripts/bench-schedule-halves.sh [limit-seconds] instance:breaks ...
set -euo pipefail
cd "$(dirname "$0")/.."
limit=${1:-60}
shift || true
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
	cases=(forum-13crafb:8 forum-13crafb:7 forum-13crafb:6 forum-13crafc:2 forum-13crafc:1 ticf-13crafb:5 ticf-13crafb:4)
fi
dir=../shared/bench/b2b-jair2022
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/schedbench" ./internal/schedule/cmd/schedbench
go build -o "$tmp/ketnoi" ./cmd/ketnoi
cadical_time() {
	local start end status secs
	start=$(date +%s.%N)
	status=$(timeout "$limit" cadical -q "$1" | grep '^s ' || true)
	end=$(date +%s.%N)
	secs=$(echo "$end - $start" | bc)
	case "$status" in
	"s SATISFIABLE") printf '%.1f (sat)' "$secs" ;;
	"s UNSATISFIABLE") printf '%.1f (unsat)' "$secs" ;;
	*) printf '> %s' "$limit" ;;
	esac
}
echo "| instance | ketnoi breaks | at most | whole day s | held to ketnoi's halves s |"
echo "| --- | ---: | ---: | ---: | ---: |"
for c in "${cases[@]}"; do
	name=${c%:*} k=${c#*:}
	if [ ! -f "$tmp/$name.out.json" ]; then
		"$tmp/ketnoi" schedule --in "$dir/$name.json" --out "$tmp/$name.out.json" >/dev/null 2>&1
	fi
	got=$(grep -o '"breaks": *[0-9]*' "$tmp/$name.out.json" | grep -o '[0-9]*$')
	"$tmp/schedbench" -mode cnf -in "$dir/$name.json" -out "$tmp/whole.cnf" -breaks "$k" -implied
	"$tmp/schedbench" -mode cnf -in "$dir/$name.json" -out "$tmp/halves.cnf" -breaks "$k" -implied -halves "$tmp/$name.out.json"
	echo "| $name | $got | $k | $(cadical_time "$tmp/whole.cnf") | $(cadical_time "$tmp/halves.cnf") |"
done
