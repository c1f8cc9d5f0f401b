"""Numbers: figures grouped by what they count, in time order, as series when they develop."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from itertools import combinations
from typing import TypeVar

from sitrep.brief.model import NumberPoint, NumberSeries
from sitrep.reconcile.claims import Citation, Discrepancy, QuantityClaim
from sitrep.reconcile.config import BriefConfig
from sitrep.reconcile.discrepancies import about
from sitrep.reconcile.explain import as_of
from sitrep.reconcile.frames import independent_outlets
from sitrep.reconcile.lexicon import claim_lexicon
from sitrep.reconcile.measures import INFERRED, measure_words
from sitrep.reconcile.quantities import agree
from sitrep.reconcile.years import YEAR_DIMENSION

T = TypeVar("T")


def number_items(
    groups: Sequence[Sequence[QuantityClaim]], discrepancies: Sequence[Discrepancy],
    config: BriefConfig, centrality: Callable[[Citation], float] | None = None,
) -> list[NumberSeries]:
    """The figures worth listing: those several outlets give, and one outlet's figures
    that stand in its lead; with ``centrality`` (a sentence's score, 0 for chrome or
    related coverage), also the ``numbers_late_max`` most central of its other precise
    figures, where the list has room."""
    developing = {id(c) for d in discrepancies if d.kind == "quantity_update" for c in d.claims}
    ranked = []
    late = []
    for g in groups:
        if g[0].dimension == YEAR_DIMENSION:
            continue  # a year dates a happening: the timeline's, unless reports clash
        if g[0].predicate.endswith(INFERRED) and not _agree(g):
            continue  # ages of a guessed person that differ: maybe of several people
        count = len(independent_outlets(g))
        if count < 2 and not _single_worth_listing(g, config.numbers_lead_chars):
            if centrality is not None and _passing_figure(g):
                late.append((centrality(g[0].sentence), g))
            continue  # one outlet's passing figure: not what the story is about
        ranked.append((count, g))
    ranked.sort(key=lambda r: (-r[0], -bool(r[1][0].predicate), r[1][0].scope != "current",
                               _first_offset(r[1])))
    chosen = [g for _, g in ranked[:config.numbers_max]]
    late.sort(key=lambda r: -r[0])
    room = min(config.numbers_late_max, config.numbers_max - len(chosen))
    chosen += [g for score, g in late if score > 0][:max(room, 0)]
    out = []
    for g in chosen:
        points = [
            NumberPoint(c.value_text, c.low, c.high, as_of(c), c.voice.label, c.sentence)
            for c in g
        ]
        dev = any(id(c) in developing for c in g)
        label = _label(g)
        values = _values(points)
        outlets = independent_outlets(g)
        out.append(NumberSeries(
            text=f"{label}: {' → '.join(values) if dev else ', '.join(values)}",
            citations=_unique([c.sentence for c in g]),
            sources=len(outlets),
            corroborated=len(outlets) >= config.min_sources,
            about=label,
            developing=dev,
            points=points,
        ))
    return out


def _agree(g: Sequence[QuantityClaim]) -> bool:
    return all(agree(a, b) for a, b in combinations(g, 2))


def _first_offset(g: Sequence[QuantityClaim]) -> int:
    return min(c.sentence.start for c in g)


def _single_worth_listing(g: Sequence[QuantityClaim], lead_chars: int) -> bool:
    """One outlet's figure is listed when it is precise, says what it measures or what
    happened (a unit other than a duration, or a known predicate), and stands in the
    opening of its report (headline and lead paragraphs: its first ``lead_chars``)."""
    c = g[0]
    if not _specific(g) or _first_offset(g) >= lead_chars:
        return False
    if c.dimension:
        return c.dimension != "duration"  # "for seven years", "one day": mostly background
    return c.predicate in _known_predicates()


def _passing_figure(g: Sequence[QuantityClaim]) -> bool:
    """One outlet's precise figure outside its lead that may still be a key one: not a
    length of time ("for three months", "after six years": mostly background)."""
    return _specific(g) and g[0].dimension != "duration"


def _specific(g: Sequence[QuantityClaim]) -> bool:
    """A precise figure: a value or a narrow range ("between 15 and 25 percent"), not
    "hundreds" or "dozens", and not a small count that says little ("two sides")."""
    vals = [v for v in map(_precise_value, g) if v is not None]
    return bool(vals) and (bool(g[0].dimension) or max(vals) >= _MIN_COUNT)


def _precise_value(c: QuantityClaim) -> float | None:
    """The claim's value, or the top of a range whose bounds are near each other."""
    if c.value is not None:
        return c.value
    if c.high is not None and c.low > 0 and c.high <= _NARROW_RANGE * c.low:
        return c.high
    return None


_NARROW_RANGE = 3.0  # "hundreds" spans tenfold, "nine to 12 months" a third more
_MIN_COUNT = 4


@functools.cache
def _known_predicates() -> frozenset[str]:
    """The predicates and measures the lexicons name (a level too: "fell to")."""
    measures = set(measure_words().measures.values())
    return frozenset(claim_lexicon().predicates.values()) | measures | {
        f"{m} to" for m in measures}


def _label(g: Sequence[QuantityClaim]) -> str:
    label = about(g)
    if g[0].scope != "current" and g[0].time_text:
        # The scope in the source's words ("in 2024", "the last 15 months").
        label = label.rsplit(", ", 1)[0] + f", {g[0].time_text}"
    return label


def _values(points: Sequence[NumberPoint]) -> list[str]:
    out: list[str] = []
    for p in points:
        if not out or out[-1] != p.value:
            out.append(p.value)
    return out


def _unique(items: Sequence[T]) -> list[T]:
    seen: list[T] = []
    for i in items:
        if i not in seen:
            seen.append(i)
    return seen
