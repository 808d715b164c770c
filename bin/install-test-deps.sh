#!/usr/bin/env bash
# Installs what the test suite needs beyond Maven: Debian's chromium and chromedriver for the
# web UI's browser tests. Does nothing when both are present.
set -euo pipefail
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then
    as_root=(sudo -n)
  else
    echo "install-test-deps: chromium and chromium-driver are missing and this user cannot install them (no root, no sudo): apt-get install chromium chromium-driver" >&2
    exit 1
  fi
fi
echo "install-test-deps: installing chromium and chromium-driver (browser tests)" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get install -y -q chromium chromium-driver >&2 \
  || { "${as_root[@]}" apt-get update -q >&2 && "${as_root[@]}" apt-get install -y -q chromium chromium-driver >&2; }
