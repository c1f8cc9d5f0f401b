"""Throughput of HTML extraction: sitrep's library path against bare trafilatura.

Usage: python benchmarks/bench_extract.py [FOLDER] [--rounds N]

FOLDER holds .html / .html.gz pages (default: the Zyte dev pages in
../shared/data/extraction/zyte-dev/html). Both sides start from the files on
disk and run in this process, so start-up costs are left out:

- trafilatura: read (and gunzip) the bytes, ``bare_extraction`` with its
  metadata (title, author, date via htmldate, site name);
- sitrep: ``sitrep.pipeline.extract_inputs``, what ``sitrep extract`` runs:
  reading, gunzip, charset detection, ``extract_html`` (metadata, article
  splitting, main text, clean-up).

Prints pages/s of each (best of the rounds, which alternate between the two,
to damp the noise of a shared machine) and the ratio sitrep / trafilatura.
The target is a ratio >= 0.7.
"""

from __future__ import annotations

import argparse
import gzip
import logging
import time
from collections.abc import Callable
from pathlib import Path

from trafilatura import bare_extraction

from sitrep.models import Article
from sitrep.pipeline import extract_inputs

DEFAULT_FOLDER = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction" / "zyte-dev" / "html"
)


def page_paths(folder: Path) -> list[Path]:
    paths = sorted(p for p in folder.iterdir() if p.name.endswith((".html", ".htm", ".html.gz")))
    if not paths:
        raise SystemExit(f"no .html or .html.gz pages in {folder}")
    return paths


def read_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def run_trafilatura(paths: list[Path]) -> int:
    done = 0
    for path in paths:
        doc = bare_extraction(read_bytes(path), with_metadata=True)
        done += doc is not None
    return done


def run_sitrep(paths: list[Path]) -> int:
    items = extract_inputs([str(p) for p in paths])
    return sum(1 for item in items if isinstance(item, Article))


Runner = Callable[[list[Path]], int]


def best_rates(runners: list[Runner], paths: list[Path], rounds: int) -> list[tuple[float, int]]:
    """Best pages/s of each runner; rounds interleave them so load swings hit both alike."""
    best = [(0.0, 0)] * len(runners)
    for _ in range(rounds):
        for i, run in enumerate(runners):
            start = time.perf_counter()
            found = run(paths)
            rate = len(paths) / (time.perf_counter() - start)
            best[i] = max(best[i], (rate, found))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # trafilatura logs every page it discards
    paths = page_paths(args.folder)
    run_sitrep(paths[:3])  # warm-up: imports and lazy caches
    run_trafilatura(paths[:3])
    (traf_rate, traf_found), (sitrep_rate, sitrep_found) = best_rates(
        [run_trafilatura, run_sitrep], paths, args.rounds
    )
    print(f"pages: {len(paths)}  rounds: {args.rounds}  folder: {args.folder}")
    rows = [
        ("trafilatura bare_extraction+metadata", traf_rate, f"{traf_found} documents"),
        ("sitrep extract (library path)", sitrep_rate, f"{sitrep_found} articles"),
    ]
    for name, rate, found in rows:
        print(f"{name + ':':38s}{rate:6.1f} pages/s ({found})")
    print(f"ratio sitrep/trafilatura: {sitrep_rate / traf_rate:.2f} (target >= 0.70)")


if __name__ == "__main__":
    main()
