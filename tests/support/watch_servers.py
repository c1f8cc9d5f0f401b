"""Real servers on loopback for the watch tests: a news site whose feeds change
between polls (ETags, 304s, 429 with Retry-After, a broken feed, a hanging page,
robots.txt), a webhook receiver and an SMTP server (aiosmtpd, with STARTTLS
and a login)."""

from __future__ import annotations

import hashlib
import json
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from tests.support.http_server import running


@dataclass
class Story:
    slug: str
    title: str
    text: str
    published: str = "Fri, 07 Nov 2025 09:00:00 GMT"


@dataclass
class Site:
    """What the site serves now; tests change it between polls."""

    feeds: dict[str, list[Story]] = field(default_factory=dict)
    broken: set[str] = field(default_factory=set)  # feed names answering malformed XML
    throttled: dict[str, int] = field(default_factory=dict)  # feed -> Retry-After seconds
    hanging: set[str] = field(default_factory=set)  # page slugs that never answer in time
    robots: str = "User-agent: *\nDisallow: /private/\n"
    log: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    hang_s: float = 5.0
    page_delay_s: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def feed_xml(self, base: str, name: str) -> bytes:
        items = "".join(
            f"<item><title>{escape(s.title)}</title><link>{base}/{'private/' if s.slug.startswith('p-') else ''}news/{s.slug}</link>"
            f"<pubDate>{s.published}</pubDate><description>{escape(s.text[:60])}</description></item>"
            for s in self.feeds[name])
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{name} news</title>'
                f"{items}</channel></rss>").encode()

    def page(self, slug: str) -> bytes | None:
        for stories in self.feeds.values():
            for s in stories:
                if s.slug == slug:
                    paras = "".join(f"<p>{escape(p)}</p>" for p in s.text.split("\n") if p)
                    return (f"<html><head><title>{escape(s.title)}</title></head><body>"
                            f"<article><h1>{escape(s.title)}</h1>{paras}</article></body></html>"
                            ).encode()
        return None

    def requests(self, prefix: str, status: int | None = None) -> list[tuple[str, str, dict[str, str]]]:
        with self.lock:
            return [r for r in self.log if r[0].startswith(prefix)
                    and (status is None or r[1] == str(status))]


def _reply(h: BaseHTTPRequestHandler, status: int, body: bytes = b"",
           ctype: str = "text/html", headers: dict[str, str] | None = None) -> None:
    h.send_response(status)
    for k, v in (headers or {}).items():
        h.send_header(k, v)
    if status != 304:
        h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    if status != 304:
        h.wfile.write(body)


@contextmanager
def serve_site(site: Site) -> Iterator[str]:
    """The site on 127.0.0.1; yields its base URL."""
    holder: dict[str, str] = {}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body in separate sends

        def do_GET(self) -> None:
            status = self._route()
            with site.lock:
                site.log.append((self.path, str(status), dict(self.headers)))

        def _route(self) -> int:
            path = self.path
            if path == "/robots.txt":
                _reply(self, 200, site.robots.encode(), "text/plain")
                return 200
            if path.startswith("/feed/"):
                name = path.removeprefix("/feed/").removesuffix(".xml")
                if name in site.throttled:
                    _reply(self, 429, b"slow down", "text/plain",
                           {"Retry-After": str(site.throttled[name])})
                    return 429
                if name in site.broken:
                    _reply(self, 200, b"<rss><channel><item>broken", "application/rss+xml")
                    return 200
                if name not in site.feeds:
                    _reply(self, 404, b"no feed", "text/plain")
                    return 404
                body = site.feed_xml(holder["base"], name)
                etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    _reply(self, 304, headers={"ETag": etag})
                    return 304
                _reply(self, 200, body, "application/rss+xml", {"ETag": etag})
                return 200
            slug = path.rsplit("/", 1)[-1]
            if slug in site.hanging:
                time.sleep(site.hang_s)
            elif site.page_delay_s:
                time.sleep(site.page_delay_s)
            page = site.page(slug)
            if page is None:
                _reply(self, 404, b"gone", "text/plain")
                return 404
            with suppress(BrokenPipeError, ConnectionResetError):
                _reply(self, 200, page)
            return 200

        def log_message(self, *args: object) -> None:
            pass

    with running(Handler) as base:
        holder["base"] = base
        yield base


@contextmanager
def webhook_receiver(*statuses: int) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Collects the JSON POSTed to it, answering ``statuses`` in turn, then 200;
    yields its URL and the bodies received."""
    received: list[dict[str, Any]] = []
    answers = list(statuses)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            received.append(json.loads(self.rfile.read(length)))
            _reply(self, answers.pop(0) if answers else 200, b"{}", "application/json")

        def log_message(self, *args: object) -> None:
            pass

    with running(Handler) as base:
        yield f"{base}/hook", received


def self_signed_cert(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 made with the openssl command."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Mailbox:
    port: int
    cert: Path
    messages: list[Message] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)


@contextmanager
def smtp_server(folder: Path, user: str, password: str) -> Iterator[Mailbox]:
    """aiosmtpd on loopback requiring STARTTLS and a login before mail is accepted."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    cert, key = self_signed_cert(folder)
    box = Mailbox(_free_port(), cert)

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            box.messages.append(message_from_bytes(envelope.content))
            return "250 OK"

    def authenticate(server: Any, session: Any, envelope: Any, mechanism: str,
                     auth_data: Any) -> AuthResult:
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user
              and auth_data.password.decode() == password)
        if ok:
            box.logins.append(user)
        return AuthResult(success=ok)

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(cert), str(key))
    controller = Controller(Handler(), hostname="127.0.0.1", port=box.port,
                            tls_context=context, require_starttls=True,
                            authenticator=authenticate, auth_required=True)
    controller.start()
    try:
        yield box
    finally:
        controller.stop()
