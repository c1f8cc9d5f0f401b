"""Throughput of sitrep's annotate step against bare spaCy ``nlp.pipe``.

Same texts, same process, same loaded model; several alternating rounds, best
of each. Prints articles per second for both and the ratio (target >= 0.8).

    python benchmarks/bench_annotate.py [FILE.jsonl] [--rounds 3] [--limit 200]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy

from sitrep.annotate import annotate
from sitrep.annotate.layers import ALL_LAYERS
from sitrep.annotate.nlp import load_nlp
from sitrep.models import Article

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO / "examples" / "voa" / "voa_stories.jsonl"


def load_articles(path: Path, limit: int) -> list[Article]:
    articles = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            articles.append(
                Article(
                    id=str(rec["id"]),
                    source=str(path),
                    text=rec["text"],
                    published=(rec.get("published") or "")[:10] or None,
                )
            )
    return articles[:limit]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--limit", type=int, default=200)
    args = ap.parse_args()
    articles = load_articles(args.path, args.limit)
    texts = [a.text for a in articles]
    nlp = load_nlp()
    # the same model as spaCy loads it, without sitrep's faster ruler and lemmatizer
    stock = spacy.load(f"{nlp.meta['lang']}_{nlp.meta['name']}")
    list(nlp.pipe(texts[:5]))  # warm up
    list(stock.pipe(texts[:5]))
    without_events = ALL_LAYERS - {"events"}
    runs: dict[str, list[float]] = {"stock": [], "bare": [], "all": [], "no-events": []}
    for _ in range(args.rounds):
        # alternate them so that load on a shared machine hits them alike
        for name, pipeline in (("stock", stock), ("bare", nlp)):
            t0 = time.perf_counter()
            for _doc in pipeline.pipe(texts, batch_size=32):
                pass
            runs[name].append(time.perf_counter() - t0)
        for name, layers in (("all", ALL_LAYERS), ("no-events", without_events)):
            t0 = time.perf_counter()
            for _pair in annotate(articles, nlp=nlp, batch_size=32, layers=layers):
                pass
            runs[name].append(time.perf_counter() - t0)
    n = len(texts)
    words = sum(len(t.split()) for t in texts)
    rate = {name: n / min(times) for name, times in runs.items()}
    print(f"articles={n} words={words} rounds={args.rounds} (best round of each)")
    print(f"stock spaCy nlp.pipe           : {rate['stock']:7.1f} articles/s")
    print(f"bare spaCy nlp.pipe (sitrep's) : {rate['bare']:7.1f} articles/s")
    print(f"sitrep annotate, all layers    : {rate['all']:7.1f} articles/s")
    print(f"sitrep annotate, without events: {rate['no-events']:7.1f} articles/s")
    print(f"ratio all layers / bare        : {rate['all'] / rate['bare']:.2f}  (target >= 0.7)")
    no_events = rate["no-events"] / rate["bare"]
    print(f"ratio without events / bare    : {no_events:.2f}  (target >= 0.8)")
    print(f"ratio all layers / stock spaCy : {rate['all'] / rate['stock']:.2f}")


if __name__ == "__main__":
    main()
