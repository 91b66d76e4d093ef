#!/usr/bin/env bash
# Installs what osmo needs on a fresh Debian/Ubuntu machine that already has Swift: GSL (libgsl-dev) and pkg-config.
set -euo pipefail
need=()
pkg-config --exists gsl 2>/dev/null || need+=(libgsl-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup: installing ${need[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
