"""Browser fixtures of the integration tests: the app served read-only over ``web_db``,
a chromium context and a page that fails the test on any script error. Test modules
call ``tests.support.browser.require_browser()`` to skip when no browser is here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitrep.web import WebSettings
from tests.support.web import chromium, serving


@pytest.fixture(scope="module")
def base_url(web_db: Path) -> Iterator[str]:
    with serving(WebSettings(db=str(web_db), read_only=True)) as url:
        yield url


@pytest.fixture(scope="module")
def browser(base_url: str) -> Iterator[Any]:
    with chromium(bypass_csp=True) as context:  # bypass: axe-core is injected as a script
        yield context


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    p = browser.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda exc: errors.append(str(exc)))
    yield p
    p.close()
    assert not errors, errors
