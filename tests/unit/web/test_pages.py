"""What an analyst sees on the pages (issue 16): outlets, badges, timelines, "since",
errors, the article view, accessibility markup, exports and outlet comparison."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from sitrep.web import WebSettings, create_app
from tests.support.web import ODD_ID

RAW_TIMEX = re.compile(r"\b\d{4}-(?:W\d{2}|SP|SU|FA|WI|Q[1-4]|H[12])\b")


@pytest.fixture(scope="module")
def client(web_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(WebSettings(db=str(web_db), read_only=True))) as c:
        yield c


def _story_of(client: TestClient, article: str) -> dict[str, Any]:
    story = client.get(f"/api/articles/{article}").json()["story"]
    return dict(client.get(f"/api/stories/{story}").json())


def test_outlet_comes_from_the_url_when_the_record_names_none(client: TestClient) -> None:
    article = client.get("/api/articles/voa/7808748").json()
    assert article["outlet"] == "voanews.com"
    page = client.get("/articles/voa/7808748").text
    assert "voanews.com" in page and "unknown outlet" not in page
    home = client.get("/").text
    assert re.search(r'<option value="voanews.com"', home)
    found = client.get("/api/stories", params={"outlet": "voanews.com"}).json()
    assert found["total"] >= 1
    assert client.get("/", params={"outlet": "voanews.com"}).text.count('class="story-link"') >= 1
    listed = client.get("/api/articles", params={"outlet": "voanews.com"}).json()["items"]
    assert {a["id"] for a in listed} >= {"voa/7808748", "voa/7836916"}
    hits = client.get("/api/search", params={"q": "tariff"}).json()["hits"]
    assert any(h["outlet"] == "voanews.com" for h in hits)


def test_claims_never_name_a_local_path(client: TestClient) -> None:
    for row in client.get("/api/discrepancies").json()["items"]:
        for c in row["claims"]:
            for value in (c.get("outlet"), c.get("source")):
                assert not value or ("/" not in value and not value.endswith(".txt")), value


def test_badges_count_conflicts_only_and_agree_everywhere(web_db: Path) -> None:
    # A fresh app: nothing computed yet, and the home page must still be right.
    with TestClient(create_app(WebSettings(db=str(web_db), read_only=True))) as c:
        home = c.get("/").text
        listed = c.get("/api/stories", params={"limit": 500}).json()["items"]
        quake = _story_of(c, "quake-1")
        for s in listed:
            brief = c.get(f"/api/stories/{s['id']}/brief").json()
            conflicts = sum(1 for d in brief["discrepancies"] if d["conflict"])
            assert (s["disputes"], s["updates"]) == (conflicts,
                                                     len(brief["discrepancies"]) - conflicts)
            detail = c.get(f"/api/stories/{s['id']}").json()
            assert (detail["disputes"], detail["updates"]) == (s["disputes"], s["updates"])
    assert quake["updates"] == 1 and quake["disputes"] == 0
    assert any(s["disputes"] for s in listed)
    assert re.search(r'class="badge dispute">\d+ conflicting report', home)
    assert re.search(r'class="badge update">1 update<', home)


def test_timelines_list_each_sentence_once_with_human_dates(client: TestClient) -> None:
    story = _story_of(client, "nk-other")
    items = client.get(f"/api/stories/{story['id']}/timeline").json()["items"]
    keys = [(t["article"], t["start"]) for t in items]
    assert len(keys) == len(set(keys)) and len({t["text"] for t in items}) == len(items)
    for path in (f"/stories/{story['id']}/timeline", f"/stories/{story['id']}",
                 "/articles/nk-other"):
        shown = re.sub(r'datetime="[^"]*"', "", client.get(path).text)
        assert not RAW_TIMEX.search(shown), (path, RAW_TIMEX.search(shown))
    # The brief and the story timeline date a sentence alike.
    brief = client.get(f"/api/stories/{story['id']}/brief").json()
    dated = {(c["article"], c["start"]): e["date"] for e in brief["timeline"]
             for c in e["citations"]}
    for t in items:
        if (t["article"], t["start"]) in dated:
            assert t["date"] == dated[(t["article"], t["start"])]
    # ... and so does each article's page.
    compared = 0
    for article in {a for a, _ in dated}:
        rows = re.findall(r'<time class="date" datetime="([^"]*)">.*?<a href="\?cite=(\d+)-',
                           client.get(f"/articles/{article}").text)
        on_page = {int(start): day for day, start in rows}
        for (a, start), day in dated.items():
            if a == article and start in on_page:
                assert on_page[start] == day, (article, start)
                compared += 1
    assert compared >= 3


def test_human_dates() -> None:
    from sitrep.render.readable_dates import human_date

    assert human_date("2024-FA") == "autumn 2024"
    assert human_date("2025-W45") == "week of 3 Nov 2025"
    assert human_date("2025-11-07") == "7 Nov 2025"
    assert human_date(None) == "undated"


def test_since_marks_only_later_items_and_says_what_changed(client: TestClient) -> None:
    story = _story_of(client, "quake-1")
    day_of_first = "2025-10-06"  # quake-1's own day: not "after" it
    brief = client.get(f"/api/stories/{story['id']}/brief",
                       params={"since": day_of_first}).json()
    new_sources = {s["article"] for s in brief["sources"] if s.get("new")}
    assert new_sources == {"quake-2"}
    assert brief["changes"]["articles"] == 1 and "1 new article" in brief["changes"]["text"]
    texts: dict[str, set[bool]] = {}
    for section in ("summary", "facts", "timeline"):
        for item in brief[section]:
            texts.setdefault(item["text"], set()).add(bool(item.get("new")))
            if item.get("new"):
                assert all(c["article"] in new_sources for c in item["citations"])
    assert all(len(flags) == 1 for flags in texts.values()), texts
    page = client.get(f"/stories/{story['id']}", params={"since": day_of_first}).text
    assert 'id="changes"' in page and "1 new article" in page
    later = client.get(f"/api/stories/{story['id']}/brief", params={"since": "2025-10-08"})
    assert not any(s.get("new") for s in later.json()["sources"])


def test_error_pages_show_no_server_details(client: TestClient, web_db: Path) -> None:
    for path in ("/stories/no-such", "/articles/no-such", "/entities/no-such",
                 "/api/stories/no-such", "/api/articles/no-such"):
        r = client.get(path)
        assert r.status_code == 404, path
        assert str(web_db) not in r.text and "sitrep stories" not in r.text, path
        assert "list them" not in r.text and "`" not in r.text, path
    unknown = client.get("/no/such/page")
    assert unknown.status_code == 404 and unknown.headers["content-type"].startswith("text/html")
    assert "<h1>Not found</h1>" in unknown.text
    assert client.get("/api/no/such").headers["content-type"].startswith("application/json")
    for path in ("/?date_from=2025-13-45", "/?date_to=yesterday", "/?page=0", "/?page=abc",
                 "/articles?page=-1", "/entities?page=99999999999999999999",
                 "/discrepancies?page=x", "/?sort=nonsense"):
        r = client.get(path)
        assert r.status_code == 422, path
        assert r.headers["content-type"].startswith("text/html") and "<h1>" in r.text
    story = _story_of(client, "nk-other")["id"]
    assert client.get(f"/stories/{story}", params={"since": "0"}).status_code == 422
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/")
    assert 'rel="icon"' in client.get("/").text


def test_api_rejects_bad_numbers_and_dates(client: TestClient) -> None:
    for params in ({"date_to": "0"}, {"date_from": "1"}, {"offset": "9" * 30},
                   {"offset": "-1"}, {"date_to": "2025-02-30"}):
        assert client.get("/api/stories", params=params).status_code == 422, params
    story = _story_of(client, "nk-other")["id"]
    assert client.get(f"/api/stories/{story}/brief", params={"since": "0"}).status_code == 422
    assert client.get("/api/articles", params={"offset": 10 ** 12}).status_code == 422
    assert client.get("/api/stories", params={"date_to": "2025-11-30"}).status_code == 200


def test_slash_ids_round_trip(client: TestClient) -> None:
    article = client.get("/api/articles/voa/7836916").json()
    assert article["id"] == "voa/7836916"
    assert client.get("/api/articles/voa/7836916/annotations").json()["article"] == "voa/7836916"
    assert client.get("/articles/voa%2F7836916").status_code == 200
    assert client.get("/articles/voa/7836916/fragment?cite=0-20").status_code == 200
    listed = client.get("/articles", params={"outlet": "voanews.com"}).text
    assert 'href="/articles/voa%2F7836916"' in listed
    odd = quote(ODD_ID, safe="")
    assert client.get(f"/api/articles/{odd}").json()["id"] == ODD_ID
    assert client.get(f"/api/articles/{odd}/annotations").json()["article"] == ODD_ID
    page = client.get(f"/articles/{odd}")
    assert page.status_code == 200 and "Gdansk" in page.text
    assert client.get(f"/articles/{odd}/fragment").status_code == 200
    assert f'href="/articles/{odd}"' in client.get("/articles", params={"outlet": "Odd Wire"}).text


def test_article_view_has_one_layer_on_and_human_times(client: TestClient) -> None:
    page = client.get("/articles/nk-other").text
    boxes = re.findall(r'<input type="checkbox" data-layer="(\w+)"( checked)?>', page)
    assert [name for name, on in boxes if on] == ["ent"] and len(boxes) == 5
    assert re.search(r'class="article-text hide-time hide-qty hide-attr hide-ev"', page)
    assert "7 Nov 2025, 12:00 UTC" in page and "2025-11-07T12:00:00" not in page.replace(
        'datetime="2025-11-07T12:00:00+00:00"', "")


class _Outline(HTMLParser):
    """Headings, navs, inputs with their labels, live regions."""

    def __init__(self) -> None:
        super().__init__()
        self.levels: list[int] = []
        self.navs: list[dict[str, str | None]] = []
        self.inputs: list[dict[str, str | None]] = []
        self.labels: set[str] = set()
        self.live: list[str] = []
        self.first_link: str | None = None
        self.in_label = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))
        if tag == "nav":
            self.navs.append(a)
        if tag == "label":
            self.in_label += 1
            if a.get("for"):
                self.labels.add(str(a["for"]))
        if tag in ("input", "select", "textarea") and a.get("type") != "hidden":
            self.inputs.append({**a, "wrapped": "1" if self.in_label else None})
        if a.get("aria-live") and tag in ("aside", "div", "section", "main"):
            self.live.append(tag)
        if tag == "a" and self.first_link is None:
            self.first_link = a.get("href")

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.in_label -= 1


def test_pages_are_accessible_in_their_markup(client: TestClient) -> None:
    story = _story_of(client, "nk-other")["id"]
    entity = client.get("/api/entities", params={"q": "kcna"}).json()["items"][0]["id"]
    for path in ("/", f"/stories/{story}", f"/stories/{story}/timeline",
                 f"/stories/{story}/outlets", "/articles/nk-other", f"/entities/{entity}",
                 "/discrepancies", "/entities", "/articles", "/search?q=troops", "/ingest",
                 "/no/such"):
        outline = _Outline()
        outline.feed(client.get(path).text)
        assert outline.first_link == "#main", path  # the skip link comes first
        assert outline.levels[0] == 1, path
        jumps = [(a, b) for a, b in zip(outline.levels, outline.levels[1:], strict=False) if b > a + 1]
        assert not jumps, (path, outline.levels)
        assert all(n.get("aria-label") for n in outline.navs), (path, outline.navs)
        assert len({n.get("aria-label") for n in outline.navs}) == len(outline.navs), path
        for field in outline.inputs:
            assert (field.get("aria-label") or field.get("wrapped")
                    or field.get("id") in outline.labels), (path, field)
        assert not outline.live, path


def test_exports_and_outlet_comparison(client: TestClient) -> None:
    story = _story_of(client, "nk-other")["id"]
    md = client.get(f"/stories/{story}/brief.md")
    assert md.status_code == 200 and md.text.startswith("# ")
    assert "attachment" in md.headers["content-disposition"]
    html = client.get(f"/stories/{story}/brief.html")
    assert html.status_code == 200 and "<h1>" in html.text
    csv_rows = client.get("/stories.csv").text.splitlines()
    assert csv_rows[0].startswith("id,title,") and len(csv_rows) > 3
    articles = client.get("/articles.csv", params={"outlet": "voanews.com"}).text.splitlines()
    assert articles[0] == "id,title,outlet,published,url" and len(articles) == 3
    claims = client.get("/discrepancies.csv").text.splitlines()
    assert claims[0].startswith("story,story_title,kind,conflict") and len(claims) >= 3
    page = client.get(f"/stories/{story}/outlets").text
    assert "Wire Service" in page and "Key figures by outlet" in page
    assert re.search(r"<tr class=\"differ\">", page)  # 15,000 against 10 000 troops
    assert "Conflicting reports and updates by outlet" in page
    assert re.search(r'class="badge dispute">conflict</span>', page)


def test_responses_are_compressed(client: TestClient) -> None:
    r = client.get("/", headers={"accept-encoding": "gzip"})
    assert r.headers.get("content-encoding") == "gzip"


def test_postgresql_outlets_and_nul_characters(pg_schema_url: str, voa_corpus: Path,
                                               tmp_path: Path) -> None:
    from sitrep.pipeline import ingest
    from sitrep.store import open_store
    from sitrep.stories.assign import assign_unassigned
    from tests.support.cli import write_jsonl
    from tests.support.web import update_records, url_only_records

    with open_store(pg_schema_url) as store:
        ingest([write_jsonl(tmp_path / "voa.jsonl", url_only_records(voa_corpus)),
                write_jsonl(tmp_path / "quake.jsonl", update_records())], store)
        assign_unassigned(store)
    with TestClient(create_app(WebSettings(db=pg_schema_url, read_only=True))) as c:
        assert c.get("/api/articles/voa/7808748").json()["outlet"] == "voanews.com"
        listed = c.get("/api/articles", params={"outlet": "voanews.com"}).json()["items"]
        assert {a["outlet"] for a in listed} == {"voanews.com"} and len(listed) == 2
        assert c.get("/api/stories", params={"outlet": "VOAnews.com"}).json()["total"] >= 1
        assert '<option value="voanews.com"' in c.get("/").text
        quake = _story_of(c, "quake-1")
        assert (quake["disputes"], quake["updates"]) == (0, 1)
        entity = c.get("/api/entities", params={"limit": 1}).json()["items"][0]["id"]
        for path in ("/", "/?sort=disputes", "/?q=earthquake", f"/stories/{quake['id']}",
                     f"/stories/{quake['id']}?since=2025-10-06",
                     f"/stories/{quake['id']}/timeline", f"/stories/{quake['id']}/outlets",
                     "/articles/quake-2?cite=0-40", f"/entities/{entity}",
                     f"/entities/{entity}/timeline", "/entities?q=mersin", "/search?q=Mersin",
                     "/discrepancies", "/stories.csv", "/articles.csv", "/discrepancies.csv"):
            assert c.get(path).status_code == 200, path
        assert "<svg" in c.get(f"/stories/{quake['id']}").text
        for path in ("/api/stories?outlet=a%00b", "/?q=%00", "/api/search?q=x%00",
                     "/entities?q=%00", "/articles/a%00b"):
            r = c.get(path)
            assert r.status_code == 400 and "NUL" in r.text, (path, r.status_code)


def test_corrections_in_the_page_and_the_api(web_db_copy: Path) -> None:
    with TestClient(create_app(WebSettings(db=str(web_db_copy)))) as c:
        story = _story_of(c, "nk-other")
        page = c.get(f"/stories/{story['id']}").text
        assert 'action="/stories/' in page and 'name="action"' in page
        split = c.post(f"/stories/{story['id']}/corrections",
                       data={"action": "split", "articles": ["nk-other"]},
                       follow_redirects=False)
        assert split.status_code == 303
        new_id = split.headers["location"].rsplit("/", 1)[1]
        assert new_id != story["id"]
        assert c.get("/api/articles/nk-other").json()["story"] == new_id
        merged = c.post(f"/api/stories/{story['id']}/corrections",
                        json={"action": "merge", "story": new_id})
        assert merged.status_code == 200 and merged.json()["story"] == story["id"]
        assert c.get("/api/articles/nk-other").json()["story"] == story["id"]
        bad = c.post(f"/stories/{story['id']}/corrections",
                     data={"action": "move", "articles": ["quake-1"], "target": new_id})
        assert bad.status_code == 422 and "not articles of this story" in bad.text
        cross = c.post(f"/stories/{story['id']}/corrections", data={"action": "pin"},
                       headers={"origin": "http://evil.example"})
        assert cross.status_code == 403
    from sitrep.store import open_store

    with open_store(str(web_db_copy)) as store:  # the same records as `sitrep story`
        log = [e for e in store.stories.history(story["id"]) if e["manual"]]
        assert [e["action"] for e in log][-2:] == ["split", "merge"]
    with TestClient(create_app(WebSettings(db=str(web_db_copy), read_only=True))) as ro:
        assert ro.post(f"/stories/{story['id']}/corrections",
                       data={"action": "pin", "articles": ["nk-other"]}).status_code == 403
        assert ro.post(f"/api/stories/{story['id']}/corrections",
                       json={"action": "pin", "articles": ["nk-other"]}).status_code == 403
        assert 'id="correct"' not in ro.get(f"/stories/{story['id']}").text


def test_story_previews_and_coverage_charts(client: TestClient) -> None:
    story = _story_of(client, "quake-1")
    listed = client.get("/api/stories", params={"outlet": "Harbour Gazette"}).json()["items"]
    assert [s["id"] for s in listed] == [story["id"]]
    # The lead opens the article the story is titled after.
    texts = [a["text"] for a in (client.get(f"/api/articles/{i}").json()
                                 for i in ("quake-1", "quake-2"))
             if a["title"] == listed[0]["title"]]
    assert texts and listed[0]["lead"]
    assert " ".join(texts[0].split()).startswith(listed[0]["lead"])
    assert listed[0]["actors"] and all(a["id"] and a["name"] for a in listed[0]["actors"])
    home = client.get("/", params={"outlet": "Harbour Gazette"}).text
    assert f'<p class="preview">{listed[0]["lead"]}</p>' in home
    chart = client.get(f"/stories/{story['id']}").text
    bars = re.findall(r"<rect [^>]*><title>([^<]+)</title>", chart)
    assert bars == ["6 Oct 2025: 1 article", "8 Oct 2025: 1 article"]
    assert 'role="img" aria-label="2 articles from 2 Oct 2025 to 8 Oct 2025' in chart
    entity = client.get("/api/entities", params={"q": "kcna"}).json()["items"][0]["id"]
    assert "<svg" in client.get(f"/entities/{entity}").text
    assert "matching articles" in client.get("/search", params={"q": "troops"}).text
