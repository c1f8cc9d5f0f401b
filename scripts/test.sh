#!/usr/bin/env bash
# Install sitrep with its test tools and run linters and the whole test suite.
# PostgreSQL tests use $SITREP_TEST_PG (default: postgresql://postgres@127.0.0.1:5432/test).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh dev
# Browser tests drive Debian's chromium (never a browser downloaded by playwright).
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update && apt-get install -y --no-install-recommends chromium || true
fi
# Accessibility checks inject axe-core from the npm registry (tests/browser/package.json).
if command -v npm >/dev/null; then
  npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error || echo "npm ci failed: axe-core checks will be skipped" >&2
fi
export SITREP_TEST_PG="${SITREP_TEST_PG:-postgresql://postgres@127.0.0.1:5432/test}"
if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1; then
  # A machine whose PostgreSQL is installed but stopped: start it rather than skip its tests.
  if command -v pg_ctlcluster >/dev/null; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
  fi
fi
.venv/bin/ruff check src tests benchmarks
.venv/bin/mypy
.venv/bin/python -m pytest -q "$@"
