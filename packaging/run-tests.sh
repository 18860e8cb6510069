#!/usr/bin/env bash
# Set up if needed, then run the whole test suite offscreen (no display needed):
# the import contract, the core tests with Qt made unimportable, then the UI tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/setup.sh
export QT_QPA_PLATFORM=offscreen
# A throwaway PostgreSQL for the hub tests (DTRACK_TEST_PG_DSN), stopped by an EXIT trap even when a
# step fails: so no 'exec' below, and another EXIT trap here must call _dtrack_pg_stop too.
source packaging/with-postgres.sh
.venv/bin/lint-imports
DTRACK_BLOCK_QT=1 .venv/bin/python -m pytest -q -p no:pytest-qt tests/core "$@"
.venv/bin/python -m pytest -q tests/ui "$@"
