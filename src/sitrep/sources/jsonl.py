"""JSON Lines (also a JSON array, or one pretty-printed JSON object) records.

A record file is read as a stream, line by line: its size is not capped (a
27 MB export of ordinary records is fine), each line is (by the page cap).
Each line is read on its own: a malformed or bad record is reported with its
line number and the other lines still go in. Text that no store can keep
(NUL, lone surrogates) is replaced, one character for one, so offsets hold.
"""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Iterator
from typing import IO, Any

from sitrep.errors import InputError
from sitrep.models import SourceDoc
from sitrep.sources.clean import clean_text, clean_value

_TEXT_FIELDS = ("text", "maintext", "body", "content", "articleBody")
_BOM = b"\xef\xbb\xbf"
_SPACE = b" \t\r\n"
# A whole-file JSON document (an array, a pretty-printed object) is parsed at once.
MAX_JSON_DOCUMENT_BYTES = 256 * 1024 * 1024


def _record_doc(record: Any, where: str) -> SourceDoc | InputError:
    if not isinstance(record, dict):
        return InputError(
            where, f"expected a JSON object, found {_json_type(record)}; give one object per line"
        )
    present = [f for f in _TEXT_FIELDS if record.get(f) not in (None, "")]
    text = next((record[f] for f in present if isinstance(record[f], str)), None)
    if text is None and present:
        name = present[0]
        return InputError(
            where,
            f"field '{name}' is {_json_type(record[name])}, not a string; "
            f"give the article body as one JSON string in '{name}'",
        )
    if text is None or not text.strip():
        return InputError(where, "record has no text; give the article body in a 'text' field")
    return SourceDoc(source=where, kind="record", content=clean_text(text),
                     meta=clean_value(record))


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "true/false",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _read_line(stream: IO[bytes], cap: int) -> tuple[bytes, bool]:
    """The next line (b"" at the end) and whether it was over ``cap`` (then it is dropped)."""
    line = stream.readline(cap + 1)
    if len(line) <= cap or line.endswith(b"\n"):
        return line, False
    while line and not line.endswith(b"\n"):  # skip the rest of the long line
        line = stream.readline(1 << 20)
    return b"", True


def parse_records(
    data: bytes | IO[bytes], source: str, max_line_bytes: int = 20 * 1024 * 1024
) -> Iterator[SourceDoc | InputError]:
    """One SourceDoc per record; problems as InputError values named ``source:LINE``."""
    stream = io.BytesIO(data) if isinstance(data, bytes) else data
    try:
        yield from _parse_stream(stream, source, max_line_bytes)
    except (OSError, EOFError, zlib.error) as err:  # a gzip stream damaged part way
        yield InputError(source, f"cannot be read to the end ({err}); re-download or "
                         "re-compress the file (the records before were read)")


def _parse_stream(
    stream: IO[bytes], source: str, cap: int
) -> Iterator[SourceDoc | InputError]:
    lineno, line, too_long = 0, b"", False
    while not line.strip(_BOM + _SPACE):  # the first line with something on it
        line, too_long = _read_line(stream, cap)
        lineno += 1
        if not line and not too_long:
            yield InputError(source, "empty file: nothing to read")
            return
        if too_long:
            yield _too_long(source, lineno, cap)
    head = line.lstrip(_BOM + _SPACE)
    if head.startswith(b"[") or (head.startswith(b"{") and not _parses(line)):
        rest = stream.read(MAX_JSON_DOCUMENT_BYTES + 1)
        whole = _whole_document(line + rest, source)
        if whole is not None:
            yield from whole
            return
        stream = io.BytesIO(rest)  # not one document: read it as lines after all
    yield _line_doc(line, f"{source}:{lineno}", first=True)
    while True:
        line, too_long = _read_line(stream, cap)
        lineno += 1
        if too_long:
            yield _too_long(source, lineno, cap)
        elif not line:
            return
        elif line.strip():
            yield _line_doc(line, f"{source}:{lineno}", first=False)


def _too_long(source: str, lineno: int, cap: int) -> InputError:
    return InputError(
        f"{source}:{lineno}",
        f"record is longer than the {_size(cap)} limit; line skipped (or raise the limit)",
        hint="max_bytes",
    )


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n:,} bytes"


def _parses(line: bytes) -> bool:
    try:
        json.loads(line)
    except (ValueError, RecursionError):
        return False
    return True


def _whole_document(data: bytes, source: str) -> list[SourceDoc | InputError] | None:
    """A JSON array's records, a pretty-printed object as one record, or several such
    objects one after the other; None if the data is none of these."""
    if len(data) > MAX_JSON_DOCUMENT_BYTES:
        return [InputError(source, "JSON document is larger than "
                           f"{MAX_JSON_DOCUMENT_BYTES // (1024 * 1024)} MB; "
                           "write it as JSON Lines (one record per line)")]
    try:
        values = _json_values(data.decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        return [InputError(source, f"invalid UTF-8 at byte {err.start}; JSON must be UTF-8")]
    except RecursionError:
        return [InputError(source, "JSON nested too deeply; write it as JSON Lines")]
    except json.JSONDecodeError as err:
        if data.lstrip(_BOM + _SPACE).startswith(b"["):
            return [InputError(source, f"malformed JSON ({err.msg} at line {err.lineno}, "
                               f"column {err.colno}); expected JSON Lines or a JSON array")]
        return None
    if len(values) == 1 and isinstance(values[0], list):
        values = values[0]
    elif len(values) == 1:
        return [_record_doc(values[0], source)]
    return [_record_doc(record, f"{source}#{i}") for i, record in enumerate(values, 1)]


def _json_values(text: str) -> list[Any]:
    """The JSON values of ``text``, one or several written one after the other
    (pretty-printed objects concatenated, as some exporters write them)."""
    decoder = json.JSONDecoder()
    values: list[Any] = []
    pos = 0
    while True:
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        if pos == len(text):
            return values
        value, pos = decoder.raw_decode(text, pos)
        values.append(value)


def _line_doc(raw: bytes, where: str, first: bool) -> SourceDoc | InputError:
    try:
        line = raw.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError as err:
        return InputError(where, f"invalid UTF-8 at byte {err.start}; JSON Lines must be UTF-8")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return InputError(where, f"malformed JSON ({err.msg} at column {err.colno}); line skipped")
    except RecursionError:
        return InputError(where, "JSON nested too deeply; line skipped")
    return _record_doc(record, where)


def open_record_file(name: str) -> IO[bytes]:
    """A record file opened for streaming (gunzipped when gzipped)."""
    try:
        fh = open(name, "rb")  # noqa: SIM115 - returned to the caller, who closes it
    except PermissionError as err:
        raise InputError(name, "permission denied; check the file's permissions") from err
    except OSError as err:
        raise InputError(name, f"cannot be read ({err.strerror or err})") from err
    gzipped = fh.peek(2)[:2] == b"\x1f\x8b"
    if gzipped or name.lower().endswith(".gz"):
        fh.close()
        if not gzipped:
            raise InputError(name, "named .gz but is not gzip data; rename or re-compress it")
        return gzip.open(name, "rb")  # type: ignore[return-value]
    return fh
