#!/usr/bin/env bash
# Load: 16 concurrent clients editing the flagship for 30 s against a local `osmo serve` (wrk from
# Debian, serve-load.lua). Passes with zero errors (every answer 200) and flat memory: the server's
# RSS is sampled after a warm-up, every 5 s during the load, and after it.
# Usage (from the repository root): bash Benchmarks/Scripts/serve-load.sh [SECONDS] [CLIENTS]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_=${1:-30}; CLIENTS=${2:-16}
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 77; }
source Benchmarks/Scripts/serve-common.sh
FLAGSHIP_JSON=$(mktemp); export FLAGSHIP_JSON
REPORT=$(mktemp)
trap 'kill $SERVE_PID 2>/dev/null; rm -f "$SERVE_OUT" "$FLAGSHIP_JSON" "$REPORT"' EXIT
curl -sf "$BASE/api/scenarios/norovirus-adult" >"$FLAGSHIP_JSON"
for _ in $(seq 20); do curl -sf -o /dev/null -X POST --data-binary @"$FLAGSHIP_JSON" "$BASE/api/run"; done   # warm-up
echo "server RSS after warm-up: $(rss_mb) MB"
samples=()
( for _ in $(seq $((SECONDS_ / 5))); do sleep 5; echo "$(rss_mb)"; done ) >"$REPORT.rss" &
sampler=$!
wrk -t2 -c"$CLIENTS" -d"${SECONDS_}s" --timeout 10s -s Benchmarks/Scripts/serve-load.lua "$BASE" | tee "$REPORT"
wait $sampler || true
echo "server RSS during the load (every 5 s): $(tr '\n' ' ' <"$REPORT.rss")MB"
rm -f "$REPORT.rss"
echo "server RSS after: $(rss_mb) MB"
grep -q 'errors: connect 0, read 0, write 0, timeout 0, non-2xx 0' "$REPORT" || { echo "FAIL: errors under load" >&2; exit 1; }
echo "PASS: no errors"
