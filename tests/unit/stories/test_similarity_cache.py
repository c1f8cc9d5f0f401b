"""open_similarity caches each side's norm: the same floats as weighing every pair
afresh, and never a norm weighed under counts that have changed since."""

from __future__ import annotations

import math
import random
from collections.abc import Mapping

from sitrep.store import Store
from sitrep.stories import Tuning
from sitrep.stories.happening import MARK
from sitrep.stories.state import lone_weights
from sitrep.stories.vectors import Idf, Vector, open_similarity, weighed

LONE = lone_weights(Tuning())


def reference(vec: Vector, vec_counted: int, other: Vector, other_counted: int, idf: Idf,
              lone: Mapping[str, float]) -> float:
    """The formula weighed from scratch for one pair (what the cache must reproduce)."""
    def norm2(a: Vector, b: Vector, counted: int) -> float:
        total = 0.0
        for t, v in a.items():
            sq = (v * idf(t)) ** 2
            if t not in b and idf.df.get(t, 0) <= counted:
                sq *= lone.get(t.split(":", 1)[0], 1.0)
            total += sq
        return total

    own, far = norm2(vec, other, vec_counted), norm2(other, vec, other_counted)
    small, large = (vec, other) if len(vec) <= len(other) else (other, vec)
    dot = 0.0
    for t, v in small.items():
        if t in large:
            dot += v * large[t] * idf(t) ** 2
    return dot / math.sqrt(own * far) if own > 0 and far > 0 else 0.0


def _terms(rng: random.Random) -> dict[str, float]:
    # Few enough terms that sides share rare ones (df 0 or 1) now and then.
    pool = [f"{ns}:{i}" for ns in ("w", "n", "e") for i in range(12)]
    return {t: rng.random() for t in rng.sample(pool, rng.randint(1, 14))}


def _idf(store: Store, rng: random.Random) -> Idf:
    idf = Idf(store, Tuning().idf_power)
    idf.prepare([])
    idf.n = 40
    idf.df.update({f"{ns}:{i}": rng.choice([0, 1, 1, 2, 5, 30])
                   for ns in ("w", "n", "e") for i in range(12)})
    return idf


def test_cached_sides_give_the_same_floats_as_weighing_each_pair(store: Store) -> None:
    rng = random.Random(3)
    idf = _idf(store, rng)
    articles = [_terms(rng) for _ in range(20)]
    stories = [_terms(rng) for _ in range(20)]
    shared_rare = 0
    for lone in (LONE, {}, {"n": 1.0}):
        for article in articles:
            for story in stories:
                got = open_similarity(article, 0, story, 1, idf, lone)
                assert got == reference(article, 0, story, 1, idf, lone)
                shared_rare += any(idf.df.get(t, 0) <= 1
                                   for t in story.keys() & article.keys())
    assert shared_rare > 0  # the path that sums a side again was taken too


def test_a_count_or_a_newly_read_count_drops_the_cached_norms(store: Store) -> None:
    idf = Idf(store, Tuning().idf_power)
    idf.prepare([])
    for i in range(25):  # past lone_after: lone weights apply
        idf.count(["w:budget", "w:council"] if i % 5 == 0 else ["w:budget", "w:mayor"])
    # "w:toaster" is the article's alone (lone, not in the story): the cached sum.
    article = {"w:council": 1.0, "w:toaster": 0.5, "w:budget": 0.2}
    story = {"w:council": 0.5, "w:budget": 0.5, "w:mayor": 0.3}
    idf.prepare([*article, *story])
    before = open_similarity(article, 0, story, 1, idf, LONE)
    assert before == reference(article, 0, story, 1, idf, LONE)
    idf.count(["w:council"])
    idf.count(["w:council"])
    after = open_similarity(article, 0, story, 1, idf, LONE)
    assert after == reference(article, 0, story, 1, idf, LONE)
    assert after != before

    # A term weighed before its count was read (as 0), then read: weighed again.
    article = {"w:council": 1.0, "w:mayor": 0.4, "w:toaster": 0.5}
    story = {"w:council": 0.5, "w:budget": 0.5}
    other = Idf(store, Tuning().idf_power)
    other.prepare(story)
    early = open_similarity(article, 0, story, 1, other, LONE)
    assert early == reference(article, 0, story, 1, other, LONE)
    other.prepare(article)  # "w:mayor" is held by 20 documents, not 0
    late = open_similarity(article, 0, story, 1, other, LONE)
    assert late == reference(article, 0, story, 1, other, LONE) != early

def test_a_new_vector_is_never_taken_for_a_cached_one(store: Store) -> None:
    rng = random.Random(5)
    idf = _idf(store, rng)
    story = _terms(rng)
    for _ in range(200):  # fresh dicts, often at the address of a freed one
        article = _terms(rng)
        assert open_similarity(article, 0, story, 1, idf, LONE) == reference(
            article, 0, story, 1, idf, LONE)


def test_markers_and_names_are_passed_once_per_vector_and_weigh_nothing(store: Store) -> None:
    rng = random.Random(7)
    idf = _idf(store, rng)
    story = _terms(rng)
    # A centroid's markers (happening.py, MARK) and names (weight 0) beside its words.
    marked = story | {"h:flood": MARK, "l:levee": MARK / 2, "c:harbour": 0.0}
    assert weighed(marked) is weighed(marked)  # read once per vector
    assert dict(weighed(marked)) == {t: v for t, v in story.items() if v > MARK}
    for _ in range(20):
        article = _terms(rng)
        got = open_similarity(article, 0, marked, 1, idf, LONE)
        assert got == reference(article, 0, story, 1, idf, LONE)
        idf.count(list(article))  # a count changes every weight, not the items weighed
        assert weighed(marked) is weighed(marked)


def test_the_reads_of_one_namespace_find_what_testing_every_key_finds() -> None:
    from sitrep.stories.features import (
        ANCHORS,
        PLACE,
        REGION,
        anchored,
        parts_of,
        regions_of,
        towns_of,
    )
    from sitrep.stories.happening import HEAD, LEAD, NAME_PART, shares_headline
    from sitrep.stories.pervector import namespaces

    vec = {"w:ferry": 0.7, "p:2643743": 0.5, "r:GBR/Kent": 0.3, "h:": MARK, "h:ferry": MARK,
           "u:harwick": MARK, "p:2640000": 0.5, "h:rocks": MARK, "e:tolmey": 2.0, "hx": 1.0,
           "h": 1.0, "w:rocks": 0.7}
    # the groups hold what startswith finds only while every namespace read is two long
    assert all(len(ns) == 2 for ns in (*ANCHORS, PLACE, REGION, NAME_PART, HEAD))
    assert namespaces(vec)["h:"] == ("h:", "h:ferry", "h:rocks")  # in the vector's order
    assert towns_of(vec) == {t for t in vec if t.startswith("p:")}
    assert regions_of(vec) == {"r:GBR/Kent"} and parts_of(vec) == {"u:harwick"}
    assert anchored(vec) and not anchored({"w:ferry": 0.7, "hx": 1.0})
    assert any(t.startswith(ANCHORS) for t in vec)
    other = {HEAD: MARK, f"{LEAD}rocks": MARK}
    assert shares_headline(vec, other) is False
    assert shares_headline(vec, {HEAD: MARK, "h:rocks": MARK}) is True
