"""Revised counts: one verb-less count reported with another value on a later day.

"61 million customers" at disclosure and "63.2 million people" weeks later
have no verb to say what happened to them, so they are never compared for
conflicts (bare counts may count different things). Yet when reports dated
apart give values of one magnitude for one counted class, the later value
revises the earlier: this relation only ever yields an update, never a conflict.
Values are nodes (one value, whatever noun each outlet uses: their classes
pool); nodes of a shared class, close in size and first reported on different
days, join one developing series. Within one report, a count the words mark as
an earlier statement ("previously said up to 40,000") is revised by the
report's other count of the same class or group: the report tells the change.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations

from sitrep.reconcile import explain
from sitrep.reconcile.claims import Discrepancy, QuantityClaim
from sitrep.reconcile.config import BriefConfig
from sitrep.reconcile.discrepancies import one_per_report_value
from sitrep.reconcile.explain import as_of
from sitrep.reconcile.partition import Partition
from sitrep.reconcile.quantities import overlaps


@dataclass(slots=True)
class _Value:
    """Every report of one value: the classes it is given for, when first reported."""

    size: float
    claims: list[QuantityClaim] = field(default_factory=list)
    classes: set[str] = field(default_factory=set)
    affiliation: set[str] = field(default_factory=set)
    first_day: str = ""  # kept as claims are added: read for every pair of values


def count_revisions(claims: Sequence[QuantityClaim], config: BriefConfig) -> list[Discrepancy]:
    nodes = _values(claims, config.revision_min_count)
    joined = Partition(len(nodes))
    for i, j in combinations(range(len(nodes)), 2):
        if _revises(nodes[i], nodes[j], config.revision_max_ratio):
            joined.union(i, j)
    series: dict[int, list[_Value]] = defaultdict(list)
    for i, node in enumerate(nodes):
        series[joined.find(i)].append(node)
    return [_discrepancy(parts) for parts in series.values() if len(parts) > 1]


# Words before a figure saying it was an earlier statement, since replaced.
_EARLIER = re.compile(
    r"\b(?:previously|initially|originally|earlier|first)\b(?:\s+\w+){0,3}\s*$|"
    r"\bhad\s+(?:said|estimated|reported|put|given)\b(?:\s+\w+){0,3}\s*$",
    re.IGNORECASE,
)


def revised_in_report(
    claims: Sequence[QuantityClaim], texts: dict[str, str], config: BriefConfig
) -> list[Discrepancy]:
    """Counts a report gives as an earlier statement, each with the report's current
    count of the same class or group that replaced it."""
    by_article: dict[str, list[tuple[QuantityClaim, float]]] = defaultdict(list)
    for c in claims:
        size = _bare(c, config.revision_min_count)
        if size is not None:
            by_article[c.citation.article].append((c, size))
    out = []
    for article, counts in by_article.items():
        text = texts.get(article, "")
        earlier = [(c, size) for c, size in counts
                   if _EARLIER.search(text[c.sentence.start : c.citation.start])]
        for old, old_size in earlier:
            # The words say the value was replaced: "up to 40,000" then "about 8,000"
            # is a revision though the ranges overlap.
            new = next((c for c, size in counts if (c, size) not in earlier
                        and _same_class(old, c) and size != old_size), None)
            if new is not None:
                out.append(_update([old, new]))
    return out


def _same_class(a: QuantityClaim, b: QuantityClaim) -> bool:
    return a.counted_class == b.counted_class or bool(a.affiliation & b.affiliation)


def _bare(c: QuantityClaim, least: float) -> float | None:
    """The size of a dated, bounded, verb-less count of a whole class, if large enough
    that two outlets giving it by chance is unlikely."""
    if c.dimension or c.predicate or c.part or c.scope != "current" or not c.counted_class:
        return None
    size = c.value if c.value is not None else c.cmp_high
    if size is None or size < least or as_of(c) is None:
        return None
    return size


def _values(claims: Sequence[QuantityClaim], least: float) -> list[_Value]:
    nodes: dict[float, _Value] = {}
    for c in claims:
        size = _bare(c, least)
        if size is None:
            continue
        node = nodes.setdefault(size, _Value(size))
        node.claims.append(c)
        day = as_of(c) or ""  # never empty: a bare count is dated
        node.first_day = min(node.first_day, day) if node.first_day else day
        node.classes.add(c.counted_class)
        node.affiliation |= c.affiliation
    return list(nodes.values())


def _revises(a: _Value, b: _Value, max_ratio: float) -> bool:
    """One class, one magnitude, values apart, first reported on different days; counts
    of different groups ("Canadian", "British") are never one series."""
    if not a.classes & b.classes or a.first_day == b.first_day:
        return False
    if a.affiliation and b.affiliation and not a.affiliation & b.affiliation:
        return False
    if max(a.size, b.size) > max_ratio * min(a.size, b.size):
        return False
    return not overlaps(a.claims[0].span, b.claims[0].span)


def _discrepancy(parts: list[_Value]) -> Discrepancy:
    """The series in time order: one claim per article and value."""
    return _update(one_per_report_value(
        sorted((c for p in parts for c in p.claims), key=lambda c: as_of(c) or "")))


def _update(series: list[QuantityClaim]) -> Discrepancy:
    about = f"{series[0].counted.strip()}, as reported over time"
    return Discrepancy("quantity_update", about, list(series), explain.update(series))
