"""Story quality replayed on stored annotations (a script, not a test).

Reads the articles and annotation layers of stores made by ``sitrep ingest``
(no language model), assigns them again with this tree's story code in the
order they were added, and prints B-cubed against a gold mapping (article id
-> event id), on the whole set and on two halves of its events (alternate
events by first appearance), each replayed alone: fit on one half, check the
other.

    sitrep ingest --db /tmp/gva.db ../shared/data/stories/gva-dev/articles.jsonl
    python benchmarks/bench_story_replay.py /tmp/gva.db ../shared/data/stories/gva-dev/gold.json

``--shuffle 1,2,3`` also replays the whole set in random arrival orders (one line per
seed): a dev set's file order (by id, topics together) is not how a stream comes.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random

from bench_story_order import Item, load, stories_of

from sitrep.stories import DEFAULT_TUNING, Tuning
from sitrep.stories.agreement import bcubed
from sitrep.stories.features import WEIGHTS


def halves(items: list[Item], gold: dict[str, str]) -> tuple[list[Item], list[Item]]:
    """Items split by alternate gold event (in order of first appearance)."""
    rank: dict[str, int] = {}
    for a, _ in items:
        event = gold.get(a.id, a.id)
        rank.setdefault(event, len(rank))
    first = [it for it in items if rank[gold.get(it[0].id, it[0].id)] % 2 == 0]
    second = [it for it in items if rank[gold.get(it[0].id, it[0].id)] % 2 == 1]
    return first, second


def line(name: str, items: list[Item], gold: dict[str, str], tuning: Tuning) -> str:
    found, secs = stories_of(items, tuning=tuning)
    ids = {a.id for a, _ in items}
    sub = {i: g for i, g in gold.items() if i in ids}
    p, r, f = bcubed(found, sub)
    return (f"{name}: bcubed_f1={f:.3f} precision={p:.3f} recall={r:.3f} articles={len(sub)} "
            f"gold_stories={len(set(sub.values()))} predicted_stories={len(set(found.values()))}"
            f" ms_per_article={1000 * secs / max(len(items), 1):.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store")
    parser.add_argument("gold")
    parser.add_argument("--halves", action="store_true")
    parser.add_argument("--shuffle", default="", metavar="SEEDS",
                        help="comma-separated seeds: replay in these random arrival orders too")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="a Tuning field or a namespace weight (w:, e:, ...) to try")
    args = parser.parse_args()
    tuning = DEFAULT_TUNING
    for setting in args.set:
        name, value = setting.split("=", 1)
        if name.endswith(":"):
            WEIGHTS[name[:-1]] = float(value)
        else:
            kind = type(getattr(tuning, name))
            tuning = dataclasses.replace(tuning, **{name: kind(value)})
    with open(args.gold, encoding="utf-8") as fh:
        gold = json.load(fh)
    items = load(args.store)
    print(line("all", items, gold, tuning), flush=True)
    if args.halves:
        first, second = halves(items, gold)
        print(line("half-a", first, gold, tuning), flush=True)
        print(line("half-b", second, gold, tuning), flush=True)
    for seed in [int(x) for x in args.shuffle.split(",") if x]:
        order = items[:]
        random.Random(seed).shuffle(order)
        print(line(f"shuffled-{seed}", order, gold, tuning), flush=True)


if __name__ == "__main__":
    main()
