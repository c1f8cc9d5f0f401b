"""Order robustness of story assignment (a script, not a test).

Replays the articles of stores made by ``sitrep ingest`` (their annotations
are reused: no language model) into fresh in-memory stores in several random
orders, batches of 32 as an ingest commits them, and prints the B-cubed
agreement of the stories of each pair of orders (1.0: the same stories).

    sitrep ingest --db /tmp/gva.db ../shared/data/stories/gva-dev/articles.jsonl
    python benchmarks/bench_story_order.py /tmp/gva.db [--orders 3] [--seed 13]
"""

from __future__ import annotations

import argparse
import itertools
import random
import time

from sitrep.models import Annotations, Article
from sitrep.store import open_store
from sitrep.stories import DEFAULT_TUNING, Assigner, Tuning
from sitrep.stories.agreement import bcubed

Item = tuple[Article, Annotations | None]


def load(path: str) -> list[Item]:
    with open_store(path) as src:
        return [(a, src.get_annotations(a.id))
                for a in src.iter_articles(order="added", include_copies=True)]


def stories_of(items: list[Item], batch: int = 32,
               tuning: Tuning = DEFAULT_TUNING) -> tuple[dict[str, str], float]:
    """Article id -> story id after assigning ``items`` in this order; seconds taken."""
    t0 = time.perf_counter()
    with open_store(":memory:") as store:
        assigner = Assigner(store, tuning)
        for start in range(0, len(items), batch):
            chunk = items[start:start + batch]
            articles = [a for a, _ in chunk]
            layers = [ann for _, ann in chunk]
            with store.stories.write("bench batch"):
                outcomes = store.add_articles(articles, layers)
                assigner.assign_batch(articles, layers, outcomes)
        assigner.settle()  # as an ingest run ends
        found = {m.article_id: sid for sid in store.stories.live_ids()
                 for m in store.stories.members(sid)}
    return found, time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stores", nargs="+", help="stores made by `sitrep ingest`")
    parser.add_argument("--orders", type=int, default=3)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    for path in args.stores:
        items = load(path)
        rng = random.Random(args.seed)
        runs = []
        for _ in range(args.orders):
            order = items[:]
            rng.shuffle(order)
            runs.append(stories_of(order))
        pairs = [bcubed(a, b)[2] for (a, _), (b, _) in itertools.combinations(runs, 2)]
        ms = 1000 * sum(s for _, s in runs) / (len(runs) * max(len(items), 1))
        print(f"store={path} articles={len(items)} orders={args.orders} "
              f"agreement_min={min(pairs):.3f} agreement_mean={sum(pairs) / len(pairs):.3f} "
              f"stories={'/'.join(str(len(set(r.values()))) for r, _ in runs)} "
              f"ms_per_article={ms:.1f}", flush=True)


if __name__ == "__main__":
    main()
