"""Counts kept across transactions while the store still holds them."""

from __future__ import annotations

import pytest

from sitrep.store import Store, open_store
from sitrep.stories.vectors import Idf


def _reads(store: Store) -> list[str]:
    """The terms whose counts the store is asked for from now on."""
    asked: list[str] = []
    tables = store.stories
    original = tables.term_dfs

    def counting(terms: list[str]) -> dict[str, int]:
        asked.extend(terms)
        return original(terms)

    tables.term_dfs = counting  # type: ignore[method-assign,assignment]
    return asked


def test_counts_stay_read_when_no_one_counted_since(store: Store) -> None:
    idf = Idf(store, 1.5)
    with store.stories.write("count"):
        idf.renew()
        idf.count(["w:lighthouse", "w:keeper"])
        before = idf("w:lighthouse")
    asked = _reads(store)
    with store.stories.write("read again"):
        idf.renew()
        idf.prepare(["w:lighthouse", "w:keeper"])
        assert idf("w:lighthouse") == before
    assert "w:lighthouse" not in asked and "w:keeper" not in asked
    assert idf.n == 1 and idf.df["w:keeper"] == 1


def test_another_writers_document_makes_the_counts_read_again(file_db: str) -> None:
    with open_store(file_db) as mine, open_store(file_db) as theirs:
        idf = Idf(mine, 1.5)
        with mine.stories.write("count"):
            idf.renew()
            idf.count(["w:lighthouse"])
        other = Idf(theirs, 1.5)
        with theirs.stories.write("count elsewhere"):
            other.renew()
            other.count(["w:lighthouse", "w:beacon"])
        with mine.stories.write("read again"):
            idf.renew()
            idf.prepare(["w:lighthouse", "w:beacon"])
            assert (idf.n, idf.df["w:lighthouse"], idf.df["w:beacon"]) == (2, 2, 1)


def test_a_rolled_back_count_is_not_kept(store: Store) -> None:
    idf = Idf(store, 1.5)
    with store.stories.write("count"):
        idf.renew()
        idf.count(["w:lighthouse"])
    with pytest.raises(RuntimeError), store.stories.write("count, then fail"):
        idf.renew()
        idf.count(["w:lighthouse", "w:beacon"])
        raise RuntimeError("the batch failed")
    with store.stories.write("read again"):
        idf.renew()
        idf.prepare(["w:lighthouse", "w:beacon"])
        assert (idf.n, idf.df["w:lighthouse"], idf.df["w:beacon"]) == (1, 1, 0)
