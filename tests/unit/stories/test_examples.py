"""The shipped examples' stories against a hand-made gold (tests/data/examples_stories_gold.json).

The demo (`sitrep run examples/voa examples/seeds`) ingests 92 VOA reports of one
week and the two seed documents; the gold, written by reading every story of two
or more articles the assigner has formed, labels the reports that tell one event.
Whole pipeline, language model included (about half a minute).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from sitrep.pipeline import ingest
from sitrep.store import open_store
from tests.support.paths import REPO

GOLD = json.loads((REPO / "tests" / "data" / "examples_stories_gold.json").read_text(
    encoding="utf-8"))["events"]


@pytest.fixture(name="demo_stories", scope="module")
def demo_stories_fixture() -> Iterator[list[list[str]]]:
    """The article ids of each story of two or more articles."""
    with open_store(":memory:") as store:
        ingest([REPO / "examples" / "voa", REPO / "examples" / "seeds"], store)
        yield [ids for ids in ([m.article_id for m in store.stories.members(s)]
                               for s in store.stories.live_ids()) if len(ids) >= 2]


def _events(ids: list[str]) -> set[str]:
    return {GOLD.get(i, i) for i in ids}  # an unlisted article is an event of its own


def test_no_story_holds_two_events_of_the_gold(demo_stories: list[list[str]]) -> None:
    for ids in demo_stories:
        labelled = {GOLD[i] for i in ids if i in GOLD}
        assert len(labelled) <= 1, ids


def test_events_told_by_several_reports_stay_whole(demo_stories: list[list[str]]) -> None:
    story_of = {i: n for n, ids in enumerate(demo_stories) for i in ids}
    for event in ("pakistan-train-hijacking", "mogadishu-hotel-siege", "guantanamo-migrants",
                  "ukraine-ceasefire-talks"):
        members = [i for i, e in GOLD.items() if e == event]
        assert len({story_of.get(i) for i in members}) == 1, (event, members)


def test_no_story_mixes_unrelated_events(demo_stories: list[list[str]]) -> None:
    mixed = [ids for ids in demo_stories if len(_events(ids)) > 1]
    assert not mixed, mixed
