"""Migrations applied to a store made by an older version: its rows are kept, the new
layout is in place, and a later open applies nothing."""

from __future__ import annotations

import pytest

from sitrep.store import Store, migrations, open_store
from sitrep.store.migrations import MIGRATIONS, migrate
from sitrep.store.stories import DOC_COUNT

TERM_DF = "0010_term_df_without_rowid"

# Invented terms in the store's namespaced form, each counted a few times over.
TERMS = [f"w:term{i:03d}" for i in range(300)] + ["e:harbour authority", "p:riverton"]


def _old_store(db: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """A store migrated up to, not including, the term_df rebuild, with counts in it;
    returns the counts."""
    before = [m for m in MIGRATIONS if m.name != TERM_DF]
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "MIGRATIONS", before)
        patch.setattr(migrations, "KNOWN", {m.name for m in before})
        with open_store(db) as old:
            assert TERM_DF not in old.migrations()
            with old.stories.write("counts"):
                for i in range(4):
                    old.stories.bump_dfs(TERMS[i % 2::2])
            return _counts(old)


def _counts(store: Store) -> dict[str, int]:
    rows = store._db.execute("SELECT term, df FROM term_df").fetchall()
    return {str(t): int(df) for t, df in rows}


def test_term_df_rebuild_keeps_every_count(file_db: str,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    before = _old_store(file_db, monkeypatch)
    assert len(before) == len(TERMS) + 1
    assert before[DOC_COUNT] == 4
    with open_store(file_db) as s:
        assert s.migrations()[-1] == TERM_DF
        assert _counts(s) == before
        assert migrate(s._db) == []  # applied once: the next open only reads
        assert s.stories.term_dfs(TERMS[:3]) == {TERMS[0]: 2, TERMS[1]: 2, TERMS[2]: 2}
        with s.stories.write("more"):
            s.stories.bump_dfs(TERMS[:1])
            s.stories.unbump_dfs(TERMS[1:2])
        assert _counts(s) == {**before, DOC_COUNT: 4, TERMS[0]: 3, TERMS[1]: 1}


def test_term_df_is_keyed_by_its_term_on_sqlite(tmp_path_factory: pytest.TempPathFactory,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    for db in (":memory:", str(tmp_path_factory.mktemp("old") / "old.db")):
        if db != ":memory:":
            _old_store(db, monkeypatch)
        with open_store(db) as s:
            sql = s._db.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'term_df'"
            ).fetchone()[0]
            tables = {str(r[0]) for r in s._db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()}
        assert "WITHOUT ROWID" in sql
        assert "term_df_new" not in tables
