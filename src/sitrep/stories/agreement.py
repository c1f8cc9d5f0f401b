"""B-cubed agreement between two groupings of the same articles.

The measure of ``../shared/eval/score.py stories``, used by the quality gates
and by ``benchmarks/bench_story_order.py`` (stories from different arrival
orders compared with each other).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping


def bcubed(pred: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """(precision, recall, F1) of ``pred`` (item -> group) against ``gold``.

    Items of ``gold`` missing from ``pred`` count as groups of their own.
    """
    if not gold:
        return 1.0, 1.0, 1.0
    predicted: dict[str, set[str]] = defaultdict(set)
    true: dict[str, set[str]] = defaultdict(set)
    for item, group in gold.items():
        predicted[pred.get(item, "single:" + item)].add(item)
        true[group].add(item)
    p = r = 0.0
    for item, group in gold.items():
        mine = predicted[pred.get(item, "single:" + item)]
        theirs = true[group]
        p += len(mine & theirs) / len(mine)
        r += len(mine & theirs) / len(theirs)
    p, r = p / len(gold), r / len(gold)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0
