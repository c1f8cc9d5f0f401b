"""The analyst's web app in a real browser (issue 16): upload through the form, a phone's
390 px screen, citation targets and permalinks, and axe-core on the main pages.

axe-core comes from the npm registry into tests/browser/node_modules (scripts/test.sh
runs ``npm ci --prefix tests/browser``) and is injected from that file, never a CDN.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from sitrep.web import WebSettings
from tests.support.browser import require_browser, shot
from tests.support.paths import REPO
from tests.support.web import chromium, serving

require_browser()
AXE = REPO / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def ids(base_url: str) -> dict[str, str]:
    """A story with two outlets, one of its articles, an entity."""
    article = "nk-other"
    story = httpx.get(f"{base_url}/api/articles/{article}").json()["story"]
    entity = httpx.get(f"{base_url}/api/entities", params={"q": "kcna"}).json()["items"][0]
    return {"story": story, "article": article, "entity": entity["id"]}


def _pages(ids: dict[str, str]) -> list[str]:
    return ["/", f"/stories/{ids['story']}", f"/articles/{ids['article']}",
            f"/entities/{ids['entity']}", "/discrepancies", f"/stories/{ids['story']}/timeline",
            f"/stories/{ids['story']}/outlets", "/entities", "/articles", "/search?q=troops",
            "/?q=Goremykin&outlet=voanews.com&date_from=2025-01-01", "/ingest", "/no/such",
            f"/articles/{ids['article']}?cite=0-120"]


def test_upload_through_the_form_adds_a_story(web_db_copy: Path,
                                              tmp_path: Path) -> None:
    upload = tmp_path / "busan-strike.txt"
    upload.write_text("Port strike shuts Busan container docks\n\n"
                      "BUSAN, South Korea: Dock workers in Busan said on Monday that 3,000 union "
                      "members would strike over pay, shutting the city's container terminals. "
                      "The port authority said talks with the union would continue this week.\n",
                      encoding="utf-8")
    with serving(WebSettings(db=str(web_db_copy))) as url, chromium() as context:
        p = context.new_page()
        p.goto(url + "/ingest")
        p.set_input_files("#files", str(upload))
        p.click("form[action='/ingest'] button[type=submit]")
        p.wait_for_selector("text=See the stories", timeout=120_000)
        assert "added 1" in p.inner_text("main"), p.inner_text("main")
        p.click("text=See the stories")
        p.wait_for_url(url + "/")
        titles = p.locator("a.story-link").all_inner_texts()
        assert any("Busan" in t for t in titles), titles


def test_every_page_fits_a_phone_and_a_tap_does_not_jump(page: Any, base_url: str,
                                                         ids: dict[str, str]) -> None:
    page.set_viewport_size(PHONE)
    for path in _pages(ids):
        page.goto(base_url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], (path, width)
    page.goto(f"{base_url}/stories/{ids['story']}")
    shot(page, "phone-brief")
    links = page.locator("#brief a.citation")
    target = links.nth(links.count() // 2)
    target.scroll_into_view_if_needed()
    before = page.evaluate("window.scrollY")
    target.click()
    mark = page.locator("#source-panel mark#cite")
    mark.wait_for()
    after = page.evaluate("window.scrollY")
    assert abs(after - before) < 40, (before, after)
    box = mark.bounding_box()
    assert box and 0 <= box["y"] < PHONE["height"], box  # the cited words are on screen
    shot(page, "phone-citation")
    page.click("#panel-close")
    assert not page.locator("#source-panel").is_visible()


def test_citation_targets_are_24px_and_open_from_a_permalink(page: Any, base_url: str,
                                                             ids: dict[str, str]) -> None:
    page.goto(f"{base_url}/stories/{ids['story']}")
    sizes = page.eval_on_selector_all(
        "#brief a.citation", "els => els.map(e => [e.offsetWidth, e.offsetHeight])")
    assert sizes and all(w >= 24 and h >= 24 for w, h in sizes), sizes
    link = page.locator("#brief a.citation").nth(1)
    article, start, end = (link.get_attribute(k) for k in ("data-article", "data-start",
                                                            "data-end"))
    link.click()
    page.locator("#source-panel mark#cite").wait_for()
    assert page.url.endswith(f"#cite={article}:{start}-{end}")
    status = page.inner_text("#panel-status")
    assert status.startswith("Showing source"), status
    fresh = page.context.new_page()
    fresh.goto(page.url)
    fresh.locator("#source-panel mark#cite").wait_for()
    assert fresh.locator("#brief a.citation.active").get_attribute("data-start") == start
    fresh.close()
    # Keyboard: the skip link is the first Tab stop and lands on the content.
    page.goto(f"{base_url}/stories/{ids['story']}")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        pytest.skip(f"axe-core is not installed: run `npm ci --prefix tests/browser` ({AXE})")
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations(page: Any, base_url: str, ids: dict[str, str],
                                 axe_source: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    found: dict[str, Any] = {}
    for path in _pages(ids):
        for width in (1400, PHONE["width"]):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(base_url + path)
            page.add_script_tag(content=axe_source)
            result = page.evaluate("""async () => {
                const r = await axe.run(document, {runOnly: {type: 'tag', values:
                    ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}});
                return r.violations.map(v => ({id: v.id, impact: v.impact,
                    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
            }""")
            if result:
                found[f"{path} @{width}"] = result
    assert not found, json.dumps(found, indent=1)[:4000]


def test_print_shows_the_brief_alone(page: Any, base_url: str, ids: dict[str, str]) -> None:
    page.goto(f"{base_url}/stories/{ids['story']}")
    page.emulate_media(media="print")
    for hidden in ("header.top", "#source-panel", "form.since", "nav.tools"):
        assert not page.locator(hidden).is_visible(), hidden
    assert page.locator("#brief h1").is_visible()
    page.emulate_media(media="screen")
    assert page.locator("header.top").is_visible()
