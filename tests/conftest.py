"""Shared fixtures: paths to the seeds, the example corpus and gold data beside the repo."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.store_fixtures import (  # noqa: F401  (fixtures for every test file)
    pg_schema_url_fixture,
    store_db_fixture,
    store_fixture,
)

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    # The seeds ship in examples/ too, so tests run without ../shared.
    for candidate in (EXAMPLES / "seeds", SHARED / "seeds"):
        if candidate.is_dir():
            return candidate
    pytest.skip("seed documents not found (examples/seeds or ../shared/seeds)")


@pytest.fixture(scope="session")
def news_page(seeds_dir: Path) -> Path:
    return next(seeds_dir.glob("002_*.txt"))


@pytest.fixture(scope="session")
def seed_brief(seeds_dir: Path) -> Path:
    return next(seeds_dir.glob("000_*.txt"))


@pytest.fixture(scope="session")
def voa_corpus() -> Path:
    for candidate in (
        EXAMPLES / "voa" / "voa_stories.jsonl",
        SHARED / "corpus" / "voa_stories.jsonl",
    ):
        if candidate.is_file():
            return candidate
    pytest.skip("VOA example corpus not found")
