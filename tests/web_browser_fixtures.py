"""Browser-test fixtures shared by the test_web_browser*.py files.

Import the ``*_fixture`` functions in a test module (they register as ``base_url``,
``browser`` and ``page``); the module is skipped (with the
reason) when chromium or playwright is absent.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitrep.web import WebSettings
from tests.web_fixtures import CHROMIUM, chromium, serving

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


def require_browser() -> None:
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"browser tests need chromium at {CHROMIUM} (apt-get install chromium)",
                    allow_module_level=True)
    pytest.importorskip("playwright",
                        reason="browser tests need playwright (pip install playwright)")


@pytest.fixture(name="base_url", scope="module")
def base_url_fixture(web_db: Path) -> Iterator[str]:
    with serving(WebSettings(db=str(web_db), read_only=True)) as url:
        yield url


@pytest.fixture(name="browser", scope="module")
def browser_fixture(base_url: str) -> Iterator[Any]:
    with chromium(bypass_csp=True) as context:  # bypass: axe-core is injected as a script
        yield context


@pytest.fixture(name="page")
def page_fixture(browser: Any) -> Iterator[Any]:
    p = browser.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda exc: errors.append(str(exc)))
    yield p
    p.close()
    assert not errors, errors


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
