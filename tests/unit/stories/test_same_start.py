"""Two stories whose first reports came on one day merge by the split's own ratio."""

from __future__ import annotations

from sitrep.models import Article
from sitrep.store import Store
from sitrep.stories import Tuning, recheck_recent
from tests.support.store import make_article
from tests.support.stories import NK_FOLLOWUP, ingest, nk

# Every article starts a story of its own.
ALONE = Tuning(join=0.99, sure=0.99, bridge=1.0, recheck_every=0)


def _strand(day: str) -> Article:
    return make_article(NK_FOLLOWUP, title="Seoul expects more troops for Russia", published=day)


def _two_stories(store: Store, day: str) -> None:
    ingest(store, nk(), Tuning(recheck_every=0))  # one story, its reports of 2025-11-07
    ingest(store, [_strand(day)], ALONE)
    assert len(store.stories.live_ids()) == 2


def _merging(split: float) -> Tuning:
    # No moves, and never a merge by the plain test (recheck_merge): only the same-day one.
    return Tuning(recheck_margin=10.0, recheck_every=0, recheck_merge=100.0,
                  recheck_merge_min=0.01, settle_split=split)


def test_stories_begun_on_one_day_merge_by_the_split_ratio(store: Store) -> None:
    _two_stories(store, "2025-11-07")
    assert not recheck_recent(store, _merging(100.0)).merged  # less alike than that
    done = recheck_recent(store, _merging(0.0))
    assert len(done.merged) == 1 and len(store.stories.live_ids()) == 1


def test_stories_begun_on_other_days_do_not(store: Store) -> None:
    _two_stories(store, "2025-11-08")
    assert not recheck_recent(store, _merging(0.0)).merged
    assert len(store.stories.live_ids()) == 2
