"""Stories first met cost no more than they must (issue 13f): a candidate that cannot
reach the join is ruled out before its terms are counted, and a weak match reads
its newest members only until one backs it. Neither changes a story."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest

from sitrep.models import Article
from sitrep.store import Store
from sitrep.stories import Assigner, Tuning
from sitrep.stories import assign as assign_module
from sitrep.stories.features import profile
from sitrep.stories.state import lone_weights
from sitrep.stories.vectors import Idf, open_similarity, surely_below
from tests.support.store import make_article
from tests.support.stories import ingest, story

LONE = lone_weights(Tuning())


def _pool() -> list[str]:
    return [f"{ns}:{i}" for ns in ("w", "n", "e", "t") for i in range(30)]


def _terms(rng: random.Random, pool: list[str]) -> dict[str, float]:
    return {t: rng.random() for t in rng.sample(pool, rng.randint(2, 40))}


def _idf(store: Store, n: int, df: dict[str, int]) -> Idf:
    idf = Idf(store, Tuning().idf_power)
    idf.prepare([])
    idf.n = n
    idf.df.update(df)
    return idf


def test_a_story_ruled_out_is_surely_below_the_mark(store: Store) -> None:
    rng = random.Random(5)
    pool = _pool()
    counts = {t: rng.choice([0, 1, 1, 2, 4, 9, 30, 120]) for t in pool}
    ruled_out = 0
    for _ in range(600):
        article, centroid = _terms(rng, pool), _terms(rng, pool)
        least = rng.choice([0.02, 0.08, 0.1, 0.3])
        lone = rng.choice([LONE, {}])
        # The article's counts are read; of the story's other terms, some only.
        known = {t: c for t, c in counts.items()
                 if t in article or (t in centroid and rng.random() < 0.5)}
        if surely_below(article, 0, centroid, 1, _idf(store, 200, known), lone, least):
            ruled_out += 1
            exact = open_similarity(article, 0, centroid, 1, _idf(store, 200, counts), lone)
            assert exact < least
    assert ruled_out > 100  # the bound rules out, not only stays safe


_TOPICS = {
    "ferry": "ferry harbour captain passengers lifeboats storm coastguard rescue crossing",
    "budget": "council budget taxes spending vote mayor deficit schools roads",
    "orchard": "orchard frost apples growers harvest prices blossom cold losses",
    "museum": "museum painting theft guards alarm gallery collector recovered canvas",
}


def _articles(rng: random.Random, n: int) -> Iterator[Article]:
    names = ["Harlow", "Quenby", "Maddox", "Ostrava", "Pellham", "Ruskin", "Talbot"]
    for i in range(n):
        topic = rng.choice(sorted(_TOPICS))
        words = _TOPICS[topic].split()
        sentences = [f"{rng.choice(names)} said the {' '.join(rng.sample(words, 4))} "
                     f"on day {rng.randint(1, 9)} were {rng.randint(10, 99)} in all."
                     for _ in range(4)]
        yield make_article(" ".join(sentences), title=f"{topic.title()} news {i}",
                           published=f"2031-05-{1 + i // 6:02d}")


def _grouping(store: Store, articles: list[Article], tuning: Tuning) -> list[str]:
    for start in range(0, len(articles), 8):
        ingest(store, articles[start:start + 8], tuning)
    return [story(store, a) for a in articles]


def test_ruling_out_first_met_stories_groups_the_same(store: Store, tmp_path: Any) -> None:
    from sitrep.store import open_store

    articles = list(_articles(random.Random(11), 60))
    tuning = Tuning(recheck_every=16)
    ruled = 0
    real = assign_module.surely_below

    def counted(*args: Any) -> bool:
        nonlocal ruled
        out = real(*args)
        ruled += out
        return out

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(assign_module, "surely_below", counted)
        pruned = _grouping(store, articles, tuning)
    with open_store(str(tmp_path / "full.db")) as other, pytest.MonkeyPatch.context() as patch:
        patch.setattr(assign_module, "surely_below", lambda *args: False)
        full = _grouping(other, articles, tuning)
    assert ruled > 0
    assert [pruned.index(s) for s in pruned] == [full.index(s) for s in full]


def test_a_weak_match_reads_the_newest_members_until_one_backs_it(store: Store) -> None:
    extra = ["A ladder was left by the wall.", "Visitors queued at the door.",
             "The curator spoke to reporters.", "Insurers sent an assessor.",
             "A van was seen at night.", "Police searched the park.",
             "Neighbours heard a car.", "The frame was found nearby.",
             "Cameras were switched off.", "A reward was offered."]
    members = [make_article(f"Talbot said the museum painting theft at Quenby gallery was "
                            f"found by guards at dawn. {extra[i]}", title="Quenby museum theft",
                            published="2031-05-02") for i in range(10)]
    ingest(store, members, Tuning(join=0.01, sure=0.0, recheck_every=0))
    sid = story(store, members[0])
    assert {story(store, a) for a in members} == {sid}
    assigner = Assigner(store, Tuning(recheck_every=0))
    read: list[int] = []
    features = store.stories.features

    def counted(ids: Any) -> Any:
        read.append(len(ids))
        return features(ids)

    with store.stories.write("test support"), pytest.MonkeyPatch.context() as patch:
        patch.setattr(store.stories, "features", counted)
        state = store.stories.states([sid])[sid]
        newest = store.stories.features([members[-1].id])[members[-1].id]
        read.clear()
        assert assigner._supported(dict(newest), (0.15, state))
        assert read == [assign_module._SUPPORT_READ]  # the newest few backed it
        read.clear()
        unlike = profile(make_article("Orchard growers counted frost losses at dawn.",
                                      title="Frost", published="2031-05-02"), None)
        assigner.idf.prepare(unlike.terms)
        assert not assigner._supported(unlike.terms, (0.15, state))
        assert sum(read) == 10  # every member was asked before saying no
