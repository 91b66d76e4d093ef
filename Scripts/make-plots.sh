#!/usr/bin/env bash
# Regenerates Plots/<scenario>/*.svg for every shipped scenario (Scenarios/*.yaml) with `osmo plot`.
# Run it after any change to the model or the scenarios, and commit Plots/ with the change.
#   Scripts/make-plots.sh                          # builds osmo (debug) in .build
#   OSMO_SCRATCH=.build-mine Scripts/make-plots.sh # another build directory
#   OSMO=/path/to/osmo Scripts/make-plots.sh       # an osmo you already built
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${OSMO:-}" ]; then
  scratch="${OSMO_SCRATCH:-.build}"
  swift build --scratch-path "$scratch" --product osmo >&2
  OSMO="$(swift build --scratch-path "$scratch" --show-bin-path)/osmo"
fi
for scenario in Scenarios/*.yaml; do
  stem="$(basename "$scenario" .yaml)"
  out="Plots/$stem"
  rm -rf "$out"
  "$OSMO" plot "$scenario" --out "$out" >/dev/null
  echo "$out: $(ls "$out" | wc -l) figures"
done
