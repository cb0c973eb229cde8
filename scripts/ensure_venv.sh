#!/usr/bin/env bash
# Create the project's virtual environment: scripts/ensure_venv.sh PYTHON VENV_DIR
# Checks the Python version first; on Debian/Ubuntu as root, installs the distribution's
# venv module when it is missing (Debian ships it as a separate package).
set -euo pipefail
python=${1:-python3}
venv=${2:-.venv}

if ! command -v "$python" >/dev/null 2>&1; then
    echo "error: '$python' not found. Install Python >= 3.10 or run: make PYTHON=/path/to/python3 ..." >&2
    exit 1
fi
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 10))'; then
    echo "error: rnnlib needs Python >= 3.10; '$python' is $("$python" -V 2>&1)." >&2
    echo "       Run with a newer interpreter: make PYTHON=python3.11 ..." >&2
    exit 1
fi

if ! "$python" -m venv "$venv" 2>/dev/null; then
    rm -rf "$venv"
    version=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Python's venv module is missing: installing python${version}-venv with apt-get..."
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq "python${version}-venv" || apt-get install -y -qq python3-venv
        "$python" -m venv "$venv"
    else
        echo "error: '$python -m venv' failed. On Debian/Ubuntu: sudo apt-get install python${version}-venv" >&2
        exit 1
    fi
fi
echo "Created $venv with $("$venv/bin/python" -V)."
