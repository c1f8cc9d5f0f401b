"""HTTP for the watcher: conditional GETs, Retry-After, per-host politeness, robots.txt.

One ``PoliteClient`` is shared by the watcher's fetch threads. Every request
goes through a ``HostGate``: one request at a time per host, at least
``delay`` seconds apart, and none while the host has asked (429/503 with
Retry-After) to be left alone. Bodies are capped in size and in total time,
so a page that trickles bytes cannot hold a thread.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from sitrep.errors import FetchError, HostBusy, StatusError
from sitrep.sources.files import is_url
from sitrep.sources.web import USER_AGENT, http_errors, read_body

FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
               "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5")
PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
MAX_RETRY_AFTER = 24 * 3600.0
ROBOTS_TTL, ROBOTS_RETRY = 24 * 3600.0, 600.0


@dataclass(slots=True)
class Reply:
    """An answer: 200 with a body, 304 (not modified), or 429/503 (``retry_after`` s)."""

    url: str
    status: int
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    retry_after: float | None = None

    @property
    def retry_later(self) -> bool:
        return self.status in (429, 503)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    wait = (when - (now or datetime.now(UTC))).total_seconds()
    return min(max(wait, 0.0), MAX_RETRY_AFTER)


def host_of(url: str) -> str:
    return urlsplit(url).netloc.lower()


class HostGate:
    """One request at a time per host, ``delay`` seconds apart; honours host back-offs.

    Back-offs are read against ``clock`` (seconds; the watcher's wall clock, which
    a test can move), spacing against the monotonic clock.
    """

    def __init__(self, delay: float, clock: Callable[[], float] = time.time) -> None:
        self.delay = delay
        self.clock = clock
        self._lock = threading.Lock()
        self._hosts: dict[str, tuple[threading.Lock, list[float]]] = {}

    def _entry(self, host: str) -> tuple[threading.Lock, list[float]]:
        with self._lock:
            # [time of the last request's end, time before which the host wants quiet]
            return self._hosts.setdefault(host, (threading.Lock(), [-1e18, 0.0]))

    @contextlib.contextmanager
    def hold(self, url: str) -> Iterator[None]:
        lock, times = self._entry(host_of(url))
        with lock:
            if times[1] > (moment := self.clock()):
                raise HostBusy(times[1] - moment)
            wait = times[0] + self.delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                yield
            finally:
                times[0] = time.monotonic()

    def back_off(self, url: str, seconds: float) -> None:
        _, times = self._entry(host_of(url))
        times[1] = max(times[1], self.clock() + seconds)


class PoliteClient:
    """GETs with validators, size and time caps, through a per-host gate."""

    def __init__(self, *, timeout: float, max_bytes: int, host_delay: float,
                 transport: httpx.BaseTransport | None = None, max_connections: int = 16,
                 clock: Callable[[], float] = time.time) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.gate = HostGate(host_delay, clock)
        self.requests = 0
        self._count = threading.Lock()
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout), follow_redirects=True, max_redirects=5,
            headers={"User-Agent": USER_AGENT}, transport=transport,
            limits=httpx.Limits(max_connections=max_connections,
                                max_keepalive_connections=max_connections))
        self.robots = RobotsCache(self)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            accept: str = FEED_ACCEPT) -> Reply:
        """One GET. Raises FetchError for network errors, timeouts, oversize bodies and
        error statuses other than 429/503, which come back as a Reply to retry later."""
        if not is_url(url):
            raise FetchError(url, "only http:// and https:// URLs can be fetched")
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            with self.gate.hold(url):
                with self._count:
                    self.requests += 1
                reply = self._get(url, headers)
        except HostBusy as busy:
            return Reply(url, 429, retry_after=busy.wait)
        if reply.retry_later and reply.retry_after:
            self.gate.back_off(url, reply.retry_after)
        return reply

    def _get(self, url: str, headers: dict[str, str]) -> Reply:
        deadline = time.monotonic() + self.timeout
        with http_errors(url), self._client.stream("GET", url, headers=headers) as response:
            status = response.status_code
            h = response.headers
            reply = Reply(str(response.url), status, content_type=h.get("content-type", ""),
                          etag=h.get("etag"), last_modified=h.get("last-modified"))
            if status in (429, 503):
                reply.retry_after = parse_retry_after(h.get("retry-after"))
            elif status >= 400:
                raise StatusError(url, status)
            elif status != 304:
                reply.body = read_body(response, url, self.max_bytes, deadline)
        return reply


class RobotsCache:
    """robots.txt per host for article pages: a 4xx means no rules, a 5xx or an
    unreachable host means "not now" (the page waits for a later cycle)."""

    def __init__(self, client: PoliteClient) -> None:
        self.client = client
        self._lock = threading.Lock()
        self._rules: dict[str, tuple[float, RobotFileParser | None]] = {}
        self._loading: dict[str, threading.Lock] = {}

    def allowed(self, url: str) -> bool | None:
        """True or False by the host's rules; None when they cannot be read now."""
        parts = urlsplit(url)
        base = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            loading = self._loading.setdefault(base, threading.Lock())
        with loading:  # one fetch of a host's robots.txt, whatever the threads asking
            cached = self._rules.get(base)
            if cached is None or cached[0] < time.monotonic():
                cached = self._rules[base] = self._load(base)
        rules = cached[1]
        return None if rules is None else rules.can_fetch(USER_AGENT, url)

    def _load(self, base: str) -> tuple[float, RobotFileParser | None]:
        parser = RobotFileParser()
        try:
            reply = self.client.get(base + "/robots.txt", accept="text/plain")
        except StatusError as err:
            if 400 <= err.status < 500:
                parser.allow_all = True  # type: ignore[attr-defined]  # set by read() on 4xx
                return time.monotonic() + ROBOTS_TTL, parser
            return time.monotonic() + ROBOTS_RETRY, None
        except FetchError:
            return time.monotonic() + ROBOTS_RETRY, None
        if reply.status != 200:
            return time.monotonic() + ROBOTS_RETRY, None
        parser.parse(reply.body.decode("utf-8", errors="replace").splitlines())
        return time.monotonic() + ROBOTS_TTL, parser
