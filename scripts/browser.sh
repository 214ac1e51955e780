#!/usr/bin/env bash
# Makes sure the browser of the portal's browser tests is there: Debian's Chromium at
# /usr/bin/chromium (playwright-core drives it; no browser is downloaded by npm).
# Idempotent and quiet when it is installed already. Run by `npm test` before mocha.
#   CHROMIUM_PATH   another Chromium to use instead (then nothing is installed)
set -euo pipefail

say() { printf '[browser] %s\n' "$*" >&2; }
die() { printf '[browser] error: %s\n' "$*" >&2; exit 1; }

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ -x "$chromium" ]; then exit 0; fi
[ -z "${CHROMIUM_PATH:-}" ] || die "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable"

apt() {
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo DEBIAN_FRONTEND=noninteractive "$@"
  else
    die "chromium is missing and installing it needs root: apt-get install chromium"
  fi
}

command -v apt-get >/dev/null 2>&1 || die "chromium is missing and this is not a Debian/Ubuntu machine: install Chromium and set CHROMIUM_PATH"
say "installing Debian's chromium (for the browser tests)"
apt apt-get update -qq >&2
apt apt-get install -y -qq --no-install-recommends chromium >&2
[ -x "$chromium" ] || die "apt-get installed chromium but $chromium is not there"
say "chromium ready: $("$chromium" --version 2>/dev/null || echo "$chromium")"
