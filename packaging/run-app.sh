#!/usr/bin/env bash
# Set up if needed, then start Displacement Tracker on the default store
# (the start screen offers the demo database when none exists yet).
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/setup.sh
exec .venv/bin/displacement-tracker "$@"
