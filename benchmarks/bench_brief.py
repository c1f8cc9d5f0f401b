"""Time build_brief on a 50-article story (annotation excluded: it runs once, first).

Usage: python benchmarks/bench_brief.py [N_ARTICLES] [RUNS]
Target: under one second per brief of 50 articles, with rendering.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from sitrep.annotate import annotate
from sitrep.brief import (
    brief_to_html,
    brief_to_json,
    brief_to_markdown,
    build_brief,
    check_citations,
)
from sitrep.models import Article

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "voa" / "voa_stories.jsonl"


def load(n: int) -> list[Article]:
    out = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines()[:n]:
        rec = json.loads(line)
        out.append(Article(id=str(rec["id"]), source=str(CORPUS), text=rec["text"],
                           url=rec.get("url"), title=rec.get("title"),
                           published=rec.get("published")))
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    articles = load(n)
    t0 = time.perf_counter()
    pairs = list(annotate(articles))
    annotated = time.perf_counter() - t0
    chars = sum(len(a.text) for a in articles)
    build, render = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        brief = build_brief(pairs, story_id="bench")
        t1 = time.perf_counter()
        brief_to_json(brief), brief_to_markdown(brief), brief_to_html(brief)
        render.append(time.perf_counter() - t1)
        build.append(t1 - t0)
    problems = check_citations(brief, articles)
    print(f"{len(articles)} articles, {chars} characters (annotation once: {annotated:.1f} s)")
    print(f"build_brief: median {statistics.median(build) * 1000:.0f} ms, "
          f"max {max(build) * 1000:.0f} ms over {runs} runs")
    print(f"render json+md+html: median {statistics.median(render) * 1000:.0f} ms")
    print(f"brief: {len(brief.summary)} summary, {len(brief.facts)} facts, "
          f"{len(brief.timeline)} timeline, {len(brief.numbers)} numbers, "
          f"{len(brief.discrepancies)} discrepancies; citation problems: {len(problems)}")
    target = "OK" if max(build) < 1.0 else "SLOW"
    print(f"target < 1 s per brief: {target}")


if __name__ == "__main__":
    main()
