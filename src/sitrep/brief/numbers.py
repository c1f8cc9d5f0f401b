"""Numbers: figures grouped by what they count, in time order, as series when they develop."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TypeVar

from sitrep.brief.model import NumberPoint, NumberSeries
from sitrep.reconcile.claims import Discrepancy, QuantityClaim
from sitrep.reconcile.config import BriefConfig
from sitrep.reconcile.discrepancies import about
from sitrep.reconcile.explain import as_of
from sitrep.reconcile.frames import independent_outlets
from sitrep.reconcile.lexicon import claim_lexicon
from sitrep.reconcile.measures import measure_words

_MAX = 15
_LEAD_CHARS = 600  # about a headline and a lead sentence
T = TypeVar("T")


def number_items(
    groups: Sequence[Sequence[QuantityClaim]], discrepancies: Sequence[Discrepancy],
    config: BriefConfig,
) -> list[NumberSeries]:
    developing = {id(c) for d in discrepancies if d.kind == "quantity_update" for c in d.claims}
    ranked = []
    for g in groups:
        count = len(independent_outlets(g))
        if count < 2 and not _prominent(g):
            continue  # one outlet's passing figure: not what the story is about
        if not g[0].predicate and count < 2:
            continue  # a lone figure with no verb says too little to list
        ranked.append((count, g))
    ranked.sort(key=lambda r: (-bool(r[1][0].predicate), -r[0], r[1][0].scope != "current"))
    out = []
    for _, g in ranked[:_MAX]:
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


def _prominent(g: Sequence[QuantityClaim]) -> bool:
    """A figure in the lead of its report (its first sentences), or one a named source
    gives ("police said"), matters to the story."""
    return g[0].predicate in _known_predicates() and any(
        c.sentence.start < _LEAD_CHARS or c.voice.attributed for c in g)


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
