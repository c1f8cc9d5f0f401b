"""Curated organisations (``data/gazetteer.csv``) and generic state bodies.

The gazetteer lists well-known agencies, international organisations,
parties, armed groups and news agencies with their aliases (acronyms,
other spellings, descriptive references such as "spy agency"). An alias that
starts in lower case is descriptive: it names the entry only when the text
says whose it is ("South Korea's spy agency").

Generic bodies (``data/gazetteer_bodies.csv``: "Defense Ministry",
"Ministry of Defence", "army") exist in every country: their entity is the
body of the country the text attaches them to ("Defense Ministry (Russia)").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from sitrep import lexicons
from sitrep.annotate.entities.keys import name_key


@dataclass(frozen=True, slots=True)
class OrgEntry:
    id: str
    name: str
    type: str
    country: str | None


@dataclass(frozen=True, slots=True)
class Gazetteer:
    entries: dict[str, list[OrgEntry]]  # alias key -> entries (several countries)
    descriptive: frozenset[str]  # alias keys usable only with a stated country
    bodies: dict[str, str]  # alias key -> generic body name
    descriptive_bodies: frozenset[str]
    surface_forms: tuple[str, ...]  # every alias as written, for phrase matching
    exact_case: frozenset[str]  # aliases written in capitals: match them as written
    lower_case: frozenset[str]  # keys with an alias written in lower case
    acronym_keys: frozenset[str]  # keys of aliases written in capitals

    def candidates(self, text: str) -> list[OrgEntry]:
        return self.entries.get(name_key(text), [])

    def body(self, text: str) -> str | None:
        return self.bodies.get(name_key(text))

    def is_descriptive(self, text: str) -> bool:
        key = name_key(text)
        return key in self.descriptive or key in self.descriptive_bodies


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


def _is_descriptive(alias: str) -> bool:
    return alias[:1].islower()


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(letters) <= 6 and all(c.isupper() for c in letters)


@functools.cache
def gazetteer() -> Gazetteer:
    entries: dict[str, list[OrgEntry]] = {}
    descriptive: set[str] = set()
    surface: list[str] = []
    for row in lexicons.rows("gazetteer.csv"):
        entry = OrgEntry(row["id"], row["name"], row["type"] or "ORG", row["country"] or None)
        for alias in dict.fromkeys([entry.name, *_split(row["aliases"])]):
            key = name_key(alias)
            entries.setdefault(key, []).append(entry)
            if _is_descriptive(alias) and entry.country:
                descriptive.add(key)
            surface.append(alias)
    bodies: dict[str, str] = {}
    descriptive_bodies: set[str] = set()
    for row in lexicons.rows("gazetteer_bodies.csv"):
        for alias in [row["name"], *_split(row["aliases"])]:
            key = name_key(alias)
            bodies.setdefault(key, row["name"])
            if _is_descriptive(alias):
                descriptive_bodies.add(key)
            surface.append(alias)
    # A key is descriptive only if every way of writing it is lower case.
    proper = {name_key(s) for s in surface if not _is_descriptive(s)}
    return Gazetteer(
        entries=entries,
        descriptive=frozenset(descriptive - proper),
        bodies=bodies,
        descriptive_bodies=frozenset(descriptive_bodies - proper),
        surface_forms=tuple(dict.fromkeys(surface)),
        exact_case=frozenset(s for s in surface if _is_acronym(s)),
        lower_case=frozenset(name_key(s) for s in surface if _is_descriptive(s)),
        acronym_keys=frozenset(name_key(s) for s in surface if _is_acronym(s)),
    )
