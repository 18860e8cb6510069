#!/usr/bin/env bash
# The Qt-free core, installed as a script or a coordinator's server would: `pip install ".[test,hub]"`
# (no [gui]) into .venv-core, then the core tests and a dtrack round trip there (init, demo, export,
# check, self-test),
# run from outside the checkout so the installed package, not the source folder, is what runs.
# Re-runs reuse the virtual environment and pip's cache, so only this project's wheel is rebuilt.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv-core/bin/python ] || "$PY" -m venv .venv-core
.venv-core/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
.venv-core/bin/python -m pip install -q ".[test,hub]" 2>&1 | grep -v -e "^WARNING: Location" -e "^ *$" || true
if .venv-core/bin/python -c 'import PySide6' 2>/dev/null; then
    echo "core-venv: PySide6 is installed without the [gui] extra: the core's dependencies pull in Qt" >&2
    exit 1
fi
.venv-core/bin/python -m pytest -q -p no:pytest-qt tests/core "$@"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo=$(pwd)
(
    cd "$work"
    export DTRACK_PASSPHRASE="core round trip $$"
    dtrack="$repo/.venv-core/bin/dtrack"
    "$dtrack" --version
    "$dtrack" init office.dtdb --organisation "Core check" >/dev/null
    "$dtrack" demo office.dtdb --households 14 --crossings 60 --seed 7 >/dev/null
    "$dtrack" export office.dtdb --what households --out households.csv >/dev/null
    "$dtrack" export office.dtdb --what households,crossings --out office.xlsx >/dev/null
    "$dtrack" check office.dtdb >/dev/null
    head -2 households.csv | tail -1 | grep -q '^#' || { echo "core-venv: the export has no HXL tag row" >&2; exit 1; }
    "$dtrack" self-test >/dev/null || { "$dtrack" self-test; exit 1; }
    echo "core-venv: dtrack init, demo, export, check and self-test passed without Qt"
)
