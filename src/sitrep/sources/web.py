"""Fetching http(s) URLs with httpx: bounded in time, size and redirects.

``Fetcher`` takes an httpx transport, the one seam tests use to talk to a
real server on loopback or to a mock transport; nothing is patched.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from sitrep import __version__
from sitrep.errors import FetchError
from sitrep.sources.files import DEFAULT_MAX_BYTES, is_url

USER_AGENT = f"sitrep/{__version__} (news brief builder; +https://pypi.org/project/sitrep/)"


@dataclass(slots=True)
class Fetched:
    url: str  # final URL after redirects
    content: bytes
    content_type: str


class Fetcher:
    """Fetches one URL at a time; reuse it for a batch (keeps connections)."""

    def __init__(
        self,
        *,
        timeout: float = 20.0,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_redirects: int = 5,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.max_bytes = max_bytes
        self._client = httpx.Client(
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
        try:
            with self._client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise FetchError(url, f"server answered HTTP {response.status_code}")
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    raise FetchError(url, f"page is larger than the {self._mb} MB limit")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body.extend(chunk)
                    if len(body) > self.max_bytes:
                        raise FetchError(url, f"page is larger than the {self._mb} MB limit")
                final = str(response.url)
                ctype = response.headers.get("content-type", "")
        except httpx.TooManyRedirects as err:
            raise FetchError(url, "too many redirects") from err
        except httpx.TimeoutException as err:
            raise FetchError(url, "timed out; the server did not answer in time") from err
        except httpx.UnsupportedProtocol as err:
            raise FetchError(url, f"redirected to an unsupported URL ({err})") from err
        except httpx.HTTPError as err:
            raise FetchError(url, f"cannot be reached ({type(err).__name__}: {err})") from err
        if not body.strip():
            raise FetchError(url, "server sent an empty page")
        return Fetched(url=final, content=bytes(body), content_type=ctype)

    @property
    def _mb(self) -> int:
        return self.max_bytes // (1024 * 1024)
