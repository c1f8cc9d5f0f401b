"""Story work counted, not timed: what an assignment and a recheck do does not grow
with stored stories they never meet, and a vector read again is not worked out again."""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from sitrep.models import Article
from sitrep.store import Store, open_store
from sitrep.stories import Assigner, Tuning, vectors
from tests.support.store import make_article
from tests.support.stories import ingest, nk, story
from tests.unit.stories.test_split import report

QUIET = Tuning(recheck_every=0)
# A recheck after every article, over the newest few: the related story's only; no
# step that depends on how many documents the store holds (lone terms, the support
# check below ``sure``), whose counts move the similarities a little.
RECHECKED = Tuning(recheck_every=1, recheck_window=4, sure=0.0, lone_after=0)


def _unrelated(rng: random.Random, n: int) -> list[Article]:
    """Reports sharing no content word with the quake reports (nor with each other's
    stories but their own): stories a quake report never meets."""
    out = []
    for i in range(n):
        vocab = [f"zq{i // 2}x{j}" for j in range(12)]  # two reports per story
        text = " ".join(rng.sample(vocab, 8)) + ". " + " ".join(rng.sample(vocab, 5)) + "."
        out.append(make_article(text, title=None, published="2020-01-01"))
    return out


@contextmanager
def _counting() -> Iterator[Counter[str]]:
    """Counts of the comparisons made and of the vectors weighed (by content)."""
    counts: Counter[str] = Counter()
    weighed: Counter[str] = Counter()
    of = vectors._Side.of.__func__  # type: ignore[attr-defined]
    sim, open_sim = vectors.similarity, vectors.open_similarity

    def counted_of(cls: Any, vec: Mapping[str, float], counted: int, *rest: Any) -> Any:
        weighed[json.dumps([sorted(vec.items()), counted])] += 1
        counts["weighed"] += 1
        return of(cls, vec, counted, *rest)

    def counted_sim(*args: Any) -> float:
        counts["similarity"] += 1
        return sim(*args)

    def counted_open(*args: Any) -> float:
        counts["open_similarity"] += 1
        return open_sim(*args)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(vectors._Side, "of", classmethod(counted_of))
        for module in ("assign", "recheck", "split"):
            target = f"sitrep.stories.{module}"
            patch.setattr(f"{target}.similarity", counted_sim, raising=False)
            patch.setattr(f"{target}.open_similarity", counted_open, raising=False)
        yield counts
    counts["weighed_again"] = sum(n - 1 for n in weighed.values())


def _work(store: Store, probe: Article) -> Counter[str]:
    with _counting() as counts:
        ingest(store, [probe], RECHECKED)
    return counts


def test_assignment_work_does_not_grow_with_unrelated_stories(store: Store,
                                                             tmp_path: Path) -> None:
    rng = random.Random(5)
    quakes = [report("qeshm", rng) for _ in range(4)]
    probe = report("qeshm", rng)
    ingest(store, quakes, QUIET)
    small = _work(store, probe)
    with open_store(str(tmp_path / "big.db")) as big:
        ingest(big, _unrelated(random.Random(9), 60), QUIET)
        ingest(big, quakes, QUIET)
        large = _work(big, probe)
        assert story(big, probe) == story(big, quakes[0])
    assert small["open_similarity"] > 0
    assert large == small


def test_a_recheck_weighs_each_vector_once(store: Store) -> None:
    rng = random.Random(7)
    ingest(store, [report("qeshm", rng) for _ in range(5)]
           + [report("sumatra", rng) for _ in range(5)] + nk(), QUIET)
    assigner = Assigner(store, Tuning(recheck_window=64))
    with _counting() as counts, store.stories.write("test recheck"):
        assigner.recheck()
    assert counts["weighed"] > 0
    assert counts["weighed_again"] == 0  # by content: not once per member reconsidered


def test_a_stored_vector_read_again_unchanged_is_the_same_dict(store: Store) -> None:
    a, b = nk()
    ingest(store, [a], QUIET)
    sid = story(store, a)
    first = store.stories.states([sid])[sid].centroid
    assert store.stories.states([sid])[sid].centroid is first
    assert store.stories.features([a.id])[a.id] is store.stories.features([a.id])[a.id]
    ingest(store, [b], QUIET)
    if story(store, b) == sid:  # the story changed: its new centroid is read
        assert store.stories.states([sid])[sid].centroid != first
