"""The store on every backend: opening, migrations, all-or-nothing batches, reading,
search, annotations and entities."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sitrep.cli.errors import describe
from sitrep.errors import NotFoundError, StoreError
from sitrep.models import (
    Actor,
    Annotations,
    Attribution,
    EntityMention,
    Event,
    Quantity,
    Span,
    TimeExpr,
)
from sitrep.store import Store, open_store
from sitrep.store.codec import decode_layers
from sitrep.store.migrations import MIGRATIONS
from sitrep.store.query import to_fts5
from tests.support.paths import REPO
from tests.support.store import IRAN_REPORT, NK_OTHER_REPORT, NK_REPORT, make_article

ALL_MIGRATIONS = [m.name for m in MIGRATIONS]


def _reopenable(store_db: str) -> str:
    if store_db == ":memory:":
        pytest.skip("an in-memory store cannot be reopened")
    return store_db


# ------------------------------------------------------------ opening


def test_migrations_recorded_and_idempotent_on_reopen(store_db: str) -> None:
    with open_store(store_db) as first:
        assert first.migrations() == ALL_MIGRATIONS
        first.add_articles([make_article(NK_REPORT)])
    with open_store(_reopenable(store_db)) as again:
        assert again.migrations() == ALL_MIGRATIONS
        assert again.count_articles() == 1


def test_store_made_by_newer_version_is_refused(store_db: str) -> None:
    with open_store(_reopenable(store_db)) as s, s._db.transaction():
        s._db.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                      ("9999_from_the_future", "2099-01-01T00:00:00+00:00"))
    with pytest.raises(StoreError, match=r"newer version of sitrep.*upgrade"):
        open_store(store_db)


def test_file_that_is_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="not a sitrep store"):
        open_store(str(path))


def test_sqlite_database_of_something_else(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE articles (slug TEXT)")
    with pytest.raises(StoreError, match="not a sitrep store"):
        open_store(str(path))


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "nowhere" / "sitrep.db"))


def test_unreachable_postgresql_says_what_to_do() -> None:
    with pytest.raises(StoreError, match=r"cannot reach PostgreSQL.*server is running") as err:
        open_store("postgresql://someone:secret@127.0.0.1:1/nothing")
    assert "secret" not in str(err.value)


def test_file_store_runs_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "sitrep.db"
    open_store(str(path)).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_default_store_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SITREP_DB", raising=False)
    open_store().close()
    assert (tmp_path / "sitrep.db").is_file()
    monkeypatch.setenv("SITREP_DB", str(tmp_path / "env.db"))
    open_store(None).close()
    assert (tmp_path / "env.db").is_file()


# ------------------------------------------------------------ all or nothing


def test_batch_failing_midway_leaves_nothing(store: Store) -> None:
    good = [make_article(NK_REPORT), make_article(IRAN_REPORT)]
    unserialisable = make_article(NK_OTHER_REPORT)
    unserialisable.extra["when"] = object()  # json.dumps fails after two inserts
    with pytest.raises(TypeError):
        store.add_articles([*good, unserialisable])
    assert store.count_articles() == 0
    assert store.search("Pyongyang") == []
    assert [o.status for o in store.add_articles(good)] == ["added", "added"]


def test_database_error_midway_is_a_store_error_and_leaves_nothing(store: Store) -> None:
    broken = make_article(NK_OTHER_REPORT)
    broken.source = None  # type: ignore[assignment]  # violates NOT NULL in the database
    with pytest.raises(StoreError, match="nothing of this write was kept"):
        store.add_articles([make_article(NK_REPORT), broken])
    assert store.count_articles() == 0
    assert list(store.iter_entities()) == []


def test_killed_ingest_loses_only_the_open_batch(store_db: str) -> None:
    db = _reopenable(store_db)
    # A child process commits one batch, then dies (os._exit) inside the second.
    script = textwrap.dedent(f"""
        import os
        from sitrep.store import open_store, store as store_module
        from tests.support.store import IRAN_REPORT, NK_OTHER_REPORT, NK_REPORT, make_article
        s = open_store({db!r})
        with s.ingest_run(["batch1", "batch2"]) as run:
            s.add_articles([make_article(NK_REPORT)], run_id=run)
            real = store_module.published_sort  # called once per article inserted
            calls = []
            def dying(published):
                calls.append(published)
                if len(calls) == 2:  # IRAN_REPORT inserted, NK_OTHER_REPORT not yet
                    os._exit(9)
                return real(published)
            store_module.published_sort = dying
            s.add_articles([make_article(IRAN_REPORT), make_article(NK_OTHER_REPORT)], run_id=run)
    """)
    root = REPO
    proc = subprocess.run([sys.executable, "-c", script], cwd=root, timeout=120)
    assert proc.returncode == 9
    with open_store(db) as s:
        assert [a.text for a in s.iter_articles()] == [NK_REPORT]
        (run,) = s.ingest_runs()
        assert (run.finished_at, run.added, run.inputs) == (None, 1, ["batch1", "batch2"])
        again = s.add_articles([make_article(t) for t in (NK_REPORT, IRAN_REPORT, NK_OTHER_REPORT)])
        assert [o.status for o in again] == ["duplicate", "added", "added"]


def test_ingest_run_counts(store: Store) -> None:
    with store.ingest_run(["a.jsonl"]) as run:
        store.add_articles([make_article(NK_REPORT), make_article(NK_REPORT)], run_id=run)
        store.count_skipped(run, 2)
    (recorded,) = store.ingest_runs()
    assert recorded.finished_at is not None
    assert (recorded.added, recorded.duplicates, recorded.copies) == (1, 3, 0)


# ------------------------------------------------------------ reading


def test_article_round_trip(store: Store) -> None:
    article = make_article(NK_REPORT, url="https://example.com/nk", title="Talks in Pyongyang",
                           outlet="Arab News", published="2025-11-07T09:30:00+09:00")
    article.author = "Kim Tong-hyung"
    article.extra = {"section": "World", "tags": ["Korea", "Россия"]}
    store.add_articles([article])
    assert store.get_article(article.id) == article


def test_missing_article_says_how_to_list_ids(store: Store) -> None:
    for call in (store.get_article, store.get_annotations, store.copies_of):
        with pytest.raises(NotFoundError, match="no article") as found:
            call("0000000000000000")
        assert "export articles" in describe(found.value)  # the CLI's words for the hint


def test_iter_articles_orders(store: Store) -> None:
    late = make_article(NK_REPORT, published="2025-11-07T01:00:00+09:00")  # 2025-11-06 16:00Z
    early = make_article(IRAN_REPORT, published="2025-11-06T12:00:00Z")
    undated = make_article(NK_OTHER_REPORT)
    store.add_articles([undated, late, early])
    assert [a.id for a in store.iter_articles()] == [early.id, late.id, undated.id]
    assert [a.id for a in store.iter_articles("added")] == [undated.id, late.id, early.id]
    assert [a.id for a in store.iter_articles("id")] == sorted([undated.id, late.id, early.id])
    assert store.count_articles() == 3


# ------------------------------------------------------------ search


def _corpus(store: Store) -> None:
    fillers = [make_article(f"Weather in region {i}: rain {i} mm, wind {i * 3} km/h, sun later.")
               for i in range(12)]
    store.add_articles([
        make_article(NK_REPORT, title="North Korean and Russian officials meet in Pyongyang",
                     outlet="Arab News", published="2025-11-07"),
        make_article(NK_OTHER_REPORT, title="Russia and North Korea pledge closer ties"),
        make_article(IRAN_REPORT, title="Trump was told Iran attack is high risk"),
        *fillers,
    ])


def test_search_finds_by_word_with_snippet(store: Store) -> None:
    _corpus(store)
    hits = store.search("Goremykin")
    assert len(hits) == 2
    assert all("[Goremykin" in h.snippet for h in hits)
    assert store.search("casualties")[0].title == "Trump was told Iran attack is high risk"
    assert store.search("delegations")  # stemming: "delegation" in the text


def test_search_ranks_title_and_frequency_first(store: Store) -> None:
    _corpus(store)
    hits = store.search("Pyongyang")
    assert hits[0].outlet == "Arab News" and hits[0].published == "2025-11-07"
    assert hits[0].score > hits[1].score
    assert len(store.search("korea", limit=1)) == 1


def test_search_phrase_or_and_exclusion(store: Store) -> None:
    _corpus(store)
    assert len(store.search('"Operation Epic Fury"')) == 1
    assert store.search('"Fury Epic Operation"') == []
    assert len(store.search("casualties OR Goremykin")) == 3
    assert len(store.search("Goremykin -Kursk")) == 1


@pytest.mark.parametrize("query", ['"', '"Korea', "*", "korea*", "(", "(korea", ")", "-", "--",
                                   "AND", "OR", "NOT", "korea AND", "NEAR(a b)", "title:korea",
                                   "^korea", "'", "", "   ", "a:b:c", "{x}", "x\\y", "%s", "?"])
def test_search_syntax_characters_never_crash(store: Store, query: str) -> None:
    _corpus(store)
    hits = store.search(query)
    assert isinstance(hits, list)


@pytest.mark.parametrize(("query", "fts5"), [
    ('"north korea" troops', '"north korea" AND "troops"'),
    ("iran OR russia talks", '("iran" OR "russia") AND "talks"'),
    ("korea -iran", '("korea") NOT "iran"'),
    ("(a AND b) NOT c* x:y", '"a" AND "b" AND "c" AND "x y"'),
    ('-only * "', None),
])
def test_queries_become_safe_fts5(query: str, fts5: str | None) -> None:
    assert to_fts5(query) == fts5


# ------------------------------------------------------------ annotations and entities


def _annotations(text: str) -> Annotations:
    pak = text.index("Pak Yong Il")
    kcna = text.index("KCNA")
    full = text.index("Korean Central News Agency")
    return Annotations(
        sentences=[Span(0, 120, text[:120])],
        entities=[
            EntityMention(pak, pak + 11, "Pak Yong Il", "PERSON", "Q_pak", "Pak Yong Il",
                          roles=["vice director of the General Political Bureau"]),
            EntityMention(kcna, kcna + 4, "KCNA", "ORG", "Q_kcna", "Korean Central News Agency"),
            EntityMention(full, full + 26, "Korean Central News Agency", "ORG", "Q_kcna",
                          "Korean Central News Agency", country="PRK"),
        ],
        times=[TimeExpr(10, 18, "Wednesday", "DATE", "2025-11-05")],
        quantities=[Quantity(5, 11, "15,000", 15000.0, approx=True, counted="troops")],
        attributions=[Attribution(cue=Span(1, 5, "said"), source=Span(0, 4, "KCNA"),
                                  content=None, entity_id="Q_kcna")],
        events=[Event(type="CONSULT", start=0, end=120, trigger=Span(30, 35, "talks"),
                      source=Actor(pak, pak + 11, "Pak Yong Il", entity_id="Q_pak"),
                      sources=[Actor(pak, pak + 11, "Pak Yong Il", entity_id="Q_pak")],
                      date="2025-11-05", date_granularity="day", modality="reported")],
    )


def test_annotations_round_trip(store: Store) -> None:
    bare, annotated = make_article(IRAN_REPORT), make_article(NK_REPORT)
    ann = _annotations(NK_REPORT)
    store.add_articles([bare, annotated], [None, ann])
    assert store.get_annotations(annotated.id) == ann
    assert store.get_annotations(bare.id) is None
    store.put_annotations(bare.id, Annotations())
    assert store.get_annotations(bare.id) == Annotations()



def test_a_quantity_change_round_trips(store: Store) -> None:
    # a change's earlier value and direction ("fell from 96 kilograms to 88") are kept in
    # the layer's JSON on every backend, not only the later value
    article = make_article(NK_REPORT)
    q = Quantity(40, 42, "88", 88.0, unit="kilogram", change="down", old_value=96.0,
                 old_start=22, old_end=34)
    store.add_articles([article], [Annotations(quantities=[q])])
    back = store.get_annotations(article.id)
    assert back is not None
    (got,) = back.quantities
    assert (got.value, got.change, got.old_value, got.old_start, got.old_end) == (
        88.0, "down", 96.0, 22, 34)


def test_a_quantity_stored_before_the_change_fields_loads(store: Store) -> None:
    # a row written by an older model, without change fields, loads with them empty
    article = make_article(NK_REPORT)
    store.add_articles([article], [None])
    old_row = '[{"start": 5, "end": 11, "text": "15,000", "value": 15000.0}]'
    store.put_annotations(article.id, decode_layers({"quantities": old_row}))
    back = store.get_annotations(article.id)
    assert back is not None
    (got,) = back.quantities
    assert (got.value, got.change, got.old_value, got.old_start) == (15000.0, None, None, None)


def test_entities_aliases_and_counts(store: Store) -> None:
    first, second = make_article(NK_REPORT), make_article(NK_OTHER_REPORT)
    other_kcna = NK_OTHER_REPORT.index("KCNA")
    second_ann = Annotations(entities=[EntityMention(
        other_kcna, other_kcna + 4, "KCNA", "ORG", "Q_kcna", "Korean Central News Agency")])
    store.add_articles([first, second], [_annotations(NK_REPORT), second_ann])
    entities = {e.id: e for e in store.iter_entities()}
    kcna = entities["Q_kcna"]
    assert (kcna.name, kcna.type, kcna.country) == ("Korean Central News Agency", "ORG", "PRK")
    assert kcna.aliases == ["KCNA", "Korean Central News Agency"]
    assert (kcna.mentions, kcna.articles) == (3, 2)
    assert (entities["Q_pak"].mentions, entities["Q_pak"].articles) == (1, 1)
    assert next(iter(store.iter_entities())).id == "Q_kcna"  # most articles first
    # Re-annotating replaces the mentions instead of adding to them.
    store.put_annotations(first.id, Annotations())
    kcna = next(e for e in store.iter_entities() if e.id == "Q_kcna")
    assert (kcna.mentions, kcna.articles) == (1, 1)
