"""One exception tree for the whole library; the CLI and the web app map it at their edge.

::

    SitrepError              error       something the caller can fix (the default)
    ├── InputError           input       an input (file, record, feed, URL) that could not be read
    │   └── FetchError       fetch       a URL that could not be fetched
    │       └── StatusError  http_status the server answered with an error status
    ├── InvalidInput         invalid     a value passed in that cannot be used (a page number,
    │                                    a date, a correction, ``:memory:`` for the web app)
    ├── NotFoundError        not_found   a story, article or entity id not in the store
    ├── BodyTooLarge         too_large   a web request body over the upload limit
    ├── StoreError           store       the store could not be opened, migrated, read or written
    ├── ModelError           model       the language model or gazetteer is missing
    └── EngineUnavailable    engine      the chosen ingest engine cannot run here

    HostBusy                 (internal)  a feed host asked to wait; the watcher reschedules,
                                         it never reaches a user

Every class has a ``code`` (stable, for scripts and the JSON API) and a
docstring-sized ``advice`` saying what to do when the message itself does not.
``caller_fault`` tells the edges whose fault it is: the web app answers 4xx for
the caller's errors and 5xx, in its own words (no paths, no internals), for the
others; the CLI exits 2 for both.

Messages never name a command-line flag or command: an error may carry a
``hint`` key (a setting such as ``max_chars``, or a next step such as
``list_stories``) and the edge says it in its own terms (the CLI: ``--max-chars``,
``sitrep stories``).
"""

from __future__ import annotations

import re
from typing import ClassVar

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class SitrepError(Exception):
    """Base of every error sitrep raises on purpose."""

    code: ClassVar[str] = "error"
    advice: ClassVar[str] = "check the command's arguments and inputs"
    caller_fault: ClassVar[bool] = True

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint

    @property
    def message(self) -> str:
        return str(self)


class InputError(SitrepError):
    """An input (file, record, feed, URL) that could not be read.

    ``source`` names the input, ``reason`` says what is wrong and, where it
    helps, what to do about it.
    """

    code = "input"
    advice = "fix or leave out that input; the others were read"

    def __init__(self, source: str, reason: str, *, hint: str | None = None) -> None:
        super().__init__(f"{source}: {reason}", hint=hint)
        self.source = source
        self.reason = reason

    def line(self) -> str:
        """The error as one line, whatever the file name holds (newlines are escaped)."""
        return f"{one_line(self.source)}: {one_line(self.reason)}"


def one_line(text: str) -> str:
    """``text`` with control characters (newlines, tabs, escapes) written as escapes."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class FetchError(InputError):
    """A URL that could not be fetched (network, status, size, scheme)."""

    code = "fetch"
    advice = "check the URL and the network, or save the page and read the file"


class StatusError(FetchError):
    """The server answered with an error status."""

    code = "http_status"
    advice = "check the URL; a 429 or 503 clears up when retried later"

    def __init__(self, source: str, status: int) -> None:
        super().__init__(source, f"server answered HTTP {status}")
        self.status = status


class InvalidInput(SitrepError):
    """A value passed in that cannot be used (a malformed date, page number 0)."""

    code = "invalid"
    advice = "correct the value as the message says"


class NotFoundError(SitrepError):
    """A story, article or entity id that is not in the store."""

    code = "not_found"
    advice = "list what the store holds and use one of its ids"


class BodyTooLarge(SitrepError):
    """A request body over the web app's upload limit (``limit`` bytes)."""

    code = "too_large"
    advice = "send fewer or smaller files per request"

    def __init__(self, limit: int) -> None:
        super().__init__(f"request body over the {limit} byte limit; {self.advice}")
        self.limit = limit


class StoreError(SitrepError):
    """The store could not be opened, migrated, read or written."""

    code = "store"
    advice = "check that the store exists, is a sitrep store and is reachable"
    caller_fault = False


class ModelError(SitrepError):
    """The language model (or the gazetteer) is missing or cannot be loaded."""

    code = "model"
    advice = "install the model the message names"
    caller_fault = False


class EngineUnavailable(SitrepError):
    """The chosen ingest engine cannot run here (e.g. Ray is not installed)."""

    code = "engine"
    advice = "install what the engine needs, or use the local engine"
    caller_fault = False


class HostBusy(Exception):
    """A feed host asked to wait ``wait`` seconds (internal: the watcher reschedules)."""

    def __init__(self, wait: float) -> None:
        super().__init__(f"host asked to wait {wait:.0f} s")
        self.wait = wait
