"""Story work bounded by the tuning, not by the size of a story or the store."""

from __future__ import annotations

import dataclasses
import random
import sqlite3
from pathlib import Path

import pytest

from sitrep.store import Store, open_store
from sitrep.store.migrations import utc_now
from sitrep.stories import DEFAULT_TUNING, Assigner, Tuning, split_articles
from sitrep.stories.state import Mover, StoryContext, after_move, rebuild
from tests.support.stories import ingest, later_nk, nk, story
from tests.unit.stories.test_split import JOIN_ALL, report

ONE_STORY = Tuning(recheck_every=0)


def _nk_story(store: Store) -> str:
    ingest(store, [*nk(), later_nk()], ONE_STORY)
    sid = story(store, nk()[0])
    assert story(store, nk()[1]) == story(store, later_nk()) == sid
    return sid


def _ctx(store: Store, tuning: Tuning) -> StoryContext:
    return StoryContext(store, Assigner(store, tuning).idf, tuning, utc_now())


def test_newest_members_come_newest_first_after_moves(store: Store) -> None:
    sid = _nk_story(store)
    _, b = nk()
    assert [m.article_id for m in store.stories.newest_members(sid, 2)] == [b.id, later_nk().id]
    moved = split_articles(store, [later_nk().id])
    assert story(store, later_nk()) == moved != sid
    assert [m.article_id for m in store.stories.newest_members(moved, 5)] == [later_nk().id]
    assert [m.article_id for m in store.stories.newest_members(sid, 1)] == [b.id]


def test_big_story_is_updated_in_place_as_a_rebuild_would(store: Store) -> None:
    sid = _nk_story(store)
    profiles = store.stories.features([a.id for a in [*nk(), later_nk()]])
    leaver = later_nk()
    row = next(m for m in store.stories.newest_members(sid, 5) if m.article_id == leaver.id)
    mover = Mover(leaver.id, profiles[leaver.id], row.title, row.published, row.seq, 0.5, 0)
    small_cap = Tuning(recheck_every=0, rebuild_cap=1)  # every story here counts as big
    with store.stories.write("test move"):
        left = after_move(_ctx(store, small_cap), sid, [mover], joined=False)
    assert (left.members, left.articles) == (2, 2)
    rest = [profiles[a.id] for a in nk()]
    for term, value in left.centroid.items():
        assert value == pytest.approx(sum(p.get(term, 0.0) for p in rest) / 2)
    assert left.title_article != leaver.id or left.title == row.title
    with store.stories.write("test move back"):
        back = after_move(_ctx(store, small_cap), sid, [mover], joined=True)
    assert (back.members, back.articles) == (3, 3)
    with store.stories.write("test rebuild"):
        fresh = rebuild(_ctx(store, DEFAULT_TUNING), sid)
    shared = set(fresh.centroid) & set(back.centroid)
    assert len(shared) >= 0.9 * len(fresh.centroid)
    for term in shared:
        assert back.centroid[term] == pytest.approx(fresh.centroid[term])


def test_rebuild_is_the_mean_of_the_members(store: Store) -> None:
    sid = _nk_story(store)
    profiles = store.stories.features([a.id for a in [*nk(), later_nk()]])
    with store.stories.write("test rebuild"):
        fresh = rebuild(_ctx(store, DEFAULT_TUNING), sid)
    assert (fresh.members, fresh.articles) == (3, 3)
    for term, value in fresh.centroid.items():
        assert value == pytest.approx(sum(p.get(term, 0.0) for p in profiles.values()) / 3)


def test_member_reads_use_indexes_not_a_scan_of_the_story(tmp_path: Path) -> None:
    path = tmp_path / "plan.db"
    with open_store(str(path)) as store:
        _nk_story(store)
    db = sqlite3.connect(path)
    newest = " ".join(r[3] for r in db.execute(
        "EXPLAIN QUERY PLAN SELECT a.id FROM story_articles sa JOIN articles a"
        " ON a.id = sa.article_id WHERE sa.story_id = ? AND sa.how <> 'copy'"
        " ORDER BY sa.seq DESC LIMIT ?", ("s", 3)))
    assert "story_articles_recent" in newest and "TEMP B-TREE" not in newest
    pins = " ".join(r[3] for r in db.execute(
        "EXPLAIN QUERY PLAN SELECT 1 FROM story_articles WHERE story_id = ? AND pinned = 1"
        " LIMIT 1", ("s",)))
    assert "story_articles_pinned" in pins
    assert db.execute("SELECT count(*) FROM story_articles WHERE seq IS NULL").fetchone() == (0,)


def test_a_long_story_split_keeps_its_counts_in_place(store: Store) -> None:
    rng = random.Random(7)
    varnholm = [report("varnholm", rng) for _ in range(3)]
    brennick = [report("brennick", rng) for _ in range(3)]
    in_place = dataclasses.replace(JOIN_ALL, rebuild_cap=1)  # the story counts as long
    split = ingest(store, [*varnholm, *brennick], in_place)[-1].split
    assert split is not None and set(split.articles) == {a.id for a in brennick}
    kept = store.stories.states([split.story_id])[split.story_id]
    assert (kept.members, kept.articles) == (3, 3)
    profiles = store.stories.features([a.id for a in varnholm])
    for term, value in kept.centroid.items():
        assert value == pytest.approx(sum(p.get(term, 0.0) for p in profiles.values()) / 3)
    assert {story(store, a) for a in varnholm} == {split.story_id}
