#!/usr/bin/env bash
# Regenerates Docs/validation.md from the model (every row is a simulation), then checks it.
set -euo pipefail
cd "$(dirname "$0")/.."
OSMO_WRITE_VALIDATION=1 swift test --filter ValidationTableTests
swift test --filter ValidationTableTests
