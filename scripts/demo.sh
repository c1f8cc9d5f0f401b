#!/usr/bin/env bash
# Install sitrep and run the main job on the shipped examples.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
out="${1:-sitrep-out}"
rm -f "$out/sitrep.db" "$out/sitrep.db-wal" "$out/sitrep.db-shm"
mkdir -p "$out"
.venv/bin/sitrep run examples/voa examples/seeds --db "$out/sitrep.db" --out "$out"
