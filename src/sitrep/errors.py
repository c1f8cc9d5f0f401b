"""One exception tree for the whole library.

Every error a user can cause is a ``SitrepError``; the command line turns them
into one clear line naming the input and what to do, and never a traceback.
"""

from __future__ import annotations


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


class FetchError(InputError):
    """A URL that could not be fetched (network, status, size, scheme)."""


class StoreError(SitrepError):
    """The store could not be opened, migrated or written."""


class NotFoundError(SitrepError):
    """A story, article or entity id that is not in the store."""


class ModelError(SitrepError):
    """The language model is missing or cannot be loaded."""
