"""Choosing one gazetteer entry per toponym, and whether a mistyped mention is a place.

Each candidate entry gets a score: a prior from what it is (a country, a
first-level division, a city and how many live there) plus the article's
evidence: the countries it talks about (and its outlet's country), the
divisions it names, the places it has already placed (nearby candidates win)
and what the text says holds it ("Springfield, Illinois"). All mentions with
one key share one sense in an article. Two passes: the first places the
unambiguous and qualified toponyms, the second uses them as context.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from sitrep.annotate.places.gazetteer import (
    ADM1,
    ADM2,
    CAPITAL,
    CITY,
    COUNTRY,
    NO_ADMIN,
    NO_COUNTRY,
    REGION,
    PlaceIndex,
)
from sitrep.annotate.places.names import is_descriptive
from sitrep.annotate.places.toponyms import Toponym, holds


@dataclass(frozen=True, slots=True)
class Weights:
    """The score's terms; fitted on one half of the development articles."""

    country_share: float = 3.0  # share of the article's country evidence
    admin1: float = 1.0  # its first-level division is named in the article
    near: float = 2.0  # close to a place already placed
    near_km: float = 300.0
    within: float = 8.0  # the text says which division or country holds it
    outlet: float = 1.0  # the outlet's country counts as this many mentions
    capital: float = 1.0
    adm1: float = 1.0
    adm2: float = -2.0
    main_city: float = 3.0  # a division named after its main city yields to the city
    pair: float = 2.0  # a namesake of another toponym lies close by ("London" and "St. Marys")
    pair_km: float = 40.0  # the bonus halves every 28 km
    stray_population: int = 10_000  # a smaller town in a country the article never names
    pair_population: int = 2_000  # smaller namesakes are too many to pair by chance
    pair_candidates: int = 8  # the most populous namesakes of each other toponym looked at
    # When a mention spaCy typed otherwise is a place:
    strict_population: int = 100_000
    typed_population: int = 1_000
    cue_population: int = 1_000
    context_population: int = 10_000


@dataclass(slots=True)
class Group:
    """The toponyms of one article that share a key (one sense per article)."""

    key: str
    tops: list[Toponym]
    entries: tuple[int, ...]
    within: set[int] = field(default_factory=set)
    typed_place: bool = False
    cue: bool = False
    choice: int | None = None


Weighed = dict[int, float]  # entry or country -> weight of the evidence for it


@dataclass(slots=True)
class Evidence:
    """What the article says about where it is; each key's own share is kept apart,
    so that a toponym is never its own context."""

    countries: Weighed = field(default_factory=lambda: defaultdict(float))
    admin1: Weighed = field(default_factory=lambda: defaultdict(float))
    anchors: dict[str, tuple[float, float]] = field(default_factory=dict)  # key -> point
    own_countries: dict[str, Weighed] = field(default_factory=dict)
    own_admin1: dict[str, Weighed] = field(default_factory=dict)
    pairs: dict[int, float] = field(default_factory=dict)  # entry -> km to another key's namesake

    def add(self, key: str, country: int | None, admin1: int | None, n: float) -> None:
        if country is not None and country != NO_COUNTRY:
            self.countries[country] += n
            self.own_countries.setdefault(key, defaultdict(float))[country] += n
        if admin1 is not None:
            self.admin1[admin1] += n
            self.own_admin1.setdefault(key, defaultdict(float))[admin1] += n

    def country_share(self, key: str, country: int) -> float:
        own = self.own_countries.get(key, {})
        total = sum(self.countries.values()) - sum(own.values())
        mine = self.countries.get(country, 0.0) - own.get(country, 0.0)
        return mine / total if total > 0 else 0.0

    def names_admin1(self, key: str, admin1: int) -> bool:
        return self.admin1.get(admin1, 0.0) - self.own_admin1.get(key, {}).get(admin1, 0.0) > 0

    def nearest_km(self, key: str, point: tuple[float, float]) -> float:
        return min((_km(point, a) for k, a in self.anchors.items() if k != key), default=math.inf)


MAX_CANDIDATES = 40  # context never lifts the 41st most populous namesake


