"""The JSON API and the pages over a real annotated store (FastAPI TestClient)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from sitrep.store import open_store
from sitrep.web import WebSettings, create_app


@pytest.fixture(scope="module")
def client(web_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(WebSettings(db=str(web_db), read_only=True))) as c:
        yield c


@pytest.fixture(scope="module")
def nk_story(client: TestClient) -> dict[str, Any]:
    """The seed's Pyongyang talks: the story holding the second outlet's report."""
    got = client.get("/api/stories", params={"outlet": "Wire Service"}).json()
    assert got["total"] == 1
    return dict(got["items"][0])


def test_story_list_filters_and_sorts(client: TestClient, nk_story: dict[str, Any]) -> None:
    everything = client.get("/api/stories").json()
    assert everything["total"] >= 4
    assert nk_story["articles"] >= 2 and "Wire Service" in nk_story["outlets"]
    by_size = client.get("/api/stories", params={"sort": "size"}).json()["items"]
    assert by_size[0]["articles"] == max(s["articles"] for s in everything["items"])
    searched = client.get("/api/stories", params={"q": "Goremykin"}).json()
    assert nk_story["id"] in [s["id"] for s in searched["items"]]
    by_entity = client.get("/api/stories", params={"entity": "KCNA"}).json()
    assert nk_story["id"] in [s["id"] for s in by_entity["items"]]
    assert client.get("/api/stories", params={"date_from": "2031-01-01"}).json()["total"] == 0
    disputes = client.get("/api/stories", params={"sort": "disputes"}).json()["items"]
    counts = [s["disputes"] or 0 for s in disputes]
    assert counts == sorted(counts, reverse=True)
    assert client.get("/api/stories", params={"sort": "nonsense"}).status_code == 422


def test_story_detail_brief_and_citations(client: TestClient, nk_story: dict[str, Any]) -> None:
    detail = client.get(f"/api/stories/{nk_story['id']}").json()
    assert len(detail["members"]) == nk_story["articles"]
    assert detail["entities"]
    # Why its reports were grouped: names they share, on the API and on the story page.
    kinds = {r["kind"] for r in detail["shared"]}
    assert kinds & {"person", "place", "organisation"}, detail["shared"]
    page = client.get(f"/stories/{nk_story['id']}").text
    assert "Grouped by what its reports share" in page
    assert detail["shared"][0]["label"] in page
    brief = client.get(f"/api/stories/{nk_story['id']}/brief").json()
    for key in ("story", "title", "summary", "facts", "actors", "timeline", "discrepancies",
                "sources"):
        assert key in brief
    cites = [c for item in brief["summary"] + brief["facts"] for c in item["citations"]]
    assert cites
    for c in cites[:10]:
        text = client.get(f"/api/articles/{c['article']}").json()["text"]
        assert text[c["start"]:c["end"]].strip()
    since = client.get(f"/api/stories/{nk_story['id']}/brief",
                       params={"since": "2025-11-07"}).json()
    assert since["since"] == "2025-11-07"
    timeline = client.get(f"/api/stories/{nk_story['id']}/timeline").json()
    assert all(t["text"] for t in timeline["items"])
    # The Numbers section says who gives each figure, not just the figures.
    page = html.unescape(client.get(f"/stories/{nk_story['id']}").text)
    assert brief["numbers"]
    for n in brief["numbers"]:
        for v in n["values"]:
            assert v["value"] in page and v["source"] in page


def test_article_annotations_are_spans_of_the_text(client: TestClient) -> None:
    hit = client.get("/api/search", params={"q": "Goremykin"}).json()["hits"][0]
    assert hit["story"]
    article = client.get(f"/api/articles/{hit['article_id']}").json()
    ann = client.get(f"/api/articles/{hit['article_id']}/annotations").json()
    assert ann["entities"] and ann["times"] and ann["quantities"]
    for m in ann["entities"]:
        assert article["text"][m["start"]:m["end"]] == m["text"]
    page = client.get(f"/articles/{hit['article_id']}").text
    assert re.search(r'<a class="[^"]*\bent-PERSON\b[^"]*" href="/entities/', page)
    assert re.search(r'class="[^"]*\bqty\b', page) and re.search(r'class="[^"]*\btime\b', page)


def test_entity_detail_and_timeline(client: TestClient) -> None:
    items = client.get("/api/entities", params={"q": "kcna"}).json()["items"]
    assert items
    entity = client.get(f"/api/entities/{items[0]['id']}").json()
    assert entity["aliases"] and entity["stories"] and entity["cooccurring"]
    assert client.get(f"/api/entities/{items[0]['id']}/timeline").status_code == 200
    page = client.get(f"/entities/{items[0]['id']}")
    assert page.status_code == 200 and "Named alongside" in page.text


def test_discrepancies_across_stories(client: TestClient) -> None:
    got = client.get("/api/discrepancies").json()
    assert got["stories_checked"] >= 1
    for d in got["items"]:
        assert d["story"] and d["claims"] and d["explanation"]


@pytest.mark.parametrize("path", ["/", "/?sort=disputes", "/?q=Pyongyang&sort=size",
                                  "/discrepancies", "/entities", "/articles",
                                  "/search?q=troops", "/ingest"])
def test_pages_render(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")


def _sample(client: TestClient, nk_story: dict[str, Any]) -> dict[str, str]:
    article = client.get("/api/articles", params={"limit": 1}).json()["items"][0]["id"]
    entity = client.get("/api/entities", params={"limit": 1}).json()["items"][0]["id"]
    with open_store(cast(FastAPI, client.app).state.settings.db) as store:  # for /api/watchlists/{name}
        store.watch.put_watchlist("sample", {"words": ["Korea"]}, [], "2025-11-07T00:00:00+00:00")
    return {"story_id": nk_story["id"], "article_id": article, "entity_id": entity,
            "name": "sample"}


def test_every_openapi_path_answers_as_documented(client: TestClient,
                                                  nk_story: dict[str, Any]) -> None:
    schema = client.get("/api/openapi.json").json()
    assert schema["paths"]
    ids = _sample(client, nk_story)
    for path, ops in schema["paths"].items():
        for method, op in ops.items():
            codes = set(op["responses"])
            params = {p["name"]: "Korea" for p in op.get("parameters", [])
                      if p["in"] == "query" and p.get("required")}
            real = re.sub(r"{(\w+)}", lambda m: ids[m.group(1)], path)
            if method == "get":
                r = client.get(real, params=params)
                assert r.status_code == 200, (path, r.text)
                assert "200" in codes
                if "{" in path:
                    missing = client.get(re.sub(r"{\w+}", "no-such-id", path), params=params)
                    assert missing.status_code == 404 and "404" in codes, path
            else:  # ingest: this client is read-only
                r = client.request(method.upper(), real, json=[{"text": "x"}])
                assert r.status_code in (403, 422) and str(r.status_code) in codes, path
