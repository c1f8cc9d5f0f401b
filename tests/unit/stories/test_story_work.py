"""Story work counted, not timed: what an assignment and a recheck do does not grow
with stored stories they never meet, and a vector read again is not worked out again."""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from sitrep.models import Article
from sitrep.store import Store, open_store
from sitrep.store.migrations import utc_now
from sitrep.store.stories import StoryState
from sitrep.stories import Assigner, Tuning, recheck, vectors
from sitrep.stories.features import PROPER
from sitrep.stories.recheck import _fewest_members
from sitrep.stories.state import StoryContext
from tests.support.store import make_article
from tests.support.stories import ingest, nk, story
from tests.unit.stories.test_split import QUAKE_WORDS, report

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
    quakes = [report("varnholm", rng) for _ in range(4)]
    probe = report("varnholm", rng)
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
    ingest(store, [report("varnholm", rng) for _ in range(5)]
           + [report("brennick", rng) for _ in range(5)] + nk(), QUIET)
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


def _same_subject(n: int) -> list[Article]:
    """``n`` older stories of two reports each, every one about a quake of its own
    (its own invented town and figures, the quake words the probes use too):
    stories the recheck's candidate searches do meet."""
    rng = random.Random(3)
    common = QUAKE_WORDS.split(" ")
    out = []
    for i in range(n):
        facts = [f"qz{i}town", f"qz{i}valley", f"{i + 2}0 dead", f"qz{i}governor"]
        for _ in range(2):
            text = " ".join(rng.sample(common, 5) + facts) + ". " + " ".join(facts) + "."
            out.append(make_article(text, title=None, published="2019-06-01"))
    return out


# Candidate searches capped low, so a store of some older stories fills them already.
CAPPED = Tuning(recheck_every=0, candidates=4, per_term=4, sure=0.0, lone_after=0)


def _recheck_work(store: Store, older: int, tuning: Tuning = CAPPED,
                  quakes: tuple[str, ...] = ("varnholm", "brennick")) -> Counter[str]:
    rng = random.Random(11)
    ingest(store, _same_subject(older), tuning)
    ingest(store, [report(q, rng) for q in quakes for _ in range(4)], tuning)
    with _counting() as counts, store.stories.write("test recheck"):
        Assigner(store, tuning).recheck(4 * len(quakes))  # the quake reports only
    return counts


def _small_and_large(store: Store, tmp_path: Path,
                     work: Callable[[Store, int], Counter[str]]) -> tuple[Counter[str], Counter[str]]:
    """``work`` counted over 24 older stories (in ``store``) and over 72 (a new store)."""
    small = work(store, 24)
    with open_store(str(tmp_path / "big.db")) as big:
        return small, work(big, 72)


def test_recheck_work_does_not_grow_with_stored_stories_it_meets(store: Store,
                                                                  tmp_path: Path) -> None:
    small, large = _small_and_large(store, tmp_path, _recheck_work)
    assert small["open_similarity"] > 0 and small["similarity"] > 0
    # Past the caps, three times the stories the window's searches meet cost nothing more
    # (fewer, even: more of the stories met first are ruled out uncounted, assign.py).
    assert large["open_similarity"] <= small["open_similarity"]
    assert large["similarity"] <= small["similarity"]
    assert large["weighed"] <= small["weighed"]


def test_a_recheck_compares_its_first_ranked_candidates_only(store: Store,
                                                             tmp_path: Path) -> None:
    def work(db: Store, compared: int) -> Counter[str]:
        tuning = Tuning(recheck_every=0, candidates=8, per_term=8, sure=0.0, lone_after=0,
                        recheck_compared=compared)
        return _recheck_work(db, 24, tuning, ("varnholm",))

    wide = work(store, 8)
    with open_store(str(tmp_path / "narrow.db")) as other:
        narrow = work(other, 2)
    # Each move search compares 2 stories in full, not 8 (a story's merge search too).
    assert 0 < narrow["open_similarity"] < wide["open_similarity"]


def _assignment_work(store: Store, older: int) -> Counter[str]:
    rng = random.Random(13)
    ingest(store, _same_subject(older), CAPPED)
    ingest(store, [report("varnholm", rng) for _ in range(3)], CAPPED)
    with _counting() as counts:
        ingest(store, [report("varnholm", rng) for _ in range(2)], CAPPED)
    return counts


def test_assignment_work_does_not_grow_with_stored_stories_it_meets(store: Store,
                                                                     tmp_path: Path) -> None:
    small, large = _small_and_large(store, tmp_path, _assignment_work)
    assert small["open_similarity"] > 0 and small["weighed"] > 0
    # Every term of a quake report finds more stories in the big store, but the
    # searches read at most ``per_term`` per term and compare ``candidates`` in full
    # (or fewer: those first met that cannot reach the join are ruled out, assign.py).
    assert large["open_similarity"] <= small["open_similarity"]
    assert large["weighed"] <= small["weighed"]
    assert large["similarity"] <= small["similarity"]