def group(tops: list[Toponym], index: PlaceIndex) -> list[Group]:
    """One group per key, with its most populous candidates."""
    groups: dict[str, Group] = {}
    for top in tops:
        g = groups.get(top.key)
        if g is None:
            g = groups[top.key] = Group(top.key, [], top.entries)
        g.tops.append(top)
        g.within |= top.within
        g.typed_place |= top.typed_place or top.country_mention
        g.cue |= top.cue
        if top.country_mention and len(top.entries) > len(g.entries):
            g.entries = top.entries
        elif top.division_named and not g.tops[0].country_mention:
            g.entries = top.entries  # "Washington state" once says which Washington
    for g in groups.values():
        if len(g.entries) > MAX_CANDIDATES:
            ranked = sorted(g.entries, key=lambda e: -index.population[e])
            # a namesake the text qualifies ("Salem, Ore.") stays, however small
            held = [e for e in ranked[MAX_CANDIDATES:] if any(holds(index, h, e) for h in g.within)]
            g.entries = tuple(ranked[:MAX_CANDIDATES] + held)
    return list(groups.values())


def prior(index: PlaceIndex, entry: int, w: Weights) -> float:
    kind = index.kind[entry]
    if kind == COUNTRY:
        return 12.0
    if kind == REGION:
        return 11.0
    size = math.log10(max(index.population[entry], 100))
    if kind == ADM1:
        return size + w.adm1
    if kind == ADM2:
        return size + w.adm2
    return size + (w.capital if kind == CAPITAL else 0.0)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(
        (lo2 - lo1) / 2
    ) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def score(index: PlaceIndex, g: Group, entry: int, ev: Evidence, w: Weights) -> float:
    s = prior(index, entry, w)
    kind = index.kind[entry]
    if kind != COUNTRY and index.country[entry] != NO_COUNTRY:
        s += w.country_share * ev.country_share(g.key, index.country[entry])
    adm = index.admin1[entry]
    if adm != NO_ADMIN and adm != entry and ev.names_admin1(g.key, adm):
        s += w.admin1
    if kind in (CITY, CAPITAL, ADM2):
        nearest = ev.nearest_km(g.key, (index.lat[entry], index.lon[entry]))
        s += w.near * math.exp(-nearest / w.near_km)
        s += w.pair * math.exp(-ev.pairs.get(entry, math.inf) / w.pair_km)
    if any(holds(index, h, entry) for h in g.within):
        s += w.within
    if kind in (ADM1, ADM2) and _names_main_city(index, g, entry):
        s -= w.main_city
    return s


def _names_main_city(index: PlaceIndex, g: Group, division: int) -> bool:
    """A division whose namesake city among the candidates holds a tenth of its people,
    or is its country's capital: "Washington" alone is the capital, not the state."""
    floor = 0.1 * index.population[division]
    return any(
        (index.kind[e] == CAPITAL and index.country[e] == index.country[division])
        or (index.kind[e] == CITY and index.population[e] >= floor
            and (index.admin1[e] == division or holds(index, division, e)))
        for e in g.entries
    )


def choose(index: PlaceIndex, g: Group, ev: Evidence, w: Weights) -> int:
    return max(g.entries, key=lambda e: score(index, g, e, ev, w))


def _evidence(index: PlaceIndex, groups: list[Group], outlet: int | None, w: Weights,
              placed: bool) -> Evidence:
    ev = Evidence()
    ev.add("", outlet, None, w.outlet)
    for g in groups:
        for h in g.within:
            ev.add("", index.country[h], h if index.kind[h] == ADM1 else None, 1)
        picked = g.choice if placed else (g.entries[0] if len(g.entries) == 1 else None)
        if picked is None:
            continue
        kind = index.kind[picked]
        ev.add(g.key, index.country[picked], picked if kind == ADM1 else None, len(g.tops))
        if kind in (CITY, CAPITAL, ADM2):
            ev.anchors[g.key] = (index.lat[picked], index.lon[picked])
    return ev


PAIR_LAT_DEGREES = 1.0  # a degree of latitude is 111 km: a farther pair adds next to nothing


def _settlements(index: PlaceIndex, g: Group, w: Weights) -> list[int]:
    """The group's most populous towns big enough to be paired with another toponym's."""
    found = [e for e in g.entries if index.kind[e] in (CITY, CAPITAL, ADM2)
             and index.population[e] >= w.pair_population]
    return sorted(found, key=lambda e: -index.population[e])[: w.pair_candidates]


