#!/bin/sh
# Reproduces the "Meeting scheduler (issue 3)" tables of docs/benchmarks.md.
# Run from the repository root; the JAIR 2022 instances must be in
# ../shared/bench/b2b-jair2022 and CBC in /usr/bin/cbc (package coinor-cbc).
set -eu
cd "$(dirname "$0")/.."
echo "## load before: $(cat /proc/loadavg)"
echo "## JAIR 2022 instances (greedy baseline and ketnoi, same run)"
go run ./internal/schedule/cmd/schedbench -mode jair -jair ../shared/bench/b2b-jair2022
echo "## go test benchmarks (JAIR timing and the scale instance)"
go test ./internal/schedule -run '^$' -bench 'JAIR|Scale' -benchtime 1x
echo "## scale instance"
go run ./internal/schedule/cmd/schedbench -mode scale
echo "## exact comparison with CBC"
go run ./internal/schedule/cmd/schedbench -mode exact -cbc /usr/bin/cbc
echo "## larger instances against an upper bound (session LP relaxation, CBC)"
go run ./internal/schedule/cmd/schedbench -mode lpbound -cbc /usr/bin/cbc
echo "## load after: $(cat /proc/loadavg)"
