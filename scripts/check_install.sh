#!/usr/bin/env bash
# A fresh venv with the pip that Python ships (no upgrade) must install a working sitrep:
# every dependency is declared so that old resolvers find it too. Uses the pip cache;
# bounded by $SITREP_INSTALL_TIMEOUT seconds (default 900) in all.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${SITREP_INSTALL_PYTHON:-python3.11}"
if ! command -v "$PY" >/dev/null; then
  echo "check_install: $PY not found; skipped" >&2
  exit 0
fi
work="$(mktemp -d /tmp/sitrep-install-XXXXXX)"
trap 'rm -rf "$work"' EXIT
end=$(( $(date +%s) + ${SITREP_INSTALL_TIMEOUT:-900} ))
left() { echo $(( end - $(date +%s) > 1 ? end - $(date +%s) : 1 )); }
timeout "$(left)" "$PY" -m venv "$work/v"
echo "check_install: $("$work/v/bin/pip" --version)" >&2
# Build from a copy: an in-tree build would leave build/ behind in the checkout.
mkdir "$work/pkg" && cp -r pyproject.toml README.md src "$work/pkg/"
timeout "$(left)" "$work/v/bin/pip" install --quiet --disable-pip-version-check \
  --no-warn-script-location --no-compile --prefer-binary "$work/pkg"
cat > "$work/page.html" <<'HTML'
<html><head><title>Port reopens</title></head><body><article><h1>Port reopens</h1>
<p>The ministry said on Tuesday that 300 workers had returned to the port after the strike
ended, and that ships would be unloaded again from Wednesday morning.</p>
<p>Union leaders said the agreement raised wages by four percent over two years.</p>
</article></body></html>
HTML
out="$(cd "$work" && timeout "$(left)" "$work/v/bin/sitrep" extract page.html)"
grep -q '300 workers' <<<"$out" || { echo "check_install: sitrep extract failed" >&2; exit 1; }
# The installed package carries its word lists (annotation), and the web app its templates
# and static files: ingest, brief and one page and stylesheet served from the wheel.
(cd "$work" && timeout "$(left)" "$work/v/bin/sitrep" ingest -q --db s.db page.html) \
  || { echo "check_install: sitrep ingest failed" >&2; exit 1; }
story="$(cd "$work" && "$work/v/bin/sitrep" stories --db s.db --format jsonl | head -n1 \
  | "$work/v/bin/python" -c 'import json, sys; print(json.load(sys.stdin)["id"])')"
(cd "$work" && timeout "$(left)" "$work/v/bin/sitrep" brief "$story" --db s.db --format md) \
  | grep -q '300' || { echo "check_install: sitrep brief failed" >&2; exit 1; }
port="$("$work/v/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
(cd "$work" && exec "$work/v/bin/sitrep" serve --db s.db --port "$port" >"$work/serve.log" 2>&1) &
server=$!
served=""
for _ in $(seq 1 60); do
  if "$work/v/bin/python" - "$port" <<'PY' 2>/dev/null
import sys, urllib.request
base = f"http://127.0.0.1:{sys.argv[1]}"
page = urllib.request.urlopen(base + "/", timeout=5).read().decode()
css = urllib.request.urlopen(base + "/static/sitrep.css", timeout=5).read()
sys.exit(0 if "Port reopens" in page and css else 1)
PY
  then served=1; break; fi
  sleep 1
done
kill "$server" 2>/dev/null || true
[ -n "$served" ] || { echo "check_install: sitrep serve failed" >&2; tail -5 "$work/serve.log" >&2; exit 1; }
echo "check_install: fresh install with $PY works" >&2