def pair_distances(index: PlaceIndex, groups: list[Group], w: Weights) -> dict[int, float]:
    """For each ambiguous toponym's settlements, the distance to the nearest namesake of
    another toponym: two names that both fit one small area mean that area, whatever
    their more famous namesakes ("London" beside "St. Marys" is in Ontario)."""
    named = [g for g in groups if g.typed_place and not all(t.inner for t in g.tops)]
    settled = [(g, _settlements(index, g, w)) for g in named]
    spots = [(g.key, e) for g, found in settled for e in found]
    if len(spots) < 2:
        return {}
    return {
        e: _nearest_other(index, e, g.key, spots)
        for g, found in settled if len(g.entries) >= 2 for e in found
    }


def _nearest_other(index: PlaceIndex, e: int, key: str, spots: list[tuple[str, int]]) -> float:
    """Km from entry ``e`` to the nearest spot of a toponym other than ``key``."""
    here = (index.lat[e], index.lon[e])
    return min(
        (_km(here, (index.lat[o], index.lon[o])) for k, o in spots
         if k != key and abs(index.lat[o] - here[0]) <= PAIR_LAT_DEGREES),
        default=math.inf,
    )


def resolve(index: PlaceIndex, groups: list[Group], outlet: int | None, w: Weights) -> None:
    """Set each group's ``choice``: two passes, the second with the first's places as context."""
    pairs = pair_distances(index, groups, w)
    for placed in (False, True):
        ev = _evidence(index, groups, outlet, w, placed)
        ev.pairs = pairs
        for g in groups:
            g.choice = choose(index, g, ev, w)
    final = _evidence(index, groups, outlet, w, True)
    final.pairs = pairs
    for g in groups:
        if not _accepted(index, g, final, w):
            g.choice = None


def _accepted(index: PlaceIndex, g: Group, ev: Evidence, w: Weights) -> bool:
    if g.choice is None:
        return False
    country = index.country[g.choice]
    if is_descriptive(index.names[g.choice]) or any(is_descriptive(t.mention.text) for t in g.tops):
        # "the West", "Southern": only a division of a country the article is about
        return country != NO_COUNTRY and ev.country_share(g.key, country) > 0
    if _stray(index, g, ev, w):
        return False
    if g.typed_place:
        return _typed_enough(index, g, ev, w)
    return _enough(index, g, ev, w)


def _stray(index: PlaceIndex, g: Group, ev: Evidence, w: Weights) -> bool:
    """A small town abroad that nothing else in the article points to: a namesake of a
    place the gazetteer lacks (an airport, a district) more often than the town."""
    e = g.choice
    if e is None or index.kind[e] != CITY or index.population[e] >= w.stray_population:
        return False
    if any(holds(index, h, e) for h in g.within):
        return False
    country = index.country[e]
    return ev.country_share(g.key, country) == 0 and ev.nearest_km(
        g.key, (index.lat[e], index.lon[e])) > w.near_km and _others_named(ev, g.key)


def _others_named(ev: Evidence, key: str) -> bool:
    own = ev.own_countries.get(key, {})
    return sum(ev.countries.values()) - sum(own.values()) >= 2


def _typed_enough(index: PlaceIndex, g: Group, ev: Evidence, w: Weights) -> bool:
    """A name spaCy typed as a place needs less: a hamlet still needs some context."""
    e = g.choice
    if e is None:
        return False
    if index.kind[e] != CITY or index.population[e] >= w.typed_population:
        return True
    return _in_context(index, g, e, ev, w)


def _enough(index: PlaceIndex, g: Group, ev: Evidence, w: Weights) -> bool:
    """Whether a name spaCy typed as something else is sure enough to be a place:
    a country, division or city of some size, or a town the text puts in context
    (a locative cue, a qualifier, its division named, a neighbour placed)."""
    if g.choice is None:
        return False
    e = g.choice
    kind = index.kind[e]
    pop = index.population[e]
    if kind in (COUNTRY, ADM1, REGION) or pop >= w.strict_population:
        return True
    if any(holds(index, h, e) for h in g.within):
        return True  # "Gimli, Man.": the text says where it is, however small
    if pop < w.cue_population:
        return False
    if _in_context(index, g, e, ev, w):
        return True
    return pop >= w.context_population and any(t.words > 1 and not t.inner for t in g.tops)


def _in_context(index: PlaceIndex, g: Group, e: int, ev: Evidence, w: Weights) -> bool:
    """A locative cue, a qualifier, its division named, or a neighbour placed."""
    if g.cue or any(holds(index, h, e) for h in g.within):
        return True
    adm = index.admin1[e]
    if adm != NO_ADMIN and ev.names_admin1(g.key, adm):
        return True
    return ev.nearest_km(g.key, (index.lat[e], index.lon[e])) <= w.near_km / 3
