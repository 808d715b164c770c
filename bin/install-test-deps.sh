#!/usr/bin/env bash
# Installs what the test suite needs beyond Maven, each only when missing:
#  - Debian's chromium and chromedriver, for the web UI's browser tests;
#  - node/npm (Debian) and s3rver (npm, pinned in tools/s3rver/package-lock.json), the local
#    S3-compatible server the S3 artifact store's tests start on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=()
command -v chromium >/dev/null || packages+=(chromium)
command -v chromedriver >/dev/null || packages+=(chromium-driver)
command -v npm >/dev/null || packages+=(nodejs npm)
if [ ${#packages[@]} -gt 0 ]; then
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then
      as_root=(sudo -n)
    else
      echo "install-test-deps: missing ${packages[*]} and this user cannot install them (no root, no sudo): apt-get install ${packages[*]}" >&2
      exit 1
    fi
  fi
  echo "install-test-deps: installing ${packages[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get install -y -q "${packages[@]}" >&2 \
    || { "${as_root[@]}" apt-get update -q >&2 && "${as_root[@]}" apt-get install -y -q "${packages[@]}" >&2; }
fi

if [ ! -x tools/s3rver/node_modules/.bin/s3rver ]; then
  echo "install-test-deps: installing s3rver into tools/s3rver (npm ci)" >&2
  (cd tools/s3rver && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
