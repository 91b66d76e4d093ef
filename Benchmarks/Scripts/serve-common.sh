# Shared by serve-latency.sh and serve-load.sh: start `osmo serve --port 0` and read its port.
# Sets SERVE_PID and PORT; stops the server (by its PID) on exit.
OSMO=${OSMO:-.build/release/osmo}
[ -x "$OSMO" ] || { echo "no $OSMO: run 'swift build -c release --product osmo' (or set OSMO)" >&2; exit 1; }
SERVE_OUT=$(mktemp)
"$OSMO" serve --port 0 >"$SERVE_OUT" 2>&1 &
SERVE_PID=$!
trap 'kill $SERVE_PID 2>/dev/null; rm -f "$SERVE_OUT"' EXIT
for _ in $(seq 100); do
  PORT=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$SERVE_OUT" | head -1)
  [ -n "$PORT" ] && break
  sleep 0.1
done
[ -n "$PORT" ] || { echo "osmo serve did not start:"; cat "$SERVE_OUT"; exit 1; } >&2
BASE="http://127.0.0.1:$PORT"
rss_mb() { awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$SERVE_PID/status"; }
