"""Story work bounded by the tuning, not by the size of a story or the store."""

from __future__ import annotations

import dataclasses
import json
import random
import sqlite3
from pathlib import Path

import pytest

from sitrep.store import Store, open_store
from sitrep.store.dialect import PAGE_CACHE_KIB
from sitrep.store.migrations import utc_now
from sitrep.store.stories import StoryState
from sitrep.stories import DEFAULT_TUNING, Assigner, Tuning, split_articles
from sitrep.stories.state import Joining, Mover, StoryContext, after_move, rebuild
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
    mover = Mover(Joining(leaver.id, row.title, row.published, row.seq, 0.5),
                  profiles[leaver.id], 0)
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
    terms = " ".join(r[3] for r in db.execute(
        "EXPLAIN QUERY PLAN SELECT term, story_id FROM story_terms WHERE term = ?"
        " ORDER BY activity DESC, story_id DESC LIMIT ?", ("w:x", 20)))
    # From the index alone: no search of the table per story found, no sort.
    assert "COVERING INDEX story_terms_newest" in terms and "TEMP B-TREE" not in terms


def test_file_store_keeps_more_pages_than_sqlites_default(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "pages.db")) as store:
        pages = store._db.execute("PRAGMA cache_size").fetchone()[0]
    assert pages == -PAGE_CACHE_KIB and PAGE_CACHE_KIB > 2000  # SQLite's default: 2000 KiB


def test_term_lookup_breaks_ties_of_activity_by_story_id(store: Store) -> None:
    now = utc_now()
    with store.stories.write("test index"):
        for sid, activity in (("s-b", 5), ("s-c", 5), ("s-a", 5), ("s-old", 1), ("s-new", 9)):
            store.stories.save(StoryState(id=sid, activity=activity), now)
            store.stories.set_terms(sid, ["w:harbour"], activity)
        found = store.stories.candidates(["w:harbour"], 3)
    assert list(found) == ["s-new", "s-c", "s-b"]  # newest first, then by id, every backend


def test_a_written_vector_reads_back_as_itself(store: Store) -> None:
    seeded = random.Random(3)
    terms = {f"w:t{i}": seeded.random() / 7 for i in range(40)} | {"w:third": 0.1 + 0.2}
    article = nk()[0]
    store.add_articles([article])
    with store.stories.write("test features"):
        store.stories.put_features(article.id, terms, None)
        read = store.stories.features([article.id])[article.id]
    assert read is terms  # not parsed again ...
    assert list(json.loads(json.dumps(terms)).items()) == list(read.items())  # ... as a parse


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


def test_term_lookups_in_a_transaction_follow_the_index(store: Store) -> None:
    now = utc_now()
    with store.stories.write("test index"):
        for sid, terms in (("s-1", ["w:quay", "w:ferry"]), ("s-2", ["w:quay"]),
                           ("s-3", ["w:crane"])):
            store.stories.save(StoryState(id=sid), now)
            store.stories.set_terms(sid, terms, 1)
        assert store.stories.candidates(["w:quay", "w:crane", "w:ferry"], 5) == {
            "s-2": ["w:quay"], "s-1": ["w:quay", "w:ferry"], "s-3": ["w:crane"]}
        store.stories.set_terms("s-1", ["w:crane"], 2)  # leaves quay and ferry, joins crane
        store.stories.set_terms("s-2", ["w:quay"], 3)  # newer under the same term
        assert store.stories.candidates(["w:quay", "w:crane", "w:ferry"], 5) == {
            "s-2": ["w:quay"], "s-1": ["w:crane"], "s-3": ["w:crane"]}
        assert store.stories.candidates(["w:crane"], 1) == {"s-1": ["w:crane"]}


def test_states_read_in_a_transaction_are_kept_until_saved(store: Store) -> None:
    now = utc_now()
    with store.stories.write("test states"):
        assert store.stories.states(["s-new"]) == {}
        store.stories.save(StoryState(id="s-new", title="Quay works", articles=1,
                                      centroid={"w:quay": 0.5}, norm=1, activity=4), now)
        first = store.stories.states(["s-new"])["s-new"]
        first.articles, first.title = 9, "changed, never saved"
        again = store.stories.states(["s-new", "s-new"])["s-new"]
        assert again is not first
        assert (again.title, again.articles, again.norm) == ("Quay works", 1, 1.0)
        assert isinstance(again.norm, float)
        again.articles = 2
        store.stories.save(again, now)
        assert store.stories.states(["s-new"])["s-new"].articles == 2
        kept = store.stories.states(["s-new"])["s-new"]
    # Outside a transaction every read is the stored row, the same as the kept state.
    assert store.stories.states(["s-new"])["s-new"] == kept


def test_states_kept_in_a_transaction_go_with_a_rollback(store: Store) -> None:
    now = utc_now()
    with store.stories.write("test saved"):
        store.stories.save(StoryState(id="s-kept", articles=1), now)
    with pytest.raises(RuntimeError), store.stories.write("test undone"):
        store.stories.save(StoryState(id="s-kept", articles=5), now)
        raise RuntimeError("the batch fails")
    with store.stories.write("test after"):
        assert store.stories.states(["s-kept"])["s-kept"].articles == 1
