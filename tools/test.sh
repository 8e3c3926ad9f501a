#!/usr/bin/env bash
# Set up everything the tests need (venv, packages, the local Neo4j) and run them all.
# The tests start the local Neo4j 5.26 themselves (or use NEO4J_URI when set); the browser
# test drives Debian's Chromium, which --browser installs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh --neo4j --browser
# Two workers, a test file to each (10.8 to 14.5 minutes here, on 2 CPUs, against 13.5 to 15 in one). Each worker
# starts its own local Neo4j; with NEO4J_URI the tests share that one database, so they run one at
# a time. PARTYGRAPH_TEST_WORKERS=0 runs them in one process.
workers=${PARTYGRAPH_TEST_WORKERS:-2}
[ -z "${NEO4J_URI:-}" ] || workers=0
exec .venv/bin/python -m pytest -q -p no:cacheprovider -n "$workers" --dist loadfile "$@"
