"""JSON Lines (and JSON array) records, the shape news-please and NGEC export.

Each line is read on its own: a malformed line is reported with its line
number and the other lines still go in.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sitrep.errors import InputError
from sitrep.models import SourceDoc

_TEXT_FIELDS = ("text", "maintext", "body", "content", "articleBody")


def _record_doc(record: Any, where: str) -> SourceDoc | InputError:
    if not isinstance(record, dict):
        return InputError(where, f"expected a JSON object, found {type(record).__name__}")
    text = next((record[f] for f in _TEXT_FIELDS if isinstance(record.get(f), str)), None)
    if text is None or not text.strip():
        return InputError(where, "record has no text; give the article body in a 'text' field")
    return SourceDoc(source=where, kind="record", content=text, meta=record)


def parse_records(data: bytes, source: str) -> Iterator[SourceDoc | InputError]:
    """One SourceDoc per record; problems as InputError values named ``source:LINE``."""
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"["):
        yield from _parse_array(stripped, source)
        return
    for lineno, raw in enumerate(data.splitlines(), start=1):
        if not raw.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError as err:
            yield InputError(where, f"invalid UTF-8 at byte {err.start}; JSON Lines must be UTF-8")
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputError(
                where, f"malformed JSON ({err.msg} at column {err.colno}); line skipped"
            )
            continue
        yield _record_doc(record, where)


def _parse_array(data: bytes, source: str) -> Iterator[SourceDoc | InputError]:
    try:
        records = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        yield InputError(source, f"malformed JSON ({err}); expected JSON Lines or a JSON array")
        return
    for index, record in enumerate(records, start=1):
        yield _record_doc(record, f"{source}#{index}")
