#!/usr/bin/env bash
# The journeys run in Debian's Chromium (Playwright's own browser download is not available
# offline). Install it, with CJK fonts, when it is missing and we may; otherwise say what to do.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
have_fonts() { fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; }
if [ -x "$browser" ] && have_fonts; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "[anju] installing Chromium and CJK fonts from Debian's packages for the end-to-end tests…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
  exit 0
fi
echo "[anju] The end-to-end tests need Chromium at $browser (and CJK fonts): apt-get install chromium fonts-noto-cjk, or set CHROMIUM_PATH." >&2
exit 1