def test_a_merge_pass_scores_a_pair_once_and_stops_when_it_cannot_merge(store: Store) -> None:
    rng = random.Random(7)
    ingest(store, [report("varnholm", rng) for _ in range(4)]
           + [report("brennick", rng) for _ in range(4)], QUIET)
    # Every story a candidate of every other (join 0); no moves, the merge pass only.
    merging = Tuning(recheck_every=0, join=0.0, recheck_rounds=0)
    assigner = Assigner(store, merging)
    sids = sorted({story(store, a) for a in store.iter_articles()})
    assert len(sids) == 2
    with store.stories.write("test merge pass"):
        ctx = StoryContext(store, assigner.idf, merging, utc_now())
        groups = recheck._groups(ctx, sids)
        a, b = (groups[s] for s in sids)
        full = recheck._mean_cross(ctx, a, b)
        plain = recheck._dot(recheck._unit_sum(ctx, a), recheck._unit_sum(ctx, b))
        assert plain >= full * len(a) * len(b) > 0  # the plain sum bounds the discounted one
        assert recheck._mean_cross_above(ctx, a, b, plain, full) == full
        assert recheck._mean_cross_above(ctx, a, b, plain, full + 0.01) is None
        scored: list[tuple[str, str]] = []
        pair_score = recheck._pair_score

        def counted(*args: Any) -> Any:
            scored.append((args[-2], args[-1]))
            return pair_score(*args)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(recheck, "_pair_score", counted)
            assigner.recheck(64)
    assert len(scored) == 1  # each story finds the other: one score for the pair


def test_candidate_reads_kept_in_a_transaction_follow_index_changes(store: Store) -> None:
    with store.stories.write("test index"):
        for sid in ("story-a", "story-b"):
            store.stories.save(StoryState(id=sid), utc_now())
        store.stories.set_terms("story-a", ["w:quake", "w:island"], 1)
        assert store.stories.candidates(["w:quake"], 1) == {"story-a": ["w:quake"]}
        store.stories.set_terms("story-b", ["w:quake"], 2)  # newer: takes the one place
        assert store.stories.candidates(["w:quake", "w:island"], 1) == {
            "story-b": ["w:quake"], "story-a": ["w:island"]}
        store.stories.set_terms("story-b", [], 2)
        assert store.stories.candidates(["w:quake"], 2) == {"story-a": ["w:quake"]}
    assert store.stories.candidates(["w:island"], 2) == {"story-a": ["w:island"]}


def _merge_searches(store: Store, older: int, searched: int) -> int:
    """Close-story searches of one periodic merge pass over ``older`` fresh stories of
    two reports each (no moves: every search is the merge pass's)."""
    tuning = Tuning(recheck_every=0, recheck_rounds=0, recheck_merge_stories=searched)
    ingest(store, _same_subject(older), tuning)
    searches = 0
    score_terms = Assigner.score_terms

    def counted(*args: Any) -> Any:
        nonlocal searches
        searches += 1
        return score_terms(*args)

    with pytest.MonkeyPatch.context() as patch, store.stories.write("test merge pass"):
        patch.setattr(Assigner, "score_terms", counted)
        Assigner(store, tuning).recheck(2 * older, fresh=2 * older)
    return searches


def test_a_periodic_merge_pass_searches_a_bounded_number_of_stories(store: Store,
                                                                    tmp_path: Path) -> None:
    small, large = _small_and_large(store, tmp_path, lambda db, n: Counter(
        bounded=_merge_searches(db, n, 4)))
    # Three times the fresh stories of several members: the same few searches.
    assert small["bounded"] == large["bounded"] == 4
    with open_store(str(tmp_path / "all-small.db")) as a, \
            open_store(str(tmp_path / "all-large.db")) as b:
        # Unbounded (0), a search per fresh story: the work the bound keeps flat.
        assert _merge_searches(a, 24, 0) == 24
        assert _merge_searches(b, 72, 0) == 72


def test_a_centroid_keeps_a_bounded_number_of_names(store: Store) -> None:
    """Names (features.PROPER) weigh nothing but are read with every centroid: a story
    gathering one more with each report keeps a bounded few, those of its most held
    title words."""
    idf = vectors.Idf(store, Tuning().idf_power)
    vec = {f"w:zqword{i}": 0.01 for i in range(100)} | {
        f"{PROPER}zqword{i}": 0.0 for i in range(100)}
    vec["w:zqword7"] = 0.5  # the title word most of the story's reports hold
    idf.prepare(vec)
    kept = vectors.truncate(vec, idf, 200, names=8)
    names = [t for t in kept if t.startswith(PROPER)]
    assert len(names) == 8 and f"{PROPER}zqword7" in names
    assert {t for t in kept if t.startswith("w:")} == {t for t in vec if t.startswith("w:")}
    unbounded = vectors.truncate(vec, idf, 200, names=100)
    assert sum(t.startswith(PROPER) for t in unbounded) == 100


def test_a_bounded_merge_pass_searches_from_the_stories_of_fewest_members() -> None:
    """The fragments a merge heals are young; ties go by id, the result in id order."""
    sizes = {"s-a": 40, "s-b": 2, "s-c": 9, "s-d": 2, "s-e": 3}
    states = {sid: StoryState(id=sid, members=n) for sid, n in sizes.items()}
    ids = sorted(sizes)
    assert _fewest_members(ids, states, 3) == ["s-b", "s-d", "s-e"]
    assert _fewest_members(ids, states, 1) == ["s-b"]
    # 0, or a bound no lower than the stories: every story is searched
    assert _fewest_members(ids, states, 0) == ids
    assert _fewest_members(ids, states, 5) == ids
