"""Stories do not depend on who wrote them: two writers at once, or one ingest
split into several runs, give the stories one writer gives in one run.

Story frequencies are counted in the store; each transaction reads them afresh,
so a writer never weighs terms by counts it cached before another writer moved
them (a term counted in more stories than the cached total once gave a negative
log and, raised to a power, a complex similarity).
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Sequence
from pathlib import Path

import pytest

from sitrep.models import Article
from sitrep.store import Store, open_store
from sitrep.stories import DEFAULT_TUNING, Assigner
from sitrep.stories.vectors import Idf
from tests.support.paths import voa_corpus


def voa_articles() -> list[Article]:
    from sitrep.pipeline import extract_inputs

    return [a for a in extract_inputs([str(voa_corpus())]) if isinstance(a, Article)]


def partition(store: Store) -> set[frozenset[str]]:
    """The stories as sets of article ids (story ids depend on who came first)."""
    return {frozenset(m.article_id for m in store.stories.members(s))
            for s in store.stories.live_ids()}


def ingest_runs(store: Store, articles: Sequence[Article], cuts: Sequence[int],
                committed: list[list[Article]] | None = None, size: int = 32) -> None:
    """One run (a fresh Assigner) per slice between ``cuts``, batches of ``size``;
    each batch is appended to ``committed`` while its transaction holds the lock."""
    bounds = [0, *cuts, len(articles)]
    for lo, hi in itertools.pairwise(bounds):
        assigner = Assigner(store)
        for start in range(lo, hi, size):
            batch = list(articles[start:min(start + size, hi)])
            with store.stories.write("test batch"):
                outcomes = store.add_articles(batch)
                assigner.assign_batch(batch, [None] * len(batch), outcomes)
                if committed is not None:
                    committed.append(batch)


@pytest.fixture(name="two_writer_db", params=["sqlite-file", "postgresql"])
def two_writer_db_fixture(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite-file":
        return str(tmp_path / "sitrep.db")
    return str(request.getfixturevalue("pg_schema_url"))


def test_idf_weight_stays_real_when_counts_pass_the_cached_total(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "s.db")) as store:
        idf = Idf(store, DEFAULT_TUNING.idf_power)
        idf.prepare(["w:quake"])
        idf.df["w:quake"] = 9  # as if another writer had counted it since
        weight = idf("w:quake")
        assert isinstance(weight, float) and weight >= 1.0


def test_two_writers_at_once_give_the_stories_of_one(two_writer_db: str,
                                                     tmp_path: Path) -> None:
    articles = voa_articles()
    errors: list[BaseException] = []
    committed: list[list[Article]] = []

    def write(part: Sequence[Article]) -> None:
        try:
            with open_store(two_writer_db) as store:
                ingest_runs(store, part, [], committed, size=8)
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    with open_store(two_writer_db):
        pass  # migrations once, before the writers race
    threads = [threading.Thread(target=write, args=(articles[i::2],)) for i in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert len({len(b) for b in committed}) > 0 and len(committed) == 12
    with open_store(two_writer_db) as store:
        got = partition(store)
    # One writer given the batches in the order the two committed them.
    with open_store(str(tmp_path / "one.db")) as one:
        for batch in committed:
            ingest_runs(one, batch, [])
        assert partition(one) == got


def test_same_articles_in_one_run_or_several_give_the_same_stories(tmp_path: Path) -> None:
    articles = voa_articles()
    with open_store(str(tmp_path / "one.db")) as one:
        ingest_runs(one, articles, [])
        expected = partition(one)
    for cuts in ([40], [13, 50, 71]):
        with open_store(str(tmp_path / f"runs{len(cuts)}.db")) as runs:
            ingest_runs(runs, articles, cuts)
            assert partition(runs) == expected
