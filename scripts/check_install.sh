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
echo "check_install: fresh install with $PY works" >&2
