#!/usr/bin/env bash
# Install what the tests need and run them: the README's test command, and what CI runs.
#   bash tests/run.sh [pytest arguments]
# Creates .venv (if missing) with graphbuild installed in editable mode and its test extras.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"

.venv/bin/python -m pytest "$@"
