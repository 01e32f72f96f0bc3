#!/usr/bin/env bash
# Runs the chronological exact search (schedbench -mode chrono) on every
# JAIR 2022 instance, asking for a schedule with as many breaks as the
# proven optimum, and then the scheduler itself on the same instances in
# the same run, for docs/benchmarks.md.
# Usage: scripts/bench-schedule-chrono.sh [tries] [nodes-per-try] [seed]
set -euo pipefail
cd "$(dirname "$0")/.."
tries=${1:-100} limit=${2:-2000} seed=${3:-1}
dir=../shared/bench/b2b-jair2022
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/schedbench" ./internal/schedule/cmd/schedbench
echo "| instance | optimum | found | tries | nodes | latest slot reached | slots | s |"
echo "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |"
while read -r name opt; do
	out=$("$tmp/schedbench" -mode chrono -in "$dir/$name.json" -breaks "$opt" -tries "$tries" -limit "$limit" -seed "$seed")
	out=${out%%$'\n'*}
	# found true, tries 1, nodes 224, latest slot reached 8 of 8, 0.006 s
	read -r found t n deep slots secs <<<"$(echo "$out" | sed -E 's/found ([a-z]+), tries ([0-9]+), nodes ([0-9]+), latest slot reached ([0-9]+) of ([0-9]+), ([0-9.]+) s/\1 \2 \3 \4 \5 \6/')"
	echo "| $name | $opt | $found | $t | $n | $deep | $slots | $secs |"
done <<'LIST'
forum-13 0
forum-13crafb 6
forum-13crafc 1
forum-14 2
forumt-14 5
forumt-14crafc 5
forumt-14crafd 4
forumt-14crafe 5
tic-12 0
tic-12crafc 0
tic-13 0
tic-13crafb 0
tic-13crafc 4
tic-14crafa 0
tic-14crafc 0
tic-14crafd 0
ticf-13crafa 0
ticf-13crafb 3
ticf-13crafc 1
ticf-14crafa 0
LIST
echo
echo "The scheduler on the same instances:"
"$tmp/schedbench" -mode jair -jair "$dir"
