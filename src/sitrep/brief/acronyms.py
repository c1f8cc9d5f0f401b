"""Acronyms and the names they stand for ("TfL" and "Transport for London")."""

from __future__ import annotations

import re

_LETTERS = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_MAX_LETTERS = 6


def is_acronym(text: str) -> bool:
    """A single word of two to six letters, at least two of them capitals and the
    first one a capital: "FBI", "U.N.", "TfL" (not "Apple", not "iOS")."""
    if " " in text.strip():
        return False
    letters = _LETTERS.findall(text)
    capitals = sum(c.isupper() for c in letters)
    return 2 <= len(letters) <= _MAX_LETTERS and capitals >= 2 and letters[0].isupper()


def stands_for(acronym: str, name: str) -> bool:
    """Whether ``acronym`` is made of the initials of ``name``: of all its words
    ("TfL": Transport for London) or of its capitalised ones ("FBI": Federal Bureau
    of Investigation)."""
    if not is_acronym(acronym):
        return False
    short = "".join(_LETTERS.findall(acronym)).lower()
    words = _WORD.findall(name)
    if len(words) < 2:
        return False
    every = "".join(w[0] for w in words).lower()
    capitalised = "".join(w[0] for w in words if w[0].isupper()).lower()
    return short in (every, capitalised)


def with_acronym(name: str, acronym: str) -> str:
    """The name as an analyst writes it with its short form: "Transport for London (TfL)"."""
    short = acronym.replace(".", "")  # "U.N." and "UN" are one short form
    return name if short in name.split() else f"{name} ({short})"
