"""Choosing a reader from a file's name, else from its first bytes."""

from __future__ import annotations

import re
from typing import Literal

from sitrep.sources.files import (
    FEED_EXT,
    HTML_EXT,
    MARKDOWN_EXT,
    RECORD_EXT,
    TEXT_EXT,
    base_name,
)

InputKind = Literal["html", "text", "markdown", "records", "feed"]

_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
_HTML_START = re.compile(rb"<(!doctype\s+html|html|head|body)[\s>]", re.I)
_SPACE = b" \t\r\n"
# Prolog items before the root element: <?xml ...?>, comments, other <!...> declarations.
_PROLOG = ((b"<?", b"?>"), (b"<!--", b"-->"))


def _skip_prolog(data: bytes) -> int:
    """Where the first element (or text) starts, past any XML prolog of any length."""
    pos = len(data) - len(data.lstrip(b"\xef\xbb\xbf" + _SPACE))
    while True:
        for opener, closer in _PROLOG:
            if data.startswith(opener, pos):
                end = data.find(closer, pos + len(opener))
                if end < 0:
                    return len(data)
                pos = end + len(closer)
                break
        else:
            if not data.startswith(b"<!", pos) or _HTML_START.match(data, pos):
                return pos
            end = data.find(b">", pos)  # a non-HTML <!DOCTYPE ...>
            if end < 0:
                return len(data)
            pos = end + 1
        while pos < len(data) and data[pos] in _SPACE:
            pos += 1


def kind_from_name(name: str) -> InputKind | None:
    base = base_name(name)
    for exts, kind in (
        (HTML_EXT, "html"),
        (TEXT_EXT, "text"),
        (MARKDOWN_EXT, "markdown"),
        (RECORD_EXT, "records"),
    ):
        if base.endswith(exts):
            return kind  # type: ignore[return-value]
    if base.endswith(FEED_EXT):
        return "feed"
    return None


def kind_from_bytes(data: bytes) -> InputKind:
    head = data[_skip_prolog(data):][:2048]
    if _FEED_ROOT.match(head):
        return "feed"
    if _HTML_START.match(head) or head.startswith(b"<"):
        return "html"
    if head.startswith((b"{", b"[")):
        return "records"
    return "text"


def sniff_kind(name: str, data: bytes) -> InputKind:
    """The reader for an input: by extension, else (stdin, URLs, odd names) by content.

    An .xml file may be a feed or a page; a .json(l) file is always records.
    """
    kind = kind_from_name(name)
    if kind in (None, "feed"):
        return kind_from_bytes(data) if kind is None else _feed_or_page(data)
    return kind


def _feed_or_page(data: bytes) -> InputKind:
    sniffed = kind_from_bytes(data)
    return sniffed if sniffed in ("feed", "html") else "feed"
