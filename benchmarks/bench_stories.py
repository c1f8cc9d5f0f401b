"""Story assignment cost per article as the store grows (a script, not a test).

Builds a store from the example corpora with cheap inserts (no language
model: articles are stored without annotations and assigned on text-only
profiles), and at each checkpoint (1,000 and 10,000 stored articles by
default) times a probe batch: storing it (``add_articles``) and assigning
it to stories, per article. The probe articles carry annotations computed
once by ``sitrep ingest`` (``--annotated STORE``; each checkpoint draws
articles not drawn before), so entity, number and date terms are exercised
too.

Articles are made distinct by mixing sentences of three source texts (in
random order), so near-duplicate detection does not turn them into copies.
They come as a stream (:class:`Stream`): the texts mixed are those of a
window that moves on as articles arrive, and days pass, so stories form and
end as news does and the story sizes a probe meets are alike at every store
size (the cost timed is the store's, not that of ever-growing stories).

The store is filled through the assigner with rechecks off (``--fill-batch``
articles per transaction: about 14 ms an article on an idle machine, so the
100,000 point takes some 25 minutes); the probe
runs with the default tuning, rechecks included, and the last line gives the
ratio of the per-article cost at the largest size to the smallest.

``--keep DIR`` (SQLite) keeps a copy of the store as filled to each size and
starts from it the next time instead of filling again: a probe can then be
timed many times, before and after a change, on the same stores. The probe
articles are drawn per size (not after the fill), so they are the same
whether the store was filled or copied.

    python benchmarks/bench_stories.py [--db PATH|URL] [--sizes 1000,10000,100000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import re
import sqlite3
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sitrep.models import Annotations, Article, article_id
from sitrep.store import Store, open_store
from sitrep.stories import DEFAULT_TUNING, Assigner
from sitrep.stories.features import profile

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
SOURCES = [SHARED / "corpus" / "voa_stories.jsonl",
           SHARED / "data" / "stories" / "ecbplus-dev" / "articles.jsonl",
           HERE.parent / "examples" / "voa" / "voa_stories.jsonl"]
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def source_texts() -> list[list[str]]:
    texts = []
    for path in SOURCES:
        if path.is_file():
            for line in path.open(encoding="utf-8"):
                text = json.loads(line).get("text") or ""
                sentences = [s for s in _SENTENCE.split(text) if len(s) > 20]
                if len(sentences) >= 4:
                    texts.append(sentences)
    if not texts:
        raise SystemExit("no source corpora found under ../shared or examples/")
    return texts


@dataclasses.dataclass(frozen=True)
class Stream:
    """A news stream: topics (source texts) come and go while days pass.

    In a real store a story stops growing when its news ends. Drawing every
    article from all source texts at once would let the bench's stories grow
    with the store (1.4 articles a story at 1,000 stored, 6.1 at 10,000), and
    the probe would time story size, not store size. So the article at
    ``position`` mixes texts of a window that moves on one text every
    ``shift`` articles, and a day passes every ``per_day`` articles; a text
    comes back after a whole round of the others (``len(texts) * shift``
    articles), weeks later, as a recurring topic does.
    """

    texts: list[list[str]]
    window: int = 24
    shift: int = 10
    per_day: int = 100

    def live(self, position: int) -> list[list[str]]:
        first = position // self.shift
        return [self.texts[(first + k) % len(self.texts)] for k in range(self.window)]

    def day(self, position: int) -> str:
        return (date(2024, 1, 1) + timedelta(days=position // self.per_day)).isoformat()


def variants(stream: Stream, rng: random.Random, start: int, n: int,
             tag: str) -> list[Article]:
    """``n`` articles of the stream from ``start`` on, each mixing three live texts."""
    out = []
    for i in range(n):
        picked: list[str] = []
        for sentences in rng.sample(stream.live(start + i), 3):
            picked += rng.sample(sentences, max(2, int(len(sentences) * 0.4)))
        rng.shuffle(picked)
        text = " ".join(picked)
        url = f"https://bench.example/{tag}/{i}"
        out.append(Article(id=article_id(url, text), source="bench", text=text, url=url,
                           title=picked[0][:80], outlet=f"outlet{i % 7}",
                           published=stream.day(start + i)))
    return out


class AnnotatedPool:
    """Annotated articles of a store made by ``sitrep ingest``, each used once.

    Every checkpoint draws articles not drawn before, so a later probe holds
    no copies of an earlier one (copies take the cheap path to their original).
    """

    def __init__(self, path: str | None, rng: random.Random) -> None:
        self.path = path
        self.ids: list[str] = []
        if path:
            with open_store(path) as src:
                self.ids = [a.id for a in src.iter_articles(include_copies=False)]
            rng.shuffle(self.ids)

    def draw(self, n: int, tag: str) -> list[tuple[Article, Annotations | None]]:
        if not self.path:
            return []
        picked, self.ids = self.ids[:n], self.ids[n:]
        out: list[tuple[Article, Annotations | None]] = []
        with open_store(self.path) as src:
            for i, aid in enumerate(picked):
                a = src.get_article(aid)
                a.url = f"https://bench.example/{tag}/annotated/{i}"
                a.id = article_id(a.url, a.text)
                out.append((a, src.get_annotations(aid)))
        return out


def store_batch(store: Store, assigner: Assigner,
                items: list[tuple[Article, Annotations | None]]) -> tuple[float, float]:
    """Seconds spent storing and assigning one batch (one transaction)."""
    articles = [a for a, _ in items]
    layers = [ann for _, ann in items]
    with store.stories.write("bench batch"):
        t0 = time.perf_counter()
        outcomes = store.add_articles(articles, layers)
        t1 = time.perf_counter()
        assigner.assign_batch(articles, layers, outcomes)
        t2 = time.perf_counter()
    return t1 - t0, t2 - t1


def fill(store: Store, stream: Stream, rng: random.Random, size: int,
         batch_size: int) -> None:
    """Fill the store to ``size`` articles through the assigner, rechecks off."""
    filler = Assigner(store, dataclasses.replace(DEFAULT_TUNING, recheck_every=0))
    t0 = time.perf_counter()
    while (have := store.count_articles()) < size:
        batch = variants(stream, rng, have, min(batch_size, size - have), f"fill{have}")
        store_batch(store, filler, [(a, None) for a in batch])
    print(f"filled to {size} in {time.perf_counter() - t0:.0f} s", flush=True)


def copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of an SQLite store (its write-ahead log included)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default=None, help="store (default: a temporary SQLite file)")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--fill-batch", type=int, default=1000)
    parser.add_argument("--probe", type=int, default=128, help="articles timed per checkpoint")
    parser.add_argument("--annotated", default=None,
                        help="a store made by `sitrep ingest` whose annotations the probe reuses")
    parser.add_argument("--keep", default=None,
                        help="folder of filled stores (SQLite): reused when there, kept when not")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rng = random.Random(7)
    texts = source_texts()
    random.Random("stream").shuffle(texts)  # corpora list a topic's reports side by side
    stream = Stream(texts)
    db = args.db or str(Path(tempfile.mkdtemp(prefix="sitrep-bench-")) / "bench.db")
    print(f"store: {db}; {len(texts)} source texts")
    pool = AnnotatedPool(args.annotated, rng)
    costs: list[float] = []
    cpu_costs: list[float] = []
    if args.keep and "://" in db:
        parser.error("--keep copies SQLite files: give --db a file path")
    for size in sizes:
        kept = Path(args.keep) / f"filled-{size}.db" if args.keep else None
        if kept is not None and kept.is_file():
            copy_sqlite(kept, Path(db))
            print(f"store of {size} copied from {kept}", flush=True)
        with open_store(db) as store:
            if kept is None or not kept.is_file():
                fill(store, stream, rng, size, args.fill_batch)
                if kept is not None:
                    copy_sqlite(Path(db), kept)
            assigner = Assigner(store)
            probe_rng = random.Random(f"probe {size}")  # the same, filled or copied
            probe_plain = [(a, None) for a in variants(stream, probe_rng, size, args.probe,
                                                       f"p{size}")]
            probe_ann = pool.draw(args.probe, f"a{size}")
            # Untimed: a store copied rather than filled has not profiled an article in
            # this process yet (lazy imports, compiled patterns: some 8 ms an article).
            for a, ann in (*probe_plain[:1], *probe_ann[:1]):
                profile(a, ann)
            for label, probe in (("text-only", probe_plain), ("annotated", probe_ann)):
                if not probe:
                    continue
                add_s = assign_s = 0.0
                cpu0 = time.process_time()
                for start in range(0, len(probe), 32):
                    a, b = store_batch(store, assigner, probe[start:start + 32])
                    add_s += a
                    assign_s += b
                cpu_s = time.process_time() - cpu0  # steadier than wall time on a busy machine
                n = len(probe)
                if label == "text-only":
                    costs.append((add_s + assign_s) / n)
                    cpu_costs.append(cpu_s / n)
                stories = len(store.stories.live_ids())
                print(f"stored={size:>6} probe={label:<9} articles={n} "
                      f"assign_ms_per_article={1000 * assign_s / n:.2f} "
                      f"store_ms_per_article={1000 * add_s / n:.2f} "
                      f"total_ms_per_article={1000 * (add_s + assign_s) / n:.2f} "
                      f"cpu_ms_per_article={1000 * cpu_s / n:.2f} "
                      f"stories={stories} articles_per_story="
                      f"{store.count_articles() / max(1, stories):.1f}", flush=True)

    if len(costs) > 1:
        print(f"text-only total per article, {sizes[-1]} / {sizes[0]} stored: "
              f"{costs[-1] / costs[0]:.2f} (cpu time: {cpu_costs[-1] / cpu_costs[0]:.2f})")


if __name__ == "__main__":
    main()
