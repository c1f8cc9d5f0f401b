"""Summary: central sentences quoted from the sources, chosen MMR-style (no repeats)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from sitrep.brief.model import BriefItem
from sitrep.brief.salience import cosine
from sitrep.brief.sentences import Sentence, SentenceIndex
from sitrep.reconcile.claims import QuantityClaim
from sitrep.reconcile.config import BriefConfig

_TERMINAL = re.compile(r"[.!?][\"”’)]*$")


def summary_items(
    index: SentenceIndex, config: BriefConfig,
    figures: Sequence[QuantityClaim] = (),
) -> list[BriefItem]:
    """The lead sentences; a sentence giving a figure the summary already gives (the
    same toll told again, or an earlier count of it) is left for the Numbers."""
    told_in: dict[tuple[str, int], set[tuple[str, ...]]] = defaultdict(set)
    for f in figures:
        if f.predicate:
            told_in[(f.sentence.article, f.sentence.start)].add(f.key)
    told: set[tuple[str, ...]] = set()
    pool = [s for s in index.quotable() if _quotable(s)]
    if not pool:
        return []
    # MMR picks among the most central sentences: the rest can never win at lambda 0.7.
    pool = sorted(pool, key=lambda s: -s.score)[:config.summary_pool]
    top = max(s.score for s in pool) or 1.0
    chosen: list[Sentence] = []
    lam = config.summary_lambda
    while pool and len(chosen) < config.summary_sentences:
        def mmr(s: Sentence) -> float:
            overlap = max((cosine(s.vector, c.vector) for c in chosen), default=0.0)
            return lam * s.score / top - (1 - lam) * overlap

        best = max(pool, key=mmr)
        pool.remove(best)
        if any(cosine(best.vector, c.vector) > config.summary_duplicate for c in chosen):
            continue
        keys = told_in.get((best.ctx.id, best.span.start), set())
        if keys & told:
            continue
        told |= keys
        chosen.append(best)
    return [BriefItem(s.text, [s.citation]) for s in chosen]


def _quotable(s: Sentence) -> bool:
    """A whole declarative sentence of reasonable length, not a quote or a heading."""
    words = s.text.split()
    if not 8 <= len(words) <= 70 or "\n" in s.text:
        return False
    if s.text[:1] in "\"“‘'" or not _TERMINAL.search(s.text):
        return False
    return not s.text.rstrip().endswith("?")
