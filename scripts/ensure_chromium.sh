#!/usr/bin/env bash
# Make sure the browser test has a Chromium: /usr/bin/chromium (or $CHROMIUM).
# When it is missing and we can (root on Debian/Ubuntu), install Debian's `chromium`
# package with apt-get. Never downloads a browser build of its own (no `playwright install`).
# Exits 0 when no browser can be had: the browser test then skips with a hint
# (or fails, when CI=true).
set -euo pipefail
chromium=${CHROMIUM:-/usr/bin/chromium}

if [ -x "$chromium" ]; then
    exit 0
fi
is_debian_like() {
    [ -r /etc/os-release ] && grep -qiE '^(ID|ID_LIKE)=.*(debian|ubuntu)' /etc/os-release
}
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && is_debian_like; then
    echo "Chromium not found at $chromium: installing Debian's chromium package (~1 min)..."
    export DEBIAN_FRONTEND=noninteractive
    if apt-get update -qq && apt-get install -y -qq chromium; then
        echo "Installed $("$chromium" --version 2>/dev/null || echo chromium)."
        exit 0
    fi
    echo "warning: apt-get could not install chromium; the browser test will be skipped." >&2
else
    echo "note: no Chromium at $chromium and cannot install it here (needs root on Debian/Ubuntu)." >&2
    echo "      To enable the browser test: sudo apt-get install chromium" >&2
fi
exit 0
