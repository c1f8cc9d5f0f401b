"""The place map of a story and of an entity, in a real browser, with no tile server."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from sitrep.pipeline import ingest
from sitrep.store import open_store
from sitrep.web import WebSettings
from tests.support.cli import write_jsonl
from tests.support.paths import REPO
from tests.support.web import CHROMIUM, chromium, serving

ARTIFACTS = REPO / "test-artifacts"

if not os.path.exists(CHROMIUM):
    pytest.skip(f"browser tests need chromium at {CHROMIUM} (apt-get install chromium)",
                allow_module_level=True)
pytest.importorskip("playwright", reason="browser tests need playwright (pip install playwright)")

RECORDS = [
    {"id": f"q{i}", "title": f"Attack near Quetta ({i})", "published": f"2024-05-0{i}",
     "outlet": outlet, "url": f"https://{outlet}/quetta-{i}",
     "text": f"Militants attacked a police post in Quetta on Monday, officials in Islamabad said. "
             f"Security forces later searched villages near Gwadar and Karachi. ({i})"}
    for i, outlet in ((1, "dawn.example.pk"), (2, "wire.example.com"))
]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("placemap")
    db = folder / "map.db"
    with open_store(str(db)) as store:
        report = ingest([write_jsonl(folder / "q.jsonl", RECORDS)], store)
    assert not report.errors
    with serving(WebSettings(db=str(db), read_only=True)) as url:
        yield url


def test_story_and_entity_pages_draw_their_places(base_url: str) -> None:
    requests: list[str] = []
    with chromium() as context:
        page = context.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.goto(base_url + "/")
        page.locator("ol.stories a").first.click()
        page.wait_for_selector("section.place-map svg")
        svg = page.locator("section.place-map svg")
        assert len(svg.locator("path").get_attribute("d") or "") > 10_000  # the world outline
        names = page.locator("section.place-map svg circle.pin title").all_text_contents()
        assert any(n.startswith("Quetta") for n in names), names
        assert any(n.startswith("Karachi") for n in names), names
        box = svg.bounding_box()
        assert box is not None and box["width"] > 200 and box["height"] > 80
        ARTIFACTS.mkdir(exist_ok=True)
        svg.screenshot(path=str(ARTIFACTS / "place_map_story.png"))
        # a pin leads to its place's entity page, where that place is the highlighted one
        page.locator("section.place-map a", has=page.locator("title", has_text="Quetta")).click()
        page.wait_for_selector("section.place-map svg")
        assert "Quetta" in page.locator("h1").inner_text()
        here = page.locator("section.place-map circle.pin[fill='#c0392b'] title")
        assert here.count() == 1 and (here.text_content() or "").startswith("Quetta")
        page.screenshot(path=str(ARTIFACTS / "place_map_entity.png"), full_page=True)
    # everything the pages loaded came from the app itself: no tile or map service
    assert requests and all(u.startswith(base_url) for u in requests), requests
