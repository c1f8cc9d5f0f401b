"""How a place is written: the keys the gazetteer is searched by.

Names fold as entity names do (case, accents, dots and spacing away), and the
abbreviations of place names are expanded ("St." and "Saint", "Mt." and
"Mount"), so "St. Paul" finds GeoNames' "Saint Paul". A written place may
carry a generic word the gazetteer leaves out ("Benue State", "Oaxaca State"),
and states and provinces have the abbreviations of the AP and Canadian Press
styles and postal codes (``data/place_abbreviations.csv``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from sitrep import lexicons
from sitrep.annotate.entities.keys import fold_name

_WORD_FORMS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "port"}

# Generic words written around a name, and the kind of division they call for.
DIVISION_WORDS = frozenset(
    {
        "state", "province", "region", "governorate", "oblast", "prefecture",
        "territory", "county", "parish", "district", "municipality", "department",
        "emirate", "canton", "borough"
    }
)
SETTLEMENT_WORDS = frozenset({"city", "town", "village"})
# Names made only of these describe a part of anything ("Northern", "Central
# Province", "the West"): they name a division only where the article is.
DESCRIPTIVE_WORDS = frozenset(
    {
        "north", "south", "east", "west", "northern", "southern", "eastern", "western",
        "central", "centre", "center", "northwest", "northeast", "southwest",
        "southeast", "nord", "sud", "est", "ouest", "upper", "lower", "middle",
        "capital", "coast", "coastal", "province", "region", "district"
    }
)


@functools.lru_cache(maxsize=1 << 16)
def place_key(text: str) -> str:
    """The gazetteer key of a written name: folded, abbreviations spelt out, no spaces."""
    words = fold_name(text.replace("&", " and ")).split()
    return "".join(_WORD_FORMS.get(w, w) for w in words)


def is_descriptive(text: str) -> bool:
    """Whether a name only describes a part ("Northern", "Western Province")."""
    words = fold_name(text).replace("-", " ").split()
    return bool(words) and all(w in DESCRIPTIVE_WORDS for w in words if w != "the")


@dataclass(frozen=True, slots=True)
class Query:
    """One way to look a written place up; ``kind`` narrows the entries it may match."""

    key: str
    kind: str = "any"  # any, division, settlement


def queries(text: str) -> list[Query]:
    """The keys to try for ``text``, most literal first."""
    words = fold_name(text).split()
    if words[:1] == ["the"]:
        words = words[1:]
    if not words:
        return []
    out = [Query(place_key(" ".join(words)))]
    if len(words) > 1 and words[-1] in DIVISION_WORDS:
        out.append(Query(place_key(" ".join(words[:-1])), "division"))
    if len(words) > 1 and words[-1] in SETTLEMENT_WORDS:
        out.append(Query(place_key(" ".join(words[:-1])), "settlement"))
    if len(words) > 2 and words[1] == "of" and words[0] in DIVISION_WORDS | SETTLEMENT_WORDS:
        kind = "settlement" if words[0] in SETTLEMENT_WORDS else "division"
        out.append(Query(place_key(" ".join(words[2:])), kind))
    if len(words) > 1 and words[0] == "greater":
        out.append(Query(place_key(" ".join(words[1:]))))
    return out


@dataclass(frozen=True, slots=True)
class Abbreviation:
    name: str  # the division's full name
    country: str  # ISO alpha-3


@dataclass(frozen=True, slots=True)
class Abbreviations:
    styled: dict[str, Abbreviation]  # "Calif.", "Calif" -> California
    postal: dict[str, list[Abbreviation]]  # "WA" -> Washington, Western Australia


@functools.cache
def abbreviations() -> Abbreviations:
    styled: dict[str, Abbreviation] = {}
    postal: dict[str, list[Abbreviation]] = {}
    for row in lexicons.rows("place_abbreviations.csv"):
        abbr = Abbreviation(row["name"], row["country"])
        for form in filter(None, row["style"].split("|")):
            styled[form] = abbr
        postal.setdefault(row["postal"], []).append(abbr)
    return Abbreviations(styled, postal)
