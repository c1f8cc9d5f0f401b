"""Browser tests: the skip when chromium or playwright is absent, and screenshots."""

from __future__ import annotations

import os
from typing import Any

import pytest

from tests.support.paths import REPO
from tests.support.web import CHROMIUM

ARTIFACTS = REPO / "test-artifacts"


def require_browser() -> None:
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"browser tests need chromium at {CHROMIUM} (apt-get install chromium)",
                    allow_module_level=True)
    pytest.importorskip("playwright",
                        reason="browser tests need playwright (pip install playwright)")


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
