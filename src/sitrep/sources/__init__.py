"""Sources: everything an analyst has, read into ``SourceDoc`` values.

``read_inputs`` takes files, folders (recursive), globs, ``-`` for stdin and,
with ``fetch=True``, http(s) URLs. Bad inputs come out as ``InputError``
values in the same stream, so a batch reports them and goes on.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from typing import Any

from sitrep.errors import InputError
from sitrep.models import SourceDoc
from sitrep.sources.decode import decode_bytes
from sitrep.sources.feeds import parse_feed
from sitrep.sources.files import DEFAULT_MAX_BYTES, expand_inputs, is_url, read_input_bytes
from sitrep.sources.jsonl import open_record_file, parse_records
from sitrep.sources.sniff import kind_from_name, sniff_kind
from sitrep.sources.web import DEFAULT_DEADLINE, Fetcher

__all__ = ["Fetcher", "read_inputs"]

log = logging.getLogger(__name__)


class _Reader:
    def __init__(self, fetcher: Fetcher | None, max_bytes: int) -> None:
        self.fetcher = fetcher
        self.max_bytes = max_bytes

    def read(self, name: str) -> Iterator[SourceDoc | InputError]:
        """The documents of one input; a reader bug costs this input only."""
        try:
            yield from self._read(name)
        except Exception as err:
            log.debug("reading %s crashed", name, exc_info=True)
            yield InputError(name, f"could not be read ({type(err).__name__}: {err}); the rest "
                             "of it was left out; please report this with the file")

    def _read(self, name: str) -> Iterator[SourceDoc | InputError]:
        if is_url(name):
            if self.fetcher is None:
                yield InputError(name, "URLs are read only when fetching is on", hint="fetch")
                return
            try:
                fetched = self.fetcher.fetch(name)
            except InputError as err:
                yield err
                return
            yield from self._parse(fetched.url, fetched.content, {"url": fetched.url})
            return
        try:
            if name != "-" and kind_from_name(name) == "records":
                with open_record_file(name) as stream:  # streamed: no whole-file cap
                    yield from parse_records(stream, name, self.max_bytes)
                return
            data = read_input_bytes(name, self.max_bytes)
        except InputError as err:
            yield err
            return
        yield from self._parse(name, data, {})

    def _parse(
        self, name: str, data: bytes, meta: dict[str, Any]
    ) -> Iterator[SourceDoc | InputError]:
        kind = sniff_kind(name, data)
        if kind == "records":
            yield from parse_records(data, name, self.max_bytes)
        elif kind == "feed":
            yield from parse_feed(data, name, self._fetch_item if self.fetcher else None)
        else:
            try:
                text, encoding = decode_bytes(data, name)
            except InputError as err:
                yield err
                return
            yield SourceDoc(
                source=name, kind=kind, content=text, meta={**meta, "encoding": encoding}
            )

    def _fetch_item(self, url: str, meta: dict[str, Any]) -> SourceDoc:
        assert self.fetcher is not None
        fetched = self.fetcher.fetch(url)
        text, encoding = decode_bytes(fetched.content, fetched.url)
        return SourceDoc(
            source=fetched.url,
            kind="html",
            content=text,
            meta={**meta, "url": meta.get("url") or fetched.url, "encoding": encoding},
        )


def read_inputs(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    fetch: bool = False,
    fetcher: Fetcher | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    deadline: float = DEFAULT_DEADLINE,
) -> Iterator[SourceDoc | InputError]:
    """Every readable document of ``inputs``, in order, with problems in line."""
    own = fetcher is None and fetch
    active = Fetcher(max_bytes=max_bytes, deadline=deadline) if own else fetcher
    reader = _Reader(active if fetch or fetcher else None, max_bytes)
    try:
        for item in expand_inputs(inputs):
            if isinstance(item, InputError):
                yield item
            else:
                yield from reader.read(item)
    finally:
        if own and active is not None:
            active.close()
