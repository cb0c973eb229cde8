#!/usr/bin/env bash
# Make sure the browser tests and the handouts have a Chromium (/usr/bin/chromium, or
# $CHROMIUM), a Korean font (Debian's fonts-nanum: Hangul in screenshots and PDFs) and
# pdftotext (poppler-utils: the handout test reads the PDFs' text layer).
# When one is missing and we can (root on Debian/Ubuntu), install the missing Debian
# packages with apt-get. Never downloads a browser build of its own (no `playwright install`).
# Exits 0 when they cannot be had: the browser tests then skip with a hint
# (or fail, when CI=true).
set -euo pipefail
chromium=${CHROMIUM:-/usr/bin/chromium}
hangul_font=/usr/share/fonts/truetype/nanum/NanumGothic.ttf

missing=()
[ -x "$chromium" ] || missing+=(chromium)
[ -f "$hangul_font" ] || missing+=(fonts-nanum)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
is_debian_like() {
    [ -r /etc/os-release ] && grep -qiE '^(ID|ID_LIKE)=.*(debian|ubuntu)' /etc/os-release
}
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && is_debian_like; then
    echo "Not found: ${missing[*]}: installing Debian's packages (~1 min)..."
    export DEBIAN_FRONTEND=noninteractive
    if apt-get update -qq && apt-get install -y -qq "${missing[@]}"; then
        echo "Installed ${missing[*]} ($("$chromium" --version 2>/dev/null || echo chromium))."
        exit 0
    fi
    echo "warning: apt-get could not install ${missing[*]}; the browser tests will be skipped." >&2
else
    echo "note: missing ${missing[*]} and cannot install here (needs root on Debian/Ubuntu)." >&2
    echo "      To enable the browser tests: sudo apt-get install chromium fonts-nanum poppler-utils" >&2
fi
exit 0
