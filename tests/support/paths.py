"""Where the tests find files outside the package: the repository, its examples and ../shared.

``../shared`` (seeds, example corpus, gold data) is located here and nowhere else:
``SITREP_SHARED`` names it, otherwise it is the sibling folder of the repository.
Tests that need it skip, with the reason, when it is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"


def shared_dir() -> Path:
    """The ../shared folder (it may not exist: see ``require_shared``)."""
    configured = os.environ.get("SITREP_SHARED")
    return Path(configured) if configured else REPO.parent / "shared"


def require_shared(*parts: str) -> Path:
    """A path under ../shared, or a skip saying where it was looked for."""
    path = shared_dir().joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found (set SITREP_SHARED to the shared folder)")
    return path


def seeds_dir() -> Path:
    """The seed documents: they ship in examples/ too, so tests run without ../shared."""
    for candidate in (EXAMPLES / "seeds", shared_dir() / "seeds"):
        if candidate.is_dir():
            return candidate
    pytest.skip("seed documents not found (examples/seeds or ../shared/seeds)")


def news_page() -> Path:
    """The seed news page (two articles glued together, with site chrome)."""
    return next(seeds_dir().glob("002_*.txt"))


def voa_corpus() -> Path:
    """The VOA example corpus (JSON Lines)."""
    for candidate in (EXAMPLES / "voa" / "voa_stories.jsonl",
                      shared_dir() / "corpus" / "voa_stories.jsonl"):
        if candidate.is_file():
            return candidate
    pytest.skip("VOA example corpus not found")
