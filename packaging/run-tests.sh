#!/usr/bin/env bash
# Set up if needed, then run the whole test suite offscreen (no display needed):
# the import contract, the core tests with Qt made unimportable, then the UI tests.
#
# In CI (CI=true), or with --with-bundle as the first argument, two more stages run:
#   - the core in a virtual environment without the [gui] extra (packaging/core-venv.sh):
#     its tests and a dtrack round trip, proving that nothing in the core needs Qt;
#   - the frozen bundle (packaging/build.sh), its self-test offscreen, and the .deb's
#     install, file association and removal (packaging/linux/test-deb.sh).
# Each stage prints how long it took. Other arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
slow=0
if [ "${1:-}" = "--with-bundle" ]; then slow=1; shift; fi
if [ "${CI:-}" = "true" ]; then slow=1; fi

stage() {  # stage NAME COMMAND...: run it and say how long it took
    local name=$1 t0=$SECONDS; shift
    echo "== $name"
    "$@"
    echo "== $name: $((SECONDS - t0)) s"
}

stage setup bash packaging/setup.sh
export QT_QPA_PLATFORM=offscreen
# A throwaway PostgreSQL for the hub tests, stopped when this script ends (even on failure).
source packaging/with-postgres.sh
stage lint-imports .venv/bin/lint-imports
if [ "$slow" = 1 ]; then
    # The core tests run where Qt is really absent (instead of blocked), so they are not run twice.
    stage "core without Qt" bash packaging/core-venv.sh "$@"
else
    stage core env DTRACK_BLOCK_QT=1 .venv/bin/python -m pytest -q -p no:pytest-qt tests/core "$@"
fi
stage ui bash packaging/ui-tests.sh "$@"
if [ "$slow" = 1 ]; then
    stage bundle bash packaging/build.sh --no-archive
    stage deb bash packaging/linux/test-deb.sh
fi
