"""Datelines opening a news paragraph: "SEOUL: ", "WASHINGTON (AP) —", "LONDON (Reuters) -".

The dateline stays in the body (it is part of the article); it tells where
the story was filed and, when parenthesised, which agency filed it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CAPS_WORD = r"[A-Z][A-Z'’.\-]*[A-Z.]"
_TITLE_WORD = r"[A-Z][a-z'’.\-]+"
_PLACE_CAPS = rf"{_CAPS_WORD}(?:[ \-]{_CAPS_WORD}){{0,3}}"
_PLACE_TITLE = rf"{_TITLE_WORD}(?:[ \-]{_TITLE_WORD}){{0,2}}"
# ", Ukraine" / ", March 3" / ", Nov. 7, 2025": a region or a date after the place
_QUALIFIER = r"(?:,\s*[A-Z\d][\w.’'-]*(?:\s+[\w.’'-]+){0,2}){0,2}"
_AGENCY = r"\((?P<agency>[A-Z][\w .&’'/-]{0,40})\)"
_SEPARATOR = r"\s*(?:--|[:—–-])\s+"

# An all-caps place may stand alone; a title-case place needs an agency after it
# ("Paris (AFP) -"), or any capitalised phrase followed by a colon would count.
_DATELINE = re.compile(
    rf"^(?:(?P<caps>{_PLACE_CAPS}){_QUALIFIER}\s*(?:{_AGENCY})?"
    rf"|(?P<title>{_PLACE_TITLE}){_QUALIFIER}\s*{_AGENCY.replace('agency', 'agency2')})"
    rf"{_SEPARATOR}(?=\S)"
)
_MIN_PLACE_LETTERS = 3


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    agency: str | None
    end: int  # where the dateline ends and the story's first sentence begins


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening ``paragraph``, or None."""
    match = _DATELINE.match(paragraph)
    if not match:
        return None
    place = (match.group("caps") or match.group("title") or "").strip()
    if sum(c.isalpha() for c in place) < _MIN_PLACE_LETTERS:
        return None
    agency = match.group("agency") or match.group("agency2")
    return Dateline(place=place, agency=agency.strip() if agency else None, end=match.end())
