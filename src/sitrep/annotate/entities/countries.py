"""Countries by common name, alias, official name, demonym and capital.

Backed by ``data/countries.csv`` (ISO 3166 alpha-3, common name, aliases,
demonyms, capital; lists separated by ``|``), generated once from pycountry
and edited by hand: pycountry's official names are awkward as display names
("Korea, Democratic People's Republic of") and it knows no demonyms.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from sitrep import lexicons
from sitrep.annotate.entities.keys import fold_name, name_key

LEXICON = "countries.csv"


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    capital: str = ""


@dataclass(frozen=True, slots=True)
class CountryIndex:
    by_name: dict[str, Country]  # name and alias keys
    by_demonym: dict[str, Country]
    by_capital: dict[str, Country]
    by_iso3: dict[str, Country]
    names: tuple[str, ...]  # every surface name and alias, for phrase matching

    def lookup(self, text: str) -> Country | None:
        """The country ``text`` names or qualifies ("DPRK", "North Korean"), if any."""
        folded = fold_name(text)
        key = folded.removeprefix("the ").replace(" ", "")
        return self.by_name.get(key) or self.by_demonym.get(key)

    def capital_of(self, text: str) -> Country | None:
        return self.by_capital.get(name_key(text))

    def is_demonym(self, text: str) -> bool:
        """Whether ``text`` is a country's adjective or people ("British", "the
        Brazilian"), not its name."""
        return self.by_demonym.get(name_key(text)) is not None


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


@functools.cache
def country_index() -> CountryIndex:
    by_name: dict[str, Country] = {}
    by_demonym: dict[str, Country] = {}
    by_capital: dict[str, Country] = {}
    by_iso3: dict[str, Country] = {}
    names: list[str] = []
    for row in lexicons.rows(LEXICON):
        country = Country(row["iso3"], row["name"], row["capital"])
        by_iso3[country.iso3] = country
        for alias in [country.name, *_split(row["aliases"])]:
            by_name.setdefault(name_key(alias), country)
            names.append(alias)
        for demonym in _split(row["demonyms"]):
            by_demonym.setdefault(name_key(demonym), country)
        if country.capital:
            by_capital.setdefault(name_key(country.capital), country)
    return CountryIndex(by_name, by_demonym, by_capital, by_iso3, tuple(names))
