#!/usr/bin/env bash
# One-time (and idempotent) set-up on Debian/Ubuntu: the system libraries Qt needs, an
# Arabic-capable font, poppler (renders report PDFs in tests), and a virtual environment
# in .venv with the app and its test tools. Re-running is fast: each step is skipped when done.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
    echo "setup: Python 3.11 or newer is needed (found: $("$PY" --version 2>&1 || echo none))." >&2
    echo "setup: install it (e.g. apt-get install python3) or set PYTHON=/path/to/python3.11" >&2
    exit 1
fi

# System packages Qt needs on a minimal Debian/Ubuntu (see docs/performance.md for the source of this list).
PKGS=(libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfreetype6 libfontconfig1 libdbus-1-3 fonts-dejavu-core poppler-utils)
# Qt's X11 (xcb) platform plugin, so the window opens on a desktop that lacks them (Qt 6.5+ needs xcb-cursor).
PKGS+=(libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0)
# PostgreSQL: the hub tests start a throwaway server (packaging/with-postgres.sh).
PKGS+=(postgresql)
if ! "$PY" -m venv --help >/dev/null 2>&1 || ! "$PY" -c 'import ensurepip' >/dev/null 2>&1; then
    PKGS+=("python3-venv")
fi
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
    for p in "${PKGS[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
fi
if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
            echo "setup: please install these packages as root: ${missing[*]}" >&2; exit 1
        fi
    fi
    echo "setup: installing system packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
    echo "setup: creating .venv"
    "$PY" -m venv .venv
fi
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
    echo "setup: installing Python packages into .venv (first run takes a few minutes)"
    .venv/bin/python -m pip install -q --upgrade pip >/dev/null
    .venv/bin/python -m pip install -q -e ".[gui,test,hub]"
    rm -f .venv/.installed-*
    touch "$stamp"
fi
