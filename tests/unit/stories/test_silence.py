"""Silence splits: a story that resumes after months unlike what it was splits there."""

from __future__ import annotations

import random
from dataclasses import replace

from sitrep.models import Article
from sitrep.store import Store
from sitrep.store.migrations import utc_now
from sitrep.stories import Tuning
from sitrep.stories.recheck import split_window
from sitrep.stories.split import Split, silence_split
from sitrep.stories.state import StoryContext
from sitrep.stories.vectors import Idf
from tests.support.stories import ingest, story
from tests.unit.stories.test_split import JOIN_ALL, report

# The group split is off (ratio 0): only a silence can split these stories.
NO_GROUP_SPLIT = replace(JOIN_ALL, settle_split=0.0, split_ratio=0.6)


def reports(event: str, rng: random.Random, days: list[str]) -> list[Article]:
    return [report(event, rng, f"{day}T09:00:00") for day in days]


def settle(store: Store, tuning: Tuning) -> list[Split]:
    with store.stories.write("the end of a run"):
        ctx = StoryContext(store, Idf(store, tuning.idf_power), tuning, utc_now())
        return split_window(ctx, 100)


def test_a_story_resumed_unlike_itself_after_months_splits(store: Store) -> None:
    rng = random.Random(7)
    old = reports("varnholm", rng, ["2016-02-06", "2016-02-08"])
    new = reports("brennick", rng, ["2017-12-28", "2017-12-29", "2017-12-30"])
    done = ingest(store, [*old, *new], NO_GROUP_SPLIT)
    assert len({a.story_id for a in done}) == 1  # joined across the year (JOIN_ALL)
    [split] = settle(store, NO_GROUP_SPLIT)
    assert set(split.articles) == {a.id for a in new}
    assert split.between < NO_GROUP_SPLIT.split_ratio * split.within
    assert {story(store, a) for a in old} == {split.story_id}
    assert {story(store, a) for a in new} == {split.new_id}


def test_a_story_taken_up_again_alike_stays_whole(store: Store) -> None:
    rng = random.Random(7)
    old = reports("varnholm", rng, ["2016-02-06", "2016-02-07", "2016-02-08"])
    again = reports("varnholm", rng, ["2017-05-09", "2017-05-10"])
    ingest(store, [*old, *again], NO_GROUP_SPLIT)
    assert not settle(store, NO_GROUP_SPLIT)
    assert len({story(store, a) for a in [*old, *again]}) == 1


def test_reports_of_one_season_do_not_split(store: Store) -> None:
    rng = random.Random(7)
    old = reports("varnholm", rng, ["2016-02-06", "2016-02-08"])
    new = reports("brennick", rng, ["2016-05-01", "2016-05-02", "2016-05-03"])
    ingest(store, [*old, *new], NO_GROUP_SPLIT)  # 83 days: within split_silence
    assert not settle(store, NO_GROUP_SPLIT)
    assert not settle(store, replace(NO_GROUP_SPLIT, split_silence=0))
    assert len({story(store, a) for a in [*old, *new]}) == 1


def test_silence_split_leaves_undated_stories_alone(store: Store) -> None:
    rng = random.Random(7)
    ingest(store, [report("varnholm", rng), report("brennick", rng), report("brennick", rng)],
           NO_GROUP_SPLIT)
    with store.stories.write("look"):
        ctx = StoryContext(store, Idf(store, 1.5), NO_GROUP_SPLIT, utc_now())
        [sid] = store.stories.live_ids()
        assert silence_split(ctx, store.stories.states([sid])[sid]) is None
