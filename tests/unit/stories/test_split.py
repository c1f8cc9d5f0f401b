"""Automatic splits: a story that turns out to hold two events splits in two."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

from click.testing import CliRunner

from sitrep.cli import cli
from sitrep.models import Article
from sitrep.store import Store, open_store
from sitrep.store.migrations import utc_now
from sitrep.stories import Tuning, story_record
from sitrep.stories.manual import pin_article
from sitrep.stories.recheck import split_window
from sitrep.stories.split import Split, is_checkpoint, two_groups
from sitrep.stories.state import StoryContext
from sitrep.stories.vectors import Idf
from tests.support.store import make_article
from tests.support.stories import ingest, story

# Two events of the same kind: each report draws from its event's own facts
# (names, places, figures) and from words any quake report uses.
QUAKE_WORDS = ("earthquake magnitude struck rescue teams buildings collapsed aftershocks "
               "villagers tents injured hospital officials damage")
EVENTS = {
    "varnholm": ("Varnholm island Ostrevia Port Kelda Ostrevian Aid Society 5.9 seven villages "
                 "ten dead Merrow Governor Taslin"),
    "brennick": ("Brennick East Dovaria Dovarian KRTA 7.6 Hollowmere Sandrath "
                 "Corvell Governor Orlan 1,100 dead"),
}
# Join everything (as if every report looked like the first): only a split can
# then separate the two events.
JOIN_ALL = Tuning(join=0.0, sure=0.0, bridge=1.1, bridge_centroids=1.1)


def report(event: str, rng: random.Random, published: str | None = None) -> Article:
    facts = rng.sample(EVENTS[event].split(" "), 9)
    common = rng.sample(QUAKE_WORDS.split(" "), 5)
    text = " ".join(common + facts) + ". " + " ".join(rng.sample(facts, 4)) + "."
    return make_article(text, title=None, published=published)


def test_checkpoints_grow_geometrically() -> None:
    assert [n for n in range(1, 70) if is_checkpoint(n, 6)] == [
        6, 8, 10, 12, 16, 20, 24, 32, 40, 48, 64]
    assert is_checkpoint(80, 6) and is_checkpoint(96, 6) and not is_checkpoint(100, 6)


def test_two_groups_finds_the_blocks() -> None:
    hi, lo = 0.8, 0.1
    block = [0, 0, 1, 1, 0, 1]
    sims = [[1.0 if i == j else (hi if block[i] == block[j] else lo) for j in range(6)]
            for i in range(6)]
    first, second = two_groups(sims)
    assert {tuple(first), tuple(second)} == {(0, 1, 4), (2, 3, 5)}


def test_a_story_of_two_events_splits(store: Store) -> None:
    rng = random.Random(7)
    varnholm = [report("varnholm", rng) for _ in range(3)]
    brennick = [report("brennick", rng) for _ in range(3)]
    done = ingest(store, [*varnholm, *brennick], JOIN_ALL)
    assert [a.how for a in done] == ["new"] + ["joined"] * 5
    # The sixth article reached a checkpoint: the newer event left, with it.
    split = done[-1].split
    assert split is not None and set(split.articles) == {a.id for a in brennick}
    assert done[-1].story_id == split.new_id != split.story_id
    assert {story(store, a) for a in varnholm} == {split.story_id}
    assert {story(store, a) for a in brennick} == {split.new_id}
    assert split.between < 0.6 * split.within
    assert story_record(store, split.new_id).article_count == 3
    assert story_record(store, split.story_id).article_count == 3
    log = store.stories.history(split.new_id)
    assert [(e["action"], e["manual"]) for e in log] == [("split", False)]
    assert "split off" in log[0]["note"]


def test_groups_whose_first_reports_came_the_same_day_do_not_split(store: Store) -> None:
    # Two strands of one day's reporting (a race and a driver's farewell in it).
    rng = random.Random(7)
    first = [report("varnholm", rng, "2016-11-13T10:00:00") for _ in range(3)]
    second = [report("brennick", rng, f"2016-11-1{3 + i}T18:00:00") for i in range(3)]
    done = ingest(store, [*first, *second], JOIN_ALL)
    assert all(a.split is None for a in done)
    assert len({a.story_id for a in done}) == 1


def test_a_group_that_began_on_a_later_day_splits(store: Store) -> None:
    rng = random.Random(7)
    first = [report("varnholm", rng, "2016-11-13T10:00:00") for _ in range(3)]
    second = [report("brennick", rng, "2016-11-14T08:00:00") for _ in range(3)]
    split = ingest(store, [*first, *second], JOIN_ALL)[-1].split
    assert split is not None and set(split.articles) == {a.id for a in second}


def test_one_event_does_not_split(store: Store) -> None:
    rng = random.Random(11)
    done = ingest(store, [report("varnholm", rng) for _ in range(8)], JOIN_ALL)
    assert all(a.split is None for a in done)
    assert len({a.story_id for a in done}) == 1


def test_stories_an_analyst_touched_are_not_split(store: Store) -> None:
    rng = random.Random(7)
    varnholm = [report("varnholm", rng) for _ in range(3)]
    brennick = [report("brennick", rng) for _ in range(3)]
    ingest(store, [*varnholm, brennick[0]], JOIN_ALL)
    pin_article(store, brennick[0].id)
    done = ingest(store, brennick[1:], JOIN_ALL)
    assert all(a.split is None for a in done)
    assert len({story(store, a) for a in [*varnholm, *brennick]}) == 1


def test_a_weak_match_needs_a_member_like_the_article(store: Store) -> None:
    rng = random.Random(5)
    ingest(store, [report("varnholm", rng), report("brennick", rng)], JOIN_ALL)
    newcomer = report("varnholm", rng)
    # The same match is taken when any member will do, refused when none is close enough.
    strict = Tuning(join=0.01, sure=0.99, member_min=0.99, bridge=1.1, bridge_centroids=1.1)
    assert ingest(store, [newcomer], strict)[0].how == "new"
    lenient = Tuning(join=0.01, sure=0.99, member_min=0.0, bridge=1.1, bridge_centroids=1.1)
    assert ingest(store, [report("brennick", rng)], lenient)[0].how == "joined"


def test_show_tells_why_a_story_was_split(tmp_path: Path) -> None:
    db = str(tmp_path / "split.db")
    rng = random.Random(7)
    with open_store(db) as store:
        done = ingest(store, [*(report("varnholm", rng) for _ in range(3)),
                              *(report("brennick", rng) for _ in range(3))], JOIN_ALL)
    split = done[-1].split
    assert split is not None
    shown = CliRunner(env={"COLUMNS": "400"}).invoke(cli, ["show", split.new_id, "--db", db])
    assert shown.exit_code == 0, shown.output
    assert f"auto split {split.new_id} {split.story_id}" in shown.output
    assert "split off:" in shown.output


def test_the_end_of_a_run_splits_a_story_at_any_size(store: Store) -> None:
    rng = random.Random(7)
    varnholm = [report("varnholm", rng) for _ in range(4)]
    brennick = [report("brennick", rng) for _ in range(3)]
    # Six members (a checkpoint) held two reports of the second event: too few to
    # leave; seven is no checkpoint. Only the end-of-run look splits them.
    done = ingest(store, [*varnholm, *brennick], JOIN_ALL)
    assert all(a.split is None for a in done) and len({a.story_id for a in done}) == 1

    def settle_split(ratio: float) -> list[Split]:
        with store.stories.write("the end of a run"):
            idf = Idf(store, JOIN_ALL.idf_power)
            ctx = StoryContext(store, idf, replace(JOIN_ALL, settle_split=ratio), utc_now())
            return split_window(ctx, 100)

    assert not settle_split(0.0)
    assert len({story(store, a) for a in [*varnholm, *brennick]}) == 1
    [split] = settle_split(0.4)
    assert set(split.articles) == {a.id for a in brennick}
    assert {story(store, a) for a in varnholm} == {split.story_id}
