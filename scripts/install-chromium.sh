#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (Playwright drives it; no browser download).
# A no-op when it is already there. Needs root (or sudo) and the Debian package mirror.
set -euo pipefail
if [ -x /usr/lib/chromium/chromium ] || [ -n "${MAGNESIA_CHROMIUM:-}" ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "install-chromium: no apt-get here; install Chromium and set MAGNESIA_CHROMIUM to its binary" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "install-chromium: installing Debian's chromium package (about 90 s)…"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
/usr/lib/chromium/chromium --version
