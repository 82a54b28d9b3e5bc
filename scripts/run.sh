#!/bin/sh
# Install, build the graph, serve it on http://127.0.0.1:5000/ (Ctrl-C stops it).
set -eu
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
.venv/bin/kg build --if-stale
exec .venv/bin/kg serve  # address and port from KG_HOST and KG_PORT (README, Configuration)
