"""Fetching URLs and feed links from a real HTTP server on loopback."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.errors import FetchError, InputError
from sitrep.models import SourceDoc
from sitrep.sources import Fetcher, read_inputs
from tests.support.http_server import chunked_forever, redirect, send, serve, slow

PAGE = b"<html><head><title>Port news</title></head><body><article><p>Cranes arrived.</p></article></body></html>"


def feed_for(base: str) -> bytes:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Port feed</title>
<item><title>Cranes</title><link>{base}/cranes</link><description>Teaser only.</description></item>
<item><title>Gone</title><link>{base}/gone</link><description>Kept from the feed.</description></item>
</channel></rss>""".encode()


def test_fetch_page_follows_redirects_and_sends_user_agent() -> None:
    routes = {"/old": redirect("/new"), "/new": lambda h: send(h, PAGE)}
    with serve(routes) as (base, seen), Fetcher() as fetcher:
        got = fetcher.fetch(base + "/old")
    assert got.url == base + "/new"
    assert got.content == PAGE
    assert any(s.startswith("UA:sitrep/") for s in seen)


@pytest.mark.parametrize(
    ("path", "routes", "reason"),
    [
        ("/missing", {}, "HTTP 404"),
        ("/loop", {"/loop": redirect("/loop")}, "too many redirects"),
        ("/big", {"/big": lambda h: send(h, b"<p>" + b"y" * 300_000 + b"</p>")}, "MB limit"),
        ("/stream", {"/stream": chunked_forever}, "MB limit"),
        ("/slow", {"/slow": slow(2.0)}, "timed out"),
        ("/empty", {"/empty": lambda h: send(h, b"")}, "empty page"),
    ],
)
def test_fetch_failures_are_clear(path: str, routes: dict, reason: str) -> None:
    with (
        serve(routes) as (base, _),
        Fetcher(timeout=0.5, max_bytes=256 * 1024) as fetcher,
        pytest.raises(FetchError) as info,
    ):
        fetcher.fetch(base + path)
    assert reason in info.value.reason
    assert info.value.source == base + path


def test_unreachable_url_is_reported_and_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "ok.txt"
    good.write_text("Still read.")
    # Port 9 on loopback: nothing listens there, the connection is refused at once.
    items = list(read_inputs(["http://127.0.0.1:9/nothing", str(good)], fetch=True))
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 1 and "cannot be reached" in errors[0].reason
    assert [i.content for i in items if isinstance(i, SourceDoc)] == ["Still read."]


def test_non_http_scheme_refused_by_fetcher() -> None:
    with Fetcher() as fetcher, pytest.raises(FetchError, match="http"):
        fetcher.fetch("file:///etc/passwd")


def test_url_input_is_sniffed_as_page_or_feed() -> None:
    routes = {"/page": lambda h: send(h, PAGE), "/feed": lambda h: None}
    with serve(routes) as (base, _):
        routes["/feed"] = lambda h: send(h, feed_for(base), "application/rss+xml")
        items = list(read_inputs([base + "/page", base + "/feed"], fetch=True))
    docs = [i for i in items if isinstance(i, SourceDoc)]
    assert docs[0].kind == "html" and docs[0].meta["url"] == base + "/page"
    # the feed item links are not served here: each is reported, the item text kept
    assert len(docs) == 3


def test_feed_links_fetched_only_with_fetch(tmp_path: Path) -> None:
    with serve({"/cranes": lambda h: send(h, PAGE)}) as (base, seen):
        feed = tmp_path / "feed.rss"
        feed.write_bytes(feed_for(base))
        offline = list(read_inputs([str(feed)]))
        assert [d.content for d in offline if isinstance(d, SourceDoc)] == [
            "Teaser only.",
            "Kept from the feed.",
        ]
        assert not [s for s in seen if not s.startswith("UA:")]
        online = list(read_inputs([str(feed)], fetch=True))
    fetched = [d for d in online if isinstance(d, SourceDoc)]
    errors = [d for d in online if isinstance(d, InputError)]
    assert fetched[0].kind == "html" and fetched[0].meta["title"] == "Cranes"
    assert fetched[0].meta["url"] == base + "/cranes"
    # the second link is a 404: reported, and the item's own text is used instead
    assert len(errors) == 1 and "404" in errors[0].reason
    assert fetched[1].kind == "record" and fetched[1].content == "Kept from the feed."
