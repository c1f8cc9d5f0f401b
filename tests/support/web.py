"""A real store for the web tests, built once per session, and hostile records.

The store holds the seed documents, another report on the seed's talks (a
second outlet, so the story has two sources), a few VOA records and records
whose title, outlet, URL and text carry script payloads. All are annotated
for real through the normal ingest pipeline. ``serving`` runs the app on a
free loopback port and ``chromium`` opens Debian's chromium with Playwright.
"""

from __future__ import annotations

import json
import os
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn

from sitrep.web import WebSettings, create_app
from tests.support.store import NK_OTHER_REPORT

# Every payload sets window.__pwned if it ever runs.
XSS_TITLE = '<script>window.__pwned="title"</script>Pyongyang <img src=x onerror="window.__pwned=\'img\'">'
XSS_OUTLET = "<img src=x onerror=window.__pwned='outlet'>Evil Daily"
XSS_URL = "javascript:window.__pwned='url'"
XSS_TEXT = (
    "SEOUL: North Korea's Korean Central News Agency said on Friday that "
    "<script>window.__pwned='text'</script> Kim Jong Un met Russian officials in Pyongyang. "
    '<img src=x onerror="window.__pwned=\'text-img\'"> South Korea\'s spy agency said around '
    "15,000 troops had gone to Russia. <a href=\"javascript:window.__pwned='a'\">read more</a> "
    '"><svg onload=window.__pwned=\'svg\'>'
)


def hostile_records() -> list[dict[str, Any]]:
    return [
        {"id": "xss-1", "title": XSS_TITLE, "outlet": XSS_OUTLET, "url": XSS_URL,
         "published": "2025-11-08", "text": XSS_TEXT},
        {"id": "xss-2", "title": "Data link <b>bold</b>", "outlet": "</title><script>window.__pwned='o2'</script>",
         "url": " JaVaScRiPt:window.__pwned='url2'", "published": "2025-11-09",
         "text": "Data: the ministry in Seoul said 12 ships left port on Monday. "
                 "<iframe src=\"javascript:window.__pwned='iframe'\"></iframe>"},
        {"id": "xss-3", "title": "Quote break", "outlet": "Wire",
         "url": "https://example.org/a?x=\"><script>window.__pwned='q'</script>",
         "published": "2025-11-09", "text": "Officials in Tokyo said talks would resume on Tuesday."},
    ]


def update_records() -> list[dict[str, Any]]:
    """One outlet's figure rising over two days: an update, not a dispute."""
    return [
        {"id": "quake-1", "outlet": "Harbour Gazette", "published": "2025-10-06T18:00:00Z",
         "title": "Earthquake kills 12 in coastal town of Mersin",
         "text": "MERSIN, Turkey: An earthquake killed 12 people in the coastal town of Mersin on "
                 "Monday, the disaster agency AFAD said. Rescue teams searched collapsed "
                 "buildings through the night."},
        {"id": "quake-2", "outlet": "Harbour Gazette", "published": "2025-10-08T18:00:00Z",
         "title": "Mersin earthquake toll rises",
         "text": "MERSIN, Turkey: The earthquake in the coastal town of Mersin has killed 31 "
                 "people, the disaster agency AFAD said on Wednesday, as rescue teams searched "
                 "collapsed buildings."},
    ]


def url_only_records(voa_corpus: Path) -> list[dict[str, Any]]:
    """VOA's own record shape (a URL, no outlet field), ids with a slash."""
    base = [json.loads(line) for line in voa_corpus.open(encoding="utf-8")][-2:]
    return [{"id": f"voa/{r['id']}", "url": r["url"], "title": r["title"],
             "published": r["published"], "text": r["text"][:900].rsplit(" ", 1)[0]}
            for r in base]


ODD_ID = "odd id ?#%é/1"  # every character that needs care in a URL path


def odd_id_record() -> dict[str, Any]:
    return {"id": ODD_ID, "outlet": "Odd Wire", "published": "2025-09-01",
            "title": "Harbour cranes idle in Gdansk",
            "text": "GDANSK, Poland: Cranes at the port of Gdansk stood idle on Monday after "
                    "a power failure, the port authority said."}


def other_report() -> dict[str, Any]:
    return {"id": "nk-other", "title": "Russian and North Korean defence officials pledge closer ties",
            "outlet": "Wire Service", "url": "https://wire.example.com/nk-talks",
            "published": "2025-11-07T12:00:00+00:00", "text": NK_OTHER_REPORT}


def dumps(records: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


# ---------------------------------------------------------------- server and browser

CHROMIUM = os.environ.get("SITREP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(settings: WebSettings) -> Iterator[str]:
    """Run the app in a thread; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def chromium(**options: Any) -> Iterator[Any]:
    """A Playwright browser context on Debian's chromium with a fresh profile
    (``options``: more context options, e.g. ``bypass_csp`` to inject axe-core)."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="sitrep-chromium-") as profile, \
            sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
            viewport={"width": 1400, "height": 1000}, **options)
        try:
            yield context
        finally:
            context.close()
