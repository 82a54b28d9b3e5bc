#!/bin/sh
# Install what the tests need, check lint and types, run the whole test suite.
set -eu
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"
.venv/bin/ruff check kg tests server.py
.venv/bin/mypy kg server.py
exec .venv/bin/python -m pytest "$@"
