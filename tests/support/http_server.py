"""A real HTTP server on loopback for fetch tests (no mocks, no network)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = Callable[[BaseHTTPRequestHandler], None]


def send(
    handler: BaseHTTPRequestHandler, body: bytes, ctype: str = "text/html", status: int = 200
) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", ctype)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def redirect(to: str) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", to)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return route


def slow(seconds: float) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        send(handler, b"<html><body><p>late</p></body></html>")

    return route


def chunked_forever(handler: BaseHTTPRequestHandler) -> None:
    """Streams without a Content-Length until the client hangs up (bounded here)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    try:
        for _ in range(4096):
            handler.wfile.write(b"<p>" + b"x" * 1020 + b"</p>")
    except (BrokenPipeError, ConnectionResetError):
        pass


@contextmanager
def serve(routes: dict[str, Route]) -> Iterator[tuple[str, list[str]]]:
    """Serve ``routes`` on 127.0.0.1; yields the base URL and the request log."""
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.path)
            seen.append("UA:" + self.headers.get("User-Agent", ""))
            route = routes.get(self.path)
            if route is None:
                send(self, b"not here", "text/plain", 404)
            else:
                route(self)

        def log_message(self, *args: object) -> None:
            pass

    with running(Handler) as base:
        yield base, seen


@contextmanager
def running(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """A threading HTTP server with ``handler`` on a free loopback port; its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def drip(interval: float, count: int = 400, in_headers: bool = False) -> Route:
    """Sends one byte every ``interval`` seconds (within the headers or the body), ``count``
    bytes at most: each read is quick, the whole never ends in useful time."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        wfile = handler.wfile
        try:
            if in_headers:
                wfile.write(b"HTTP/1.1 200 OK\r\n")
                for _ in range(count):
                    wfile.write(b"X")
                    wfile.flush()
                    time.sleep(interval)
                return
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html")
            handler.end_headers()
            wfile.write(b"<html><body><p>")
            for _ in range(count):
                wfile.write(b"x")
                wfile.flush()
                time.sleep(interval)
        except (BrokenPipeError, ConnectionResetError):
            pass

    return route
