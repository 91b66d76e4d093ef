#!/usr/bin/env bash
# End-to-end latency of an edit of the flagship (3 arms, 72 h, 15-min samples) in `osmo serve`:
#  1. the API round trip with curl: POST /api/run with the weight changed each time (N requests);
#  2. in headless Chromium (chromium-driver): the weight box changed, until the table and the six
#     figures are in the DOM ("drawn") and until the next frame after that ("painted"), as the page
#     itself times it from the input event (serve-latency-browser.py).
# Usage (from the repository root): bash Benchmarks/Scripts/serve-latency.sh [N]   (default 50)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-50}
source Benchmarks/Scripts/serve-common.sh
flagship=$(mktemp); body=$(mktemp)
trap 'kill $SERVE_PID 2>/dev/null; rm -f "$SERVE_OUT" "$flagship" "$body"' EXIT
curl -sf "$BASE/api/scenarios/norovirus-adult" >"$flagship"
for i in $(seq 5); do curl -sf -o /dev/null -X POST --data-binary @"$flagship" "$BASE/api/run"; done   # warm-up
times=()
for i in $(seq "$N"); do
  w=$((50 + i % 40))
  sed "s/\"patient\":\"adult\"/\"patient\":{\"preset\":\"adult\",\"weight\":\"$w kg\"}/" "$flagship" >"$body"
  times+=("$(curl -sf -o /dev/null -w '%{time_total}' -X POST -H 'Content-Type: application/json' --data-binary @"$body" "$BASE/api/run")")
done
printf '%s\n' "${times[@]}" | sort -n | awk -v n="$N" '{ t[NR] = $1 * 1000 } END {
  printf "API round trip (curl, POST /api/run, flagship, weight edited, %d requests): p50 %.1f ms, p90 %.1f ms, max %.1f ms\n",
    n, t[int(n * 0.5 + 0.5)], t[int(n * 0.9 + 0.5)], t[n] }'
if command -v chromedriver >/dev/null && command -v chromium >/dev/null; then
  python3 Benchmarks/Scripts/serve-latency-browser.py "$BASE" 30
else
  echo "browser: skipped (apt-get install -y chromium chromium-driver)"
fi
