"""The story's sentences with TF-IDF vectors and a centrality score.

Centrality is closeness to the story centroid, where a sentence's terms are
its words plus the canonical entities it mentions (so "DPRK" and "North
Korea" count as one), with a small bonus for an article's lead.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from sitrep.brief.vectors import Vector, centroid, cosine, terms, tfidf
from sitrep.models import Span
from sitrep.reconcile.config import BriefConfig
from sitrep.reconcile.context import ArticleContext
from sitrep.reconcile.records import Citation

_LEAD = 3
_LEAD_BONUS = 0.25


@dataclass(slots=True)
class Sentence:
    ctx: ArticleContext
    span: Span
    position: int
    vector: Vector
    score: float = 0.0

    @property
    def citation(self) -> Citation:
        return Citation(self.ctx.id, self.span.start, self.span.end)

    @property
    def text(self) -> str:
        return self.span.text


class SentenceIndex:
    def __init__(self, contexts: Sequence[ArticleContext], config: BriefConfig) -> None:
        self.sentences: list[Sentence] = []
        docs: list[list[str]] = []
        for ctx in contexts:
            ents = sorted(((e.start, e.entity_id) for e in ctx.ann.entities), key=lambda x: x[0])
            starts = [s for s, _ in ents]
            seen: set[tuple[int, int]] = set()
            for i, raw in enumerate(ctx.sentences):
                if raw.end <= raw.start:
                    continue
                span = ctx.sentence_at(max(raw.start, raw.end - 1))
                if span.end <= span.start or (span.start, span.end) in seen:
                    continue
                seen.add((span.start, span.end))
                lo = bisect.bisect_left(starts, span.start)
                hi = bisect.bisect_left(starts, span.end)
                docs.append(terms(span.text) + [f"@{eid}" for _, eid in ents[lo:hi]])
                self.sentences.append(Sentence(ctx, span, i, {}))
        for s, vec in zip(self.sentences, tfidf(docs), strict=True):
            s.vector = vec
        center = centroid([s.vector for s in self.sentences])
        for s in self.sentences:
            lead = 1 + (_LEAD_BONUS if s.position < _LEAD else 0.0)
            s.score = cosine(s.vector, center) * lead * config.weight(s.ctx.outlet)
        self._by_span = {(s.ctx.id, s.span.start): s for s in self.sentences}

    def at(self, citation: Citation) -> Sentence | None:
        return self._by_span.get((citation.article, citation.start))

    def score_of(self, citation: Citation) -> float:
        s = self.at(citation)
        return s.score if s else 0.0
