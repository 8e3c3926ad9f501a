#!/usr/bin/env bash
# Set up everything the tests need (venv, packages, the local Neo4j) and run them all.
# The tests start the local Neo4j 5.26 themselves (or use NEO4J_URI when set); the browser
# test drives Debian's Chromium, which --browser installs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh --neo4j --browser
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
