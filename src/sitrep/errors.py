"""One exception tree for the whole library.

Every error a user can cause is a ``SitrepError``; the command line turns them
into one clear line naming the input and what to do, and never a traceback.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class SitrepError(Exception):
    """Base of every error sitrep raises on purpose."""


class InputError(SitrepError):
    """An input (file, record, feed, URL) that could not be read.

    ``source`` names the input, ``reason`` says what is wrong and, where it
    helps, what to do about it.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
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


class StoreError(SitrepError):
    """The store could not be opened, migrated or written."""


class NotFoundError(SitrepError):
    """A story, article or entity id that is not in the store."""


class ModelError(SitrepError):
    """The language model is missing or cannot be loaded."""
