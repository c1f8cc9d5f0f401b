"""Bytes to text: BOMs, declared charsets, UTF-8, then detection.

A legacy-encoded page (cp1252, Shift-JIS, ...) is decoded with the detected
encoding; UTF-16 without a byte order mark is recognised by its NUL bytes.
Damaged UTF-8 (valid multi-byte sequences mixed with invalid bytes)
and binary data are refused with a message, never decoded into mojibake.
"""

from __future__ import annotations

import codecs
import re

from sitrep.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_SNIFF = 8192


def _declared_encoding(data: bytes) -> str | None:
    head = data[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when NUL bytes sit on one side of each pair, as in
    UTF-16 text of mostly Latin script written without a byte order mark."""
    head = data[: _SNIFF - _SNIFF % 2]
    pairs = len(head) // 2
    if pairs < 2 or len(data) % 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    for zeros, other, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros >= pairs * 0.3 and other <= pairs * 0.02:
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                return None
            return name if not _CONTROL.search(text[:2000].encode("utf-8")) else None
    return None


def _looks_binary(data: bytes) -> bool:
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    return len(_CONTROL.findall(head)) > max(8, len(head) // 100)


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """Text and the encoding used. Raises InputError for binary or damaged data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as err:
                raise InputError(source, f"invalid {encoding} text ({err.reason})") from err
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16), utf16
    if _looks_binary(data):
        raise InputError(
            source, "binary data, not text, HTML, JSON Lines or a feed; leave it out of the input"
        )
    declared = _declared_encoding(data)
    if declared and declared != "utf-8":
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass  # a wrong declaration is common: fall through to UTF-8 and detection
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        if _UTF8_MULTIBYTE.search(data):
            raise InputError(
                source,
                f"invalid UTF-8 at byte {err.start} (damaged UTF-8 text); "
                "repair or re-export the file as UTF-8",
            ) from err
    return _detect(data, source)


def _detect(data: bytes, source: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(
            source,
            "not UTF-8 and its encoding could not be detected; convert it to UTF-8 "
            "(for example: iconv -f LATIN1 -t UTF-8)",
        )
    return str(best), best.encoding
