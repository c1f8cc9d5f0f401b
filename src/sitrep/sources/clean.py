"""Characters no store can keep, replaced one for one so that offsets stay valid.

A lone UTF-16 surrogate (JSON allows ``"\\ud800"``) cannot be encoded as
UTF-8, and PostgreSQL refuses NUL in text and JSON; both become U+FFFD, the
replacement character, so a record with one keeps its other text and every
span offset computed on it.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, TypeVar

REPLACEMENT = "\ufffd"
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")

T = TypeVar("T")


def clean_text(text: str) -> str:
    """``text`` with NUL and lone surrogates replaced by U+FFFD (same length)."""
    return _UNSTORABLE.sub(REPLACEMENT, text) if _UNSTORABLE.search(text) else text


def clean_value(value: Any) -> Any:
    """A JSON-like value with every string (keys too) cleaned."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_text(str(k)): clean_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean_value(v) for v in value]
    return value


def clean_fields(record: T) -> T:
    """A dataclass instance with its string, dict and list fields cleaned, in place."""
    for f in dataclasses.fields(record):  # type: ignore[arg-type]
        value = getattr(record, f.name)
        if isinstance(value, str | dict | list):
            setattr(record, f.name, clean_value(value))
    return record
