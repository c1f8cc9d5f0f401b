"""Second looks (stories/recheck.py): early wrong splits heal, analysts' choices stay."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from sitrep.cli import cli
from sitrep.store import Store, open_store
from sitrep.stories import Assigner, Tuning, pin_article, recheck_recent, split_articles
from tests.support.stories import ingest, iran, later_iran, later_nk, nk, story

# Every article starts a story of its own: the early splits a recheck should heal.
ALONE = Tuning(join=0.99, sure=0.99, bridge=1.0, recheck_every=0)


def _split_early(store: Store) -> None:
    ingest(store, [*nk(), *iran(), later_nk(), later_iran()], ALONE)
    assert len(store.stories.live_ids()) == 5


def test_recheck_joins_reports_that_started_stories_of_their_own(store: Store) -> None:
    _split_early(store)
    done = recheck_recent(store)
    a, b = nk()
    nk_story = story(store, a)
    assert story(store, b) == story(store, later_nk()) == nk_story
    assert story(store, iran()[0]) == story(store, later_iran()) != nk_story
    assert len(store.stories.live_ids()) == 2 and done.moved
    # An emptied story points at where its article went: its id still resolves.
    for _, source, target in done.moved:
        assert store.stories.resolve(source) in store.stories.live_ids()
        assert store.stories.resolve(target) in store.stories.live_ids()
    history = store.stories.history(nk_story)
    assert any(e["action"] == "move" and not e["manual"] and "recheck" in e["note"]
               for e in history)


def test_recheck_changes_nothing_once_settled(store: Store) -> None:
    _split_early(store)
    recheck_recent(store)
    before = {s: {m.article_id for m in store.stories.members(s)}
              for s in store.stories.live_ids()}
    again = recheck_recent(store)
    assert not again.moved and not again.merged
    assert {s: {m.article_id for m in store.stories.members(s)}
            for s in store.stories.live_ids()} == before


def test_recheck_leaves_pinned_and_analyst_stories_alone(store: Store) -> None:
    _split_early(store)
    a, b = nk()
    pin_article(store, a.id)
    split_articles(store, [later_nk().id])
    pinned_story, kept = story(store, a), story(store, later_nk())
    recheck_recent(store)
    assert story(store, a) == pinned_story
    assert story(store, later_nk()) == kept
    assert story(store, b) != kept


def test_recheck_only_looks_at_the_window(store: Store) -> None:
    _split_early(store)
    done = recheck_recent(store, window=1)  # the newest article's story only
    assert done.looked_at == 1


def test_merges_stories_alike_across_as_within(store: Store) -> None:
    no_moves = Tuning(recheck_margin=10.0, recheck_every=0, recheck_merge=0.5,
                      recheck_merge_min=0.01)
    ingest(store, nk(), Tuning(recheck_every=0))
    ingest(store, [later_nk()], ALONE)
    assert len(store.stories.live_ids()) == 2
    done = recheck_recent(store, no_moves)
    assert not done.moved and len(done.merged) == 1
    assert len(store.stories.live_ids()) == 1
    never = Tuning(recheck_margin=10.0, recheck_every=0, recheck_merge=100.0)
    assert not recheck_recent(store, never).merged


def test_assigner_rechecks_every_so_many_articles(store: Store) -> None:
    often = Tuning(join=0.99, sure=0.99, bridge=1.0, recheck_every=1)
    ingest(store, [*nk(), later_nk()], often)
    # Each arrival starts a story (join 0.99), and the recheck that follows it judges
    # with the same strict join: nothing moves. With the default join they come together.
    assert len(store.stories.live_ids()) == 3
    healing = Tuning(recheck_every=1, bridge=1.0)
    ingest(store, [*iran(), later_iran()], healing)
    assert story(store, iran()[0]) == story(store, later_iran())


def test_recheck_command(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    with open_store(db) as fresh:
        _split_early(fresh)
    result = CliRunner().invoke(cli, ["story", "recheck", "--db", db])
    assert result.exit_code == 0, result.output
    assert re.search(r"looked at 5 articles: moved [1-9]", result.output), result.output
    with open_store(db) as fresh:
        assert len(fresh.stories.live_ids()) == 2


def test_settle_rechecks_what_came_after_the_last_recheck_point(store: Store) -> None:
    articles = [*nk(), *iran(), later_nk()]
    ingest(store, articles, ALONE)  # the early splits, and no recheck point passed
    assigner = Assigner(store)  # rechecks every 64 articles: none among these
    with store.stories.write("the last batch of a run"):
        outcomes = store.add_articles([later_iran()])
        assigner.assign_batch([later_iran()], [None], outcomes)
    assert len(store.stories.live_ids()) >= 4
    done = assigner.settle()  # the run ends
    assert done is not None and done.moved
    assert story(store, nk()[0]) == story(store, nk()[1]) == story(store, later_nk())
    assert story(store, iran()[0]) == story(store, later_iran())
    assert assigner.settle() is None  # nothing came since


def test_settle_does_nothing_on_a_recheck_point(store: Store) -> None:
    assigner = Assigner(store, Tuning(recheck_every=1))
    with store.stories.write("a batch"):
        outcomes = store.add_articles(nk())
        assigner.assign_batch(nk(), [None, None], outcomes)
    assert assigner.settle() is None


def _run_split_early(store: Store, tuning: Tuning) -> Assigner:
    """One run whose articles first fell apart (each its own story), judged by ``tuning``
    from then on (``assign_batch`` notes the run's first article)."""
    assigner = Assigner(store, ALONE)
    articles = [*nk(), *iran(), later_nk(), later_iran()]
    with store.stories.write("a run's batch"):
        outcomes = store.add_articles(articles)
        assigner.assign_batch(articles, [None] * len(articles), outcomes)
    assigner.tuning = tuning
    return assigner


def test_settle_judges_every_article_of_the_run(store: Store) -> None:
    # The window of the periodic rechecks holds the newest article only; the settle
    # at the end of the run judges all five against the stories the run ends with.
    assigner = _run_split_early(store, Tuning(recheck_every=0, recheck_window=1))
    done = assigner.settle()
    assert done is not None and done.looked_at == 5
    assert story(store, nk()[0]) == story(store, nk()[1]) == story(store, later_nk())
    assert story(store, iran()[0]) == story(store, later_iran())


def test_the_settle_window_is_bounded(store: Store) -> None:
    tuning = Tuning(recheck_every=0, recheck_window=1, settle_window=2)
    done = _run_split_early(store, tuning).settle()
    assert done is not None and done.looked_at == 2
