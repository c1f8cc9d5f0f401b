"""The web app in a real browser: Playwright driving Debian's chromium.

Screenshots of the main pages go to test-artifacts/. Skipped, with the
reason, only when /usr/bin/chromium (or $SITREP_CHROMIUM) or playwright is absent.
"""

from __future__ import annotations

from typing import Any

import httpx

from tests.support.browser import require_browser, shot

require_browser()


def test_search_open_brief_and_follow_a_citation(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    shot(page, "stories")
    page.fill("#story-q", "Goremykin")
    page.press("#story-q", "Enter")
    page.wait_for_url("**/?q=Goremykin*")
    links = page.locator("a.story-link")
    assert links.count() >= 1
    links.first.click()
    page.wait_for_selector("#brief a.citation")
    citation = page.locator("#brief a.citation").first
    article, start, end = (citation.get_attribute(k) for k in ("data-article", "data-start",
                                                                "data-end"))
    assert article and start and end
    text = httpx.get(f"{base_url}/api/articles/{article}").json()["text"]
    citation.click()
    mark = page.locator("#source-panel mark#cite")
    mark.wait_for()
    assert mark.text_content() == text[int(start):int(end)]
    assert mark.is_visible()
    assert page.evaluate("document.activeElement === null || true")
    shot(page, "brief")


def test_citation_link_without_script_opens_the_article(page: Any, base_url: str) -> None:
    stories = httpx.get(f"{base_url}/api/stories", params={"q": "Goremykin"}).json()["items"]
    brief = httpx.get(f"{base_url}/api/stories/{stories[0]['id']}/brief").json()
    c = brief["summary"][0]["citations"][0]
    text = httpx.get(f"{base_url}/api/articles/{c['article']}").json()["text"]
    page.goto(f"{base_url}/articles/{c['article']}?cite={c['start']}-{c['end']}#cite")
    assert page.locator("mark#cite").text_content() == text[c["start"]:c["end"]]
    assert page.locator(".article-text .ent").count() > 0
    page.uncheck("#legend input[data-layer=ent]")
    assert "hide-ent" in (page.locator("#article-text").get_attribute("class") or "")
    shot(page, "article")


def test_hostile_content_never_runs(page: Any, base_url: str) -> None:
    story = httpx.get(f"{base_url}/api/stories", params={"q": "Pyongyang"}).json()["items"][0]
    paths = ["/", "/articles/xss-1", "/articles/xss-2", "/articles/xss-3",
             f"/stories/{story['id']}", "/search?q=Pyongyang", "/search?q=ministry",
             "/articles", "/?q=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E"]
    for path in paths:
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        assert all(h.startswith(("http://", "https://")) for h in hrefs), (path, hrefs)
    page.goto(base_url + "/articles/xss-1")
    assert page.locator(".unsafe-url").count() == 1
    assert "<script>" in page.locator("h1").inner_text()  # shown as text
    page.goto(f"{base_url}/stories/{story['id']}")
    for i in range(page.locator("#brief a.citation").count()):
        page.locator("#brief a.citation").nth(i).click()
        page.locator("#source-panel mark#cite").wait_for()
        assert page.evaluate("typeof window.__pwned") == "undefined"
    shot(page, "hostile-article")


def test_entity_timeline_and_discrepancy_pages(page: Any, base_url: str) -> None:
    entity = httpx.get(f"{base_url}/api/entities", params={"q": "kcna"}).json()["items"][0]
    page.goto(f"{base_url}/entities/{entity['id']}")
    assert page.locator("h1").inner_text().startswith(entity["name"])
    shot(page, "entity")
    page.click("text=timeline")
    page.wait_for_url("**/timeline")
    shot(page, "entity-timeline")
    page.goto(base_url + "/discrepancies")
    shot(page, "discrepancies")
