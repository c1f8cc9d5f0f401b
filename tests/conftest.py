"""Fixtures every test folder may use, and the ``quality`` mark of tests/quality.

Paths outside the package (seeds, example corpus, ../shared) come from
tests/support/paths.py. ``store`` runs each test on every backend: SQLite in
memory, SQLite in a temporary file and PostgreSQL, where each test gets its own
fresh schema (dropped afterwards). ``web_db`` is a real annotated store built
once per session for the web tests.
"""

from __future__ import annotations

import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from sitrep.models import Article
from sitrep.pipeline import extract_inputs, ingest
from sitrep.store import Store, open_store
from tests.support import paths
from tests.support.cli import short_records, write_jsonl
from tests.support.store import BACKENDS, PG_URL, pg_unreachable, with_search_path
from tests.support.watch import FILE_BACKENDS
from tests.support.web import (
    hostile_records,
    odd_id_record,
    other_report,
    update_records,
    url_only_records,
)

QUALITY = Path(__file__).parent / "quality"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Gold quality gates are marked by folder, so ``-m "not quality"`` is a quick run."""
    for item in items:
        if QUALITY in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.quality)


# ---------------------------------------------------------------- paths


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return paths.seeds_dir()


@pytest.fixture(scope="session")
def news_page() -> Path:
    return paths.news_page()


@pytest.fixture(scope="session")
def seed_brief(seeds_dir: Path) -> Path:
    return next(seeds_dir.glob("000_*.txt"))


@pytest.fixture(scope="session")
def seed_article(news_page: Path) -> Article:
    """The first article of the seed page (Russia–North Korea talks in Pyongyang)."""
    found = [a for a in extract_inputs([str(news_page)])
             if isinstance(a, Article) and "Pyongyang" in (a.title or "")]
    assert found, "the Russia–North Korea article was not split out of the seed page"
    return found[0]


@pytest.fixture(scope="session")
def voa_corpus() -> Path:
    return paths.voa_corpus()


# ---------------------------------------------------------------- stores


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    """A URL whose search_path is a fresh, empty schema, dropped after the test."""
    reason = pg_unreachable()
    if reason:
        pytest.skip(reason)
    schema = f"sitrep_test_{secrets.token_hex(6)}"
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield with_search_path(PG_URL, schema)
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


@pytest.fixture(params=BACKENDS)
def store_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The ``db`` argument for open_store, one per backend."""
    if request.param == "sqlite-memory":
        return ":memory:"
    if request.param == "sqlite-file":
        return str(tmp_path_factory.mktemp("store") / "sitrep.db")
    return str(request.getfixturevalue("pg_schema_url"))


@pytest.fixture
def store(store_db: str) -> Iterator[Store]:
    with open_store(store_db) as opened:
        yield opened


@pytest.fixture(params=FILE_BACKENDS)
def file_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A store another process can open too (no SQLite in memory)."""
    if request.param == "sqlite-file":
        return str(tmp_path / "watch.db")
    return str(request.getfixturevalue("pg_schema_url"))


# ---------------------------------------------------------------- web


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path, voa_corpus: Path) -> Path:
    """A SQLite store file, built once; tests that write use ``web_db_copy``."""
    folder = tmp_path_factory.mktemp("web")
    inputs = [
        *sorted(seeds_dir.glob("*.txt")),
        write_jsonl(folder / "other.jsonl", [other_report()]),
        write_jsonl(folder / "voa.jsonl", short_records(voa_corpus, 4)),
        write_jsonl(folder / "hostile.jsonl", hostile_records()),
        write_jsonl(folder / "updates.jsonl", update_records()),
        write_jsonl(folder / "voa-raw.jsonl", url_only_records(voa_corpus)),
        write_jsonl(folder / "odd.jsonl", [odd_id_record()]),
    ]
    db = folder / "web.db"
    with open_store(str(db)) as opened:
        report = ingest(inputs, opened)
    assert not report.errors, report.errors
    return db


@pytest.fixture
def web_db_copy(web_db: Path, tmp_path: Path) -> Path:
    """A private copy of the session store (closed, so its WAL is folded in)."""
    target = tmp_path / "copy.db"
    shutil.copyfile(web_db, target)
    return target
