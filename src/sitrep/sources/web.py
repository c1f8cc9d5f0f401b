"""Fetching http(s) URLs with httpx: bounded in time, size and redirects.

Time is bounded twice: each read waits at most ``timeout`` seconds, and the
whole fetch (redirects, headers and body) ends after ``deadline`` seconds, so a
server that drips one byte every few seconds cannot hold a batch forever.

``Fetcher`` takes an httpx transport, the one seam tests use to talk to a
real server on loopback or to a mock transport; nothing is patched.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from sitrep import __version__
from sitrep.errors import FetchError
from sitrep.sources.files import DEFAULT_MAX_BYTES, is_url

USER_AGENT = f"sitrep/{__version__} (news brief builder; +https://pypi.org/project/sitrep/)"


@contextlib.contextmanager
def http_errors(url: str) -> Iterator[None]:
    """httpx failures as a FetchError that says what went wrong."""
    try:
        yield
    except httpx.TooManyRedirects as err:
        raise FetchError(url, "too many redirects") from err
    except httpx.TimeoutException as err:
        raise FetchError(url, "timed out; the server did not answer in time") from err
    except httpx.UnsupportedProtocol as err:
        raise FetchError(url, f"redirected to an unsupported URL ({err})") from err
    except httpx.HTTPError as err:
        raise FetchError(url, f"cannot be reached ({type(err).__name__}: {err})") from err


def read_body(response: httpx.Response, url: str, max_bytes: int,
              deadline: float | None = None) -> bytes:
    """The body of a streamed response, refused past ``max_bytes`` (whatever
    Content-Length says) or past ``deadline`` (a time.monotonic() value)."""
    too_big = f"page is larger than the {max_bytes // (1024 * 1024) or 1} MB limit"
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(url, too_big)
    body = bytearray()
    for chunk in response.iter_bytes():
        body.extend(chunk)
        if len(body) > max_bytes:
            raise FetchError(url, too_big)
        if deadline is not None and time.monotonic() > deadline:
            raise FetchError(url, "timed out; the page did not arrive in time")
    return bytes(body)


@dataclass(slots=True)
class Fetched:
    url: str  # final URL after redirects
    content: bytes
    content_type: str


DEFAULT_DEADLINE = 60.0


class _Deadline:
    """Shuts the sockets of one fetch when its time is up, wherever the fetch waits.

    httpx reports each new connection through its ``trace`` extension; a timer
    shuts those sockets down at the deadline, which ends any blocked read.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def trace(self, event: str, info: dict[str, Any]) -> None:
        if event != "connection.connect_tcp.complete":
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if isinstance(sock, socket.socket):
            with self._lock:
                self._sockets.append(sock)
                if self.expired:
                    _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed
        sock.shutdown(socket.SHUT_RDWR)


class Fetcher:
    """Fetches one URL at a time; reuse it for a batch.

    Connections are not kept alive: each fetch opens its own, which is what
    lets the deadline reach a fetch that waits for headers.
    """

    def __init__(
        self,
        *,
        timeout: float = 20.0,
        deadline: float = DEFAULT_DEADLINE,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_redirects: int = 5,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.max_bytes = max_bytes
        self.deadline = deadline
        self._client = httpx.Client(
            limits=httpx.Limits(max_keepalive_connections=0),
            timeout=httpx.Timeout(timeout),
            follow_redirects=True,
            max_redirects=max_redirects,
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "text/html,application/xhtml+xml,"
                "application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5",
            },
            transport=transport,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str) -> Fetched:
        if not is_url(url):
            raise FetchError(url, "only http:// and https:// URLs can be fetched")
        with _Deadline(self.deadline) as deadline:
            try:
                return self._fetch(url, deadline)
            except FetchError:
                if deadline.expired:
                    raise self._late(url) from None
                raise

    def _late(self, url: str) -> FetchError:
        return FetchError(url, f"took longer than {self.deadline:g} s in all (the server sends "
                          "too slowly); nothing of it was used; try again later")

    def _fetch(self, url: str, deadline: _Deadline) -> Fetched:
        with (http_errors(url),
              self._client.stream("GET", url, extensions={"trace": deadline.trace}) as response):
            if response.status_code >= 400:
                raise FetchError(url, f"server answered HTTP {response.status_code}")
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > self.max_bytes:
                raise FetchError(url, f"page is larger than the {self._mb} MB limit")
            body = bytearray()
            for chunk in response.iter_bytes():
                if deadline.expired:
                    raise self._late(url)
                body.extend(chunk)
                if len(body) > self.max_bytes:
                    raise FetchError(url, f"page is larger than the {self._mb} MB limit")
            if deadline.expired:  # the body may have been cut short
                raise self._late(url)
            final = str(response.url)
            ctype = response.headers.get("content-type", "")
        if not body.strip():
            raise FetchError(url, "server sent an empty page")
        return Fetched(url=final, content=bytes(body), content_type=ctype)

    @property
    def _mb(self) -> int:
        return self.max_bytes // (1024 * 1024)
