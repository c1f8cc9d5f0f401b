"""Memory of one long article through the whole ingest (extract, annotate, store).

Each size runs ``sitrep ingest`` in a fresh process on one JSON Lines record of that
many characters of real news text (the VOA example stories, joined); the peak
resident memory of that process, minus the same run on a 2,000-character article,
is what the article costs. Prints the peak per 100,000 characters for each size and
the largest article of those tried that was ingested within the budget (2 GB).

    python benchmarks/bench_memory.py [--sizes 100000,200000,400000,1000000] [--budget-mb 2048]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "examples" / "voa" / "voa_stories.jsonl"


def news_text(chars: int) -> str:
    """``chars`` characters of news paragraphs (the corpus, repeated as needed)."""
    parts = [json.loads(line)["text"] for line in CORPUS.open(encoding="utf-8")]
    out: list[str] = []
    size = 0
    while size < chars:
        for part in parts:
            out.append(part)
            size += len(part) + 2
            if size >= chars:
                break
    return "\n\n".join(out)[:chars]


def ingest_peak(chars: int, tmp: Path) -> tuple[float, float, int]:
    """Peak RSS (MB) and seconds of one ingest of a ``chars``-character article; exit code."""
    src = tmp / f"article-{chars}.jsonl"
    src.write_text(json.dumps({"id": f"a{chars}", "text": news_text(chars)}) + "\n")
    db = tmp / f"s-{chars}.db"
    cmd = [sys.executable, "-m", "sitrep", "ingest", "-q", "--db", str(db),
           "--max-chars", str(max(chars, 1000)), str(src)]
    # A fresh wrapper process per run: its RUSAGE_CHILDREN peak is this ingest's alone.
    wrapper = ("import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode;"
               " print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr);"
               " sys.exit(code)")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True,
                          env={**os.environ})
    seconds = time.perf_counter() - started
    peak = int(done.stderr.strip().splitlines()[-1])
    if done.returncode not in (0, 1):
        print(done.stderr.strip()[-500:], file=sys.stderr)
    return peak / 1024, seconds, done.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100000,200000,400000,1000000")
    ap.add_argument("--budget-mb", type=float, default=2048)
    args = ap.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    with tempfile.TemporaryDirectory(prefix="sitrep-mem-") as tmp:
        base, base_s, _ = ingest_peak(2000, Path(tmp))
        print(f"baseline (model loaded, 2,000-character article): {base:.0f} MB, {base_s:.1f} s")
        largest = 0
        for chars in sizes:
            peak, seconds, code = ingest_peak(chars, Path(tmp))
            extra = max(peak - base, 0.0)
            ok = code == 0 and peak <= args.budget_mb
            if ok:
                largest = chars
            print(f"{chars:>9,} chars: peak {peak:6.0f} MB, above baseline {extra:6.0f} MB = "
                  f"{extra / (chars / 100_000):5.0f} MB per 100k chars, {seconds:6.1f} s"
                  f"{'' if ok else '  (over budget or failed)'}")
    print(f"largest article ingested within {args.budget_mb:.0f} MB: {largest:,} characters"
          f" (of the sizes tried)")


if __name__ == "__main__":
    main()
