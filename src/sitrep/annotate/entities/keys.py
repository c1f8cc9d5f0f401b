"""Folding names into identity keys, and stable entity ids from those keys.

Two spellings of one name must give one key: case, diacritics, hyphens,
dots, apostrophe styles and spacing are folded away ("No Kwang-chol",
"No Kwang Chol" and "NO KWANGCHOL" share a key; so do "U.S." and "US").
"""

from __future__ import annotations

import functools
import re
import unicodedata

from sitrep.models import stable_id

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})
_POSSESSIVE = re.compile(r"'s?$")
_NON_WORD = re.compile(r"[^\w]+")
_ABBREV_DOTS = re.compile(r"(?<=\b\w)\.")

# Entity types that share one id space: spaCy may call one place GPE here
# and LOC there, and a country is a country whether named or a demonym.
TYPE_GROUPS = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}


def word_set(text: str) -> frozenset[str]:
    """The words of an inline word list (whitespace-separated)."""
    return frozenset(text.split())


@functools.lru_cache(maxsize=1 << 16)  # names repeat a lot across articles
def fold_name(text: str) -> str:
    """Lower-case words of ``text`` without accents, punctuation or possessive."""
    text = text.translate(_APOSTROPHES)
    if not text.isascii():  # most names are: skip the slow part for them
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().strip()
    text = _POSSESSIVE.sub("", text)
    text = _ABBREV_DOTS.sub("", text)  # "u.s." -> "us", "d.p.r.k." -> "dprk"
    return " ".join(_NON_WORD.sub(" ", text).replace("_", " ").split())


@functools.lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The identity key of a name: its fold with spaces dropped too."""
    return fold_name(text).replace(" ", "")


def type_group(label: str) -> str:
    return TYPE_GROUPS.get(label, label.lower())


def entity_id(group: str, key: str) -> str:
    """The store-wide id of an entity: a pure function of its group and key."""
    return stable_id(group, key)


def country_entity_id(iso3: str) -> str:
    return entity_id("country", iso3)
