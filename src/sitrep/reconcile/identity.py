"""Figure identity across outlets: strict groups that state one figure in other words.

Outlets word one figure differently: "a price tag of $90 million" and "sells
commercially for around $60 million", "12 engines" and "12 main engines",
"276 girls" dated by the kidnapping in one report and by the release in the
other. Their strict keys differ, but when two independent outlets give the same
precise value of the same dimension (or of the same counted class), they state
one figure. Groups joined this way are listed together and corroborate each
other; they are never compared for conflicts (their identity rests on the
agreement itself), so discrepancies stay within strict groups.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Sequence

from sitrep.reconcile.claims import QuantityClaim
from sitrep.reconcile.lexicon import claim_lexicon
from sitrep.reconcile.measures import INFERRED, measure_words
from sitrep.reconcile.partition import Partition

_MIN_COUNT = 4  # one, two, three of a kind coincide by chance ("two countries")
# Groups of one key are apart only by their places (an article's places stand in for a
# count's): an exact count of two or more of one thing from two outlets is one figure.
_SAME_KEY_COUNT = 2.0
# A count this large, given exactly by two outlets, is one figure whatever noun each
# uses ("61 million customers", "61 million people").
_LARGE = 1000.0


def figure_groups(groups: Sequence[list[QuantityClaim]]) -> list[list[QuantityClaim]]:
    """Strict groups joined where independent outlets state one figure, in input order."""
    joined = Partition(len(groups))
    loose: list[tuple[int, int]] = []
    for i, j in _candidates(groups):
        if joined.find(i) != joined.find(j) and _same_figure(groups[i], groups[j]):
            if _other_nouns(groups[i], groups[j]):
                loose.append((i, j))
            else:
                joined.union(i, j)
    # A join of other nouns rests on one coincidence of value: each figure takes at
    # most one such join, so "consumers", "people" and "accounts" never chain.
    taken: set[int] = set()
    for i, j in loose:
        a, b = joined.find(i), joined.find(j)
        if a != b and a not in taken and b not in taken:
            joined.union(a, b)
            taken |= {a, b, joined.find(a)}
    merged: dict[int, list[QuantityClaim]] = {}
    for i, g in enumerate(groups):
        merged.setdefault(joined.find(i), []).extend(g)
    return list(merged.values())


def _candidates(groups: Sequence[list[QuantityClaim]]) -> list[tuple[int, int]]:
    """Pairs of groups of one dimension and mode with overlapping bounded values from
    different outlets, found by a sweep over sorted intervals (long stories stay fast)."""
    by_kind: dict[tuple[str, ...], list[tuple[float, float, int, str]]] = defaultdict(list)
    for i, g in enumerate(groups):
        for c in g:
            if c.cmp_high is not None and c.value is not None:
                by_kind[(c.dimension, c.key.mode)].append((c.cmp_low, c.cmp_high, i, c.outlet))
            elif _open_floor(c):  # "more than 8,000": compared by its floor alone
                by_kind[(c.dimension, c.key.mode, "open")].append(
                    (c.cmp_low, c.cmp_low, i, c.outlet))
    pairs: set[tuple[int, int]] = set()
    for spans in by_kind.values():
        spans.sort()
        active: list[tuple[float, float, int, str]] = []
        for low, high, i, outlet in spans:
            active = [a for a in active if a[1] >= low - 1e-9]
            pairs.update((min(i, a[2]), max(i, a[2])) for a in active
                         if a[2] != i and a[3] != outlet)
            active.append((low, high, i, outlet))
    return sorted(pairs)


def _same_figure(a: Sequence[QuantityClaim], b: Sequence[QuantityClaim]) -> bool:
    x, y = a[0], b[0]
    if x.dimension != y.dimension or x.key.mode != y.key.mode:
        return False  # other units or planned vs actual
    if x.predicate.endswith(INFERRED) or y.predicate.endswith(INFERRED):
        return False
    if x.predicate != y.predicate and _named(x.predicate) and _named(y.predicate):
        return False  # "killed" and "injured", "fell" and "rose": never one figure
    if x.dimension == "position" and x.predicate != y.predicate:
        return False  # "the 3rd lap" and "third place": small ranks recur by chance
    if _other_nouns(a, b):
        least = _LARGE
    elif x.key == y.key:
        least = _SAME_KEY_COUNT  # "three executives" twice: apart only by place
    else:
        least = _MIN_COUNT
    return any(_precise_match(c, d, least) for c in a for d in b if c.outlet != d.outlet)


def _other_nouns(a: Sequence[QuantityClaim], b: Sequence[QuantityClaim]) -> bool:
    """Counts of different counted classes ("61 million customers", "... people")."""
    return not a[0].dimension and a[0].counted_class != b[0].counted_class


def _named(predicate: str) -> bool:
    """A predicate the lexicons name (killed, price, weight), not a nearby word."""
    base = predicate.removesuffix(" to")
    return base in _lexicon_words() or predicate.startswith("@")


@functools.cache
def _lexicon_words() -> frozenset[str]:
    return frozenset(claim_lexicon().predicates.values()) | frozenset(
        measure_words().measures.values())


def _open_floor(c: QuantityClaim) -> bool:
    """An open-ended figure with a stated floor ("more than 8,000", "at least 40")."""
    return c.cmp_high is None and c.cmp_low > 0


def _precise_match(c: QuantityClaim, d: QuantityClaim, least: float = _MIN_COUNT) -> bool:
    """Both figures bounded and compatible, or open-ended from one floor of one named
    predicate ("killed more than 8,000" twice: round floors like "more than 50" recur,
    so the predicate must agree too), and not a small count that recurs by chance."""
    if _open_floor(c) and _open_floor(d):
        return (c.cmp_low == d.cmp_low and c.predicate == d.predicate and _named(c.predicate)
                and (bool(c.dimension) or c.cmp_low >= least))
    if c.cmp_high is None or d.cmp_high is None or c.value is None or d.value is None:
        return False
    if not c.dimension and min(c.value, d.value) < least:
        return False
    return c.cmp_low <= d.cmp_high + 1e-9 and d.cmp_low <= c.cmp_high + 1e-9
