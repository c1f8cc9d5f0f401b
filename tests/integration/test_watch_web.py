"""``sitrep serve --watch``: the watcher beside the web app. Stories appear as the
feed changes, watchlists are managed over the API, alerts come out as an Atom
feed, and an open page says what is new without a reload (real chromium)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from lxml import etree

from tests.support.cli import SITREP
from tests.support.watch import voa_stories
from tests.support.watch_servers import Site, serve_site
from tests.support.web import CHROMIUM, chromium

ATOM = "{http://www.w3.org/2005/Atom}"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _until(check: Callable[[], Any], what: str, seconds: float = 60) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = check()
        except httpx.HTTPError:
            value = None
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def test_serve_watch_keeps_stories_current_and_serves_alerts(
        voa_corpus: Path, file_db: str) -> None:
    stories = voa_stories(voa_corpus, 8)
    site = Site(feeds={"wire": stories[:3]})
    port = _port()
    app = f"http://127.0.0.1:{port}"
    with serve_site(site) as base:
        proc = subprocess.Popen(
            [*SITREP, "serve", "--db", file_db, "--port", str(port), "--watch",
             f"{base}/feed/wire.xml", "--interval", "1s", "--jitter", "0", "--host-delay", "0",
             "--no-annotate", "--timeout", "5"], stderr=subprocess.PIPE, text=True)
        try:
            _until(lambda: httpx.get(f"{app}/api/news").json()["latest"] == 3, "3 articles")
            put = httpx.put(f"{app}/api/watchlists/desk", json={"outlets": ["wire news"]})
            assert put.status_code == 200, put.text
            assert put.json()["atom"].endswith("/watchlists/desk.atom")
            site.feeds["wire"].extend(stories[3:5])
            news = _until(lambda: (r := httpx.get(f"{app}/api/news?after=3").json())
                          ["articles"] == 2 and r, "the feed's new items")
            assert news["latest"] == 5 and news["stories"]
            alerts = _until(lambda: httpx.get(f"{app}/api/watchlists/desk/alerts").json(),
                            "alerts")
            feed = etree.fromstring(httpx.get(f"{app}/watchlists/desk.atom").content)
            entries = feed.findall(f"{ATOM}entry")
            assert len(entries) == len(alerts) >= 1
            links = [e.find(f"{ATOM}link[@rel='alternate']").get("href") for e in entries]
            assert all(link.startswith(f"{app}/stories/") for link in links)
            assert httpx.get(links[0]).status_code == 200
            health = _until(lambda: (h := httpx.get(f"{app}/api/feeds").json())
                            [0]["not_modified"] >= 1 and h, "a poll answered 304")
            assert health[0]["articles"] == 5 and health[0]["last_error"] is None
            if os.path.exists(CHROMIUM):
                _page_shows_news(app, site, stories)
        finally:
            proc.send_signal(signal.SIGTERM)
            _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err


def _page_shows_news(app: str, site: Site, stories: list[Any]) -> None:
    pytest.importorskip("playwright")
    with chromium() as context:
        page = context.new_page()
        page.goto(app + "/")
        page.evaluate("localStorage.setItem('sitrep.poll', '1')")
        page.reload()  # this visit: everything so far is seen
        page.wait_for_function("localStorage.getItem('sitrep.seen') === '5'")
        site.feeds["wire"].append(stories[5])
        page.wait_for_selector("#news:not([hidden])", timeout=30_000)
        assert "1 new article" in page.inner_text("#news")
        page.click("#news button")
        assert page.evaluate("localStorage.getItem('sitrep.seen')") == "6"
        page.goto(app + "/watchlists")
        assert "desk" in page.inner_text("main")
