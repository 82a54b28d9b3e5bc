#!/bin/sh
# Install what the tests need (Python packages, Debian's chromium for the browser tests), check
# lint, types and the direction of imports, run the whole test suite.
set -eu
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
        echo "the browser tests need Debian's chromium: sudo apt-get install chromium" >&2
        exit 1
    fi
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"
.venv/bin/ruff check kg tests server.py
.venv/bin/mypy kg server.py tests
.venv/bin/lint-imports --no-cache --no-logo
exec .venv/bin/python -m pytest "$@"
