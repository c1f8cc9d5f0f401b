"""Escaping, headers, token, Host/Origin checks, read-only and capped ingest."""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from sitrep.cli.serve import serve_cmd
from sitrep.web import WebSettings, create_app

TOKEN = "s3cret-token-0123456789"


@pytest.fixture(scope="module")
def client(web_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(WebSettings(db=str(web_db)))) as c:
        yield c


def _pages(client: TestClient) -> list[str]:
    story = client.get("/api/stories", params={"q": "Pyongyang"}).json()["items"][0]["id"]
    return ["/", "/?sort=disputes", f"/stories/{story}", f"/stories/{story}/timeline",
            f"/stories/{story}/outlets", f"/stories/{story}?since=2025-11-01",
            "/articles/xss-1", "/articles/xss-2?cite=0-10", "/articles/xss-3",
            "/articles/xss-1/fragment?cite=5-40", "/articles", "/search?q=Pyongyang",
            "/search?q=ministry", "/discrepancies", "/entities"]


def test_untrusted_text_is_escaped_everywhere(client: TestClient) -> None:
    for path in _pages(client):
        html = client.get(path).text
        assert "<script>window" not in html, path
        assert not re.search(r"<(img|svg|iframe)\b[^>]*\bon\w+=", html, re.I), path
        assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", html, re.I), path
        assert not re.search(r"""src\s*=\s*["']?\s*javascript:""", html, re.I), path
    page = client.get("/articles/xss-1").text
    assert "&lt;script&gt;window.__pwned=" in page
    assert 'class="unsafe-url"' in page  # the javascript: URL is shown as text, not a link


def test_security_headers(client: TestClient) -> None:
    for path in ("/", "/api/stories", "/static/sitrep.css", "/no/such/page"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp
        assert "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"


def test_token_required_by_header_or_cookie(web_db: Path) -> None:
    app = create_app(WebSettings(db=str(web_db), token=TOKEN))
    with TestClient(app) as c:
        assert c.get("/").status_code == 401
        assert c.get("/api/stories", headers={"Authorization": "Bearer nope"}).status_code == 401
        assert c.get("/api/stories",
                     headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
        login = c.get(f"/search?q=Korea&token={TOKEN}", follow_redirects=False)
        assert login.status_code == 303 and login.headers["location"] == "/search?q=Korea"
        assert "HttpOnly" in login.headers["set-cookie"]
        assert c.get("/search?q=Korea").status_code == 200  # the cookie now
        c.cookies.clear()
        assert c.get("/search?q=Korea").status_code == 401


def test_serve_refuses_public_address_without_token() -> None:
    result = CliRunner().invoke(serve_cmd, ["--host", "0.0.0.0", "--db", "x.db"])
    assert result.exit_code == 2 and "without --token" in result.output
    short = CliRunner().invoke(serve_cmd, ["--host", "0.0.0.0", "--token", "short"])
    assert short.exit_code == 2


def test_host_and_origin_checks(web_db: Path) -> None:
    app = create_app(WebSettings(db=str(web_db), allowed_hosts=["testserver"]))
    with TestClient(app) as c:
        assert c.get("/", headers={"host": "evil.example"}).status_code == 400
        posted = c.post("/api/ingest/records", json=[{"text": "x"}],
                        headers={"origin": "http://evil.example"})
        assert posted.status_code == 403


def test_read_only_refuses_ingest(web_db: Path) -> None:
    with TestClient(create_app(WebSettings(db=str(web_db), read_only=True))) as c:
        assert c.post("/api/ingest/records", json=[{"text": "Some text."}]).status_code == 403
        files = {"files": ("a.txt", b"Some text.", "text/plain")}
        assert c.post("/api/ingest/upload", files=files).status_code == 403
        assert c.post("/ingest", files=files).status_code == 403


def test_upload_and_records_go_through_the_pipeline(web_db_copy: Path) -> None:
    page = (b"<html><head><title>Port strike in Busan</title><script>window.__pwned=1</script>"
            b"</head><body><article><h1>Port strike in Busan</h1><p>Dock workers in Busan said "
            b"on Monday that 3,000 members would strike over pay, the union said.</p><p>The port "
            b"authority said talks with the union would continue this week.</p></article>"
            b"</body></html>")
    with TestClient(create_app(WebSettings(db=str(web_db_copy)))) as c:
        up = c.post("/api/ingest/upload", files=[
            ("files", ("busan.html.gz", gzip.compress(page), "application/gzip")),
        ])
        assert up.status_code == 200, up.text
        assert up.json()["added"] == 1 and not up.json()["errors"]
        hits = c.get("/api/search", params={"q": "Busan"}).json()["hits"]
        assert hits and hits[0]["story"]
        rec = c.post("/api/ingest/records", json=[{
            "id": "rec-1", "title": "Ferry sinks", "outlet": "Harbour News",
            "text": "A ferry sank near Mokpo on Sunday, the coast guard said."}])
        assert rec.status_code == 200 and rec.json()["added"] == 1
        assert c.get("/api/articles/rec-1").json()["text"].startswith("A ferry sank")
        again = c.post("/api/ingest/records", json=[{"id": "rec-1", "text": "A ferry sank."}])
        assert again.json()["duplicates"] == 1
        bad = c.post("/api/ingest/upload", files={"files": ("x.exe", b"MZ", "application/x")})
        assert bad.status_code == 415
        assert c.post("/api/ingest/records", json=[]).status_code == 422


def test_uploads_are_capped(web_db_copy: Path) -> None:
    with TestClient(create_app(WebSettings(db=str(web_db_copy), max_upload_bytes=4096))) as c:
        big = {"files": ("big.txt", b"word " * 2000, "text/plain")}
        assert c.post("/api/ingest/upload", files=big).status_code == 413
        records = [{"text": "word " * 1000}]
        assert c.post("/api/ingest/records", json=records).status_code == 413
