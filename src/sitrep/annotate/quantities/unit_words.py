"""Word lists for quantities, read once from ``data/quant_*`` and compiled to regexes.

Users extend units, currencies, qualifiers and label words by editing those
files; nothing here names a particular text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sitrep import lexicons
from sitrep.annotate.quantities.number_words import number_words


def _exact(surface: str) -> bool:
    """Short or capitalised surfaces ("m", "kW", "GB") must match in their own case."""
    return len(surface) <= 2 or surface != surface.lower() or not surface.isalpha()


def _alternation(surfaces: Iterable[str]) -> str:
    """Longest-first alternation; case-insensitive only for plain lower-case words."""
    parts = []
    for s in sorted(set(surfaces), key=len, reverse=True):
        escaped = re.escape(s).replace(r"\ ", r"\s+")
        parts.append(escaped if _exact(s) else f"(?i:{escaped})")
    return "|".join(parts)


@dataclass(frozen=True, slots=True)
class Unit:
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    units: dict[str, Unit]  # surface (as written, lower-cased when inexact) -> unit
    unit_re: re.Pattern[str]  # matches a unit surface at a position
    currency_prefix: dict[str, str]  # exact prefix -> currency name
    prefix_re: re.Pattern[str]  # a currency prefix ending where a number starts
    currency_words: dict[str, str]  # lower-cased word -> currency name
    scaled_only: frozenset[str]  # currency words that need a scale ("billion won")
    currency_word_re: re.Pattern[str]
    scales: dict[str, tuple[float, bool]]  # suffix -> (multiplier, needs money)
    scale_re: re.Pattern[str]
    qualifiers: dict[str, str]  # lower-cased phrase -> kind
    qualifier_re: re.Pattern[str]  # a qualifier ending where a number starts
    labels: frozenset[str]
    streets: frozenset[str]

    def unit_for(self, surface: str) -> Unit | None:
        key = re.sub(r"\s+", " ", surface)
        return self.units.get(key) or self.units.get(key.lower())


def _load_units() -> tuple[dict[str, Unit], list[str]]:
    units: dict[str, Unit] = {}
    surfaces: list[str] = []
    for row in lexicons.rows("quant_units.csv"):
        name, kind = row["name"], row["kind"]
        for form in row["surfaces"].split("|"):
            units[form if _exact(form) else form.lower()] = Unit(name, kind)
            surfaces.append(form)
    return units, surfaces


def _load_currencies() -> tuple[dict[str, str], dict[str, str], set[str]]:
    prefixes: dict[str, str] = {}
    words: dict[str, str] = {}
    scaled: set[str] = set()
    for row in lexicons.rows("quant_currencies.csv"):
        name = row["name"]
        for p in filter(None, row["prefixes"].split("|")):
            prefixes[p] = name
        for w in filter(None, row["words"].split("|")):
            bare = w.rstrip("*").lower()
            words[bare] = name
            if w.endswith("*"):
                scaled.add(bare)
    return prefixes, words, scaled


def _prefix_pattern(prefixes: Iterable[str]) -> str:
    parts = []
    for p in sorted(prefixes, key=len, reverse=True):
        escaped = re.escape(p).replace(r"\ ", r"\ ?")
        # letter codes and abbreviations ("USD", "Rs", "Rs.") may stand apart from the
        # number by one space; two capitals ("PS", "RM") only glued, they are often labels
        word = p.rstrip(".")
        spaced = word.isalpha() and (len(word) > 2 or not word.isupper())
        tail = r"\ ?" if spaced else ""
        parts.append(escaped + tail)
    return "|".join(parts)


@functools.cache
def lexicon() -> Lexicon:
    units, surfaces = _load_units()
    prefixes, words, scaled = _load_currencies()
    scales = {
        r["suffix"]: (float(r["multiplier"]), r["needs_money"] == "1")
        for r in lexicons.rows("quant_scales.csv")
    }
    quals: dict[str, str] = {r["phrase"]: r["kind"] for r in lexicons.rows("quant_qualifiers.csv")}
    labels = frozenset(w.lower() for w in lexicons.column("quant_label_words.csv", "word"))
    word_scales = [w for w, e in number_words().items() if e.kind == "scale"]
    scale_alt = _alternation([*word_scales, *scales])
    qual_alt = "|".join(
        re.escape(q).replace(r"\ ", r"\s+") for q in sorted(quals, key=len, reverse=True)
    )
    # a nation's name before a currency word, on the same line ("Hong Kong dollars"; a
    # dateline's "6 Feb" above a headline's "Bitcoin ..." is none)
    nation = r"(?:(?:U\.S\.|US|[A-Z][a-z]+(?:[ \u00a0][A-Z][a-z]+)?)[ \u00a0])?"
    return Lexicon(
        units=units,
        unit_re=re.compile(rf"(?:{_alternation(surfaces)})(?![A-Za-z0-9])"),
        currency_prefix=prefixes,
        prefix_re=re.compile(rf"(?<![A-Za-z])(?:{_prefix_pattern(prefixes)})$"),
        currency_words=words,
        scaled_only=frozenset(scaled),
        currency_word_re=re.compile(
            rf"(?P<nation>{nation})(?P<word>{_alternation(words)})(?![A-Za-z])"
        ),
        scales=scales,
        scale_re=re.compile(rf"(?:[ \-]?)(?P<scale>{scale_alt})(?![A-Za-z])"),
        qualifiers={re.sub(r"\s+", " ", q.lower()): k for q, k in quals.items()},
        qualifier_re=re.compile(rf"(?i:(?<![\w])(?P<q>{qual_alt}))\s*$"),
        labels=labels,
        streets=lexicons.street_words(),
    )


@functools.cache
def units_of_kind(kind: str) -> frozenset[str]:
    """The names of the lexicon's units that measure ``kind`` ("force", "mass")."""
    return frozenset(u.name for u in lexicon().units.values() if u.kind == kind)


@functools.cache
def substance_nouns() -> frozenset[str]:
    """Nouns of quant_substances.csv ("rice", "cocaine", "waste"): what is weighed."""
    return frozenset(lexicons.column("quant_substances.csv", "word"))


@functools.cache
def measure_nouns() -> frozenset[str]:
    """Nouns of quant_measure_nouns.csv ("age", "magnitude", "mile"): a number after
    them is their value, not a label naming one of a series."""
    return frozenset(lexicons.column("quant_measure_nouns.csv", "word"))
