"""Analyst control on every backend: move, merge, split and pin survive later ingests,
even with a tuning that merges whatever a new article touches."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import cli
from sitrep.errors import NotFoundError
from sitrep.store import Store
from sitrep.stories import (
    merge_stories,
    move_article,
    pin_article,
    split_articles,
    story_record,
)
from tests.support.stories import GREEDY, ingest, iran, later_iran, later_nk, nk, story


def _two_stories(store: Store) -> tuple[str, str]:
    assigned = ingest(store, [*nk(), *iran()])
    return assigned[0].story_id, assigned[2].story_id


def _manual(store: Store, story_id: str, action: str) -> list[dict[str, object]]:
    return [e for e in store.stories.history(story_id) if e["manual"] and e["action"] == action]


def test_pinned_article_never_moves(store: Store) -> None:
    _, iran_story = _two_stories(store)
    (iran_article,) = iran()
    pin_article(store, iran_article.id)
    ingest(store, [later_nk(), later_iran()], GREEDY)  # would merge everything
    assert story(store, iran_article) == iran_story
    assert iran_article.id in story_record(store, iran_story).pinned
    assert _manual(store, iran_story, "pin")
    pin_article(store, iran_article.id, pinned=False)
    assert store.stories.of_article(iran_article.id) == (iran_story, False)


def test_moved_article_stays_and_stories_stay_apart(store: Store) -> None:
    nk_story, iran_story = _two_stories(store)
    _, other_nk = nk()
    assert move_article(store, other_nk.id, iran_story) == iran_story
    assert story(store, other_nk) == iran_story
    assert store.stories.of_article(other_nk.id) == (iran_story, True)
    assert story_record(store, nk_story).article_count == 1
    ingest(store, [later_nk(), later_iran()], GREEDY)
    assert story(store, other_nk) == iran_story
    assert store.stories.resolve(nk_story) == nk_story  # not merged away
    assert _manual(store, iran_story, "move")


def test_merged_stories_stay_merged_and_take_new_articles(store: Store) -> None:
    nk_story, iran_story = _two_stories(store)
    assert merge_stories(store, nk_story, [iran_story]) == nk_story
    assert store.stories.resolve(iran_story) == nk_story
    assert store.stories.live_ids() == [nk_story]
    assigned = ingest(store, [later_iran(), later_nk()])
    assert {a.story_id for a in assigned} == {nk_story}  # the merged state is the truth
    record = story_record(store, iran_story)  # the old id still finds the story
    assert record.id == nk_story and record.article_count == 5
    assert _manual(store, nk_story, "merge")


def test_split_articles_keep_their_new_story(store: Store) -> None:
    nk_story, _ = _two_stories(store)
    _, other_nk = nk()
    new_story = split_articles(store, [other_nk.id])
    assert new_story not in (nk_story,) and story(store, other_nk) == new_story
    assert story_record(store, nk_story).article_count == 1
    ingest(store, [later_nk()], GREEDY)
    assert story(store, other_nk) == new_story
    assert store.stories.resolve(new_story) == new_story
    assert store.stories.resolve(nk_story) == nk_story
    assert _manual(store, new_story, "split")


def test_manual_changes_survive_a_reopen(store_db: str) -> None:
    if store_db == ":memory:":
        pytest.skip("an in-memory store cannot be reopened")
    from sitrep.store import open_store

    with open_store(store_db) as store:
        _, iran_story = _two_stories(store)
        first_nk, _ = nk()
        move_article(store, first_nk.id, iran_story)
    with open_store(store_db) as store:
        ingest(store, [later_nk()], GREEDY)
        assert store.stories.of_article(first_nk.id) == (iran_story, True)


def test_unknown_ids_are_reported(store: Store) -> None:
    _two_stories(store)
    with pytest.raises(NotFoundError):
        merge_stories(store, "nope", ["nope2"])
    with pytest.raises(NotFoundError):
        pin_article(store, "no-such-article")


def test_story_commands(tmp_path: Path) -> None:
    from sitrep.store import open_store

    db = str(tmp_path / "cli.db")
    with open_store(db) as store:
        nk_story, iran_story = _two_stories(store)
    first_nk, other_nk = nk()
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(cli, ["story", *args, "--db", db])
        assert result.exit_code == 0, result.output
        return result.output.strip()

    assert run("pin", first_nk.id) == f"{first_nk.id} {nk_story}"
    assert run("move", other_nk.id, iran_story) == iran_story
    new_story = run("split", other_nk.id)
    assert run("merge", nk_story, new_story) == nk_story
    run("assign")
    with open_store(db) as store:
        assert store.stories.of_article(other_nk.id) == (nk_story, True)
        assert story_record(store, nk_story).article_count == 2
