#!/bin/sh
# Reproduces the booth-allocation figures of docs/benchmarks.md:
#  1. the full engine against the greedy pass alone on the generated
#     4-hall, 2,000-booth, 500-exhibitor fair (same run, so the ratio holds);
#  2. the engine against the exact optimum found by CBC (coinor-cbc) on the
#     MIP model written by internal/allocate/lp.go, per small instance.
set -eu
cd "$(dirname "$0")/.."
command -v cbc >/dev/null || { echo "bench-allocate: install coinor-cbc first" >&2; exit 1; }
go test ./internal/allocate -run '^$' -bench 'Fair' -benchtime 5x -cpu 2
go test ./internal/allocate -run '^$' -bench 'AgainstCBC' -benchtime 1x -cpu 2 -timeout 60m
