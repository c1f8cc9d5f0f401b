"""The story's sentences with TF-IDF vectors and a centrality score.

Centrality is closeness to the story centroid, where a sentence's terms are
its words plus the canonical entities it mentions (so "DPRK" and "North
Korea" count as one), with a small bonus for an article's lead.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sitrep.brief.salience import Vector, centroid, cosine, terms, tfidf
from sitrep.models import Span
from sitrep.reconcile.chrome_text import is_chrome
from sitrep.reconcile.claims import Citation
from sitrep.reconcile.config import BriefConfig
from sitrep.reconcile.context import ArticleContext

_LEAD = 3
_ENDS_SENTENCE = re.compile(r"[.!?…:;][\"”’)\]]*$")
_LEAD_BONUS = 0.25


@dataclass(slots=True)
class Sentence:
    ctx: ArticleContext
    span: Span
    position: int
    vector: Vector
    score: float = 0.0
    chrome: bool = False  # a caption, credit, teaser or prompt: never quoted

    @property
    def quotable(self) -> bool:
        """Not chrome, and a sentence rather than a heading (it ends like one)."""
        return not self.chrome and bool(_ENDS_SENTENCE.search(self.span.text))

    @property
    def citation(self) -> Citation:
        return Citation(self.ctx.id, self.span.start, self.span.end)

    @property
    def text(self) -> str:
        return self.span.text


def _pieces(ctx: ArticleContext) -> Iterator[Span]:
    """The sentences as claims cite them: a sentence layer's span that runs over
    several lines gives one sentence per line it holds (see ``sentence_at``)."""
    text = ctx.article.text
    for raw in ctx.sentences:
        if raw.end <= raw.start:
            continue
        offsets = [raw.start] + [m + 1 for m in _newlines(text, raw.start, raw.end)]
        for offset in offsets:
            if offset < raw.end and not text[offset:raw.end].isspace():
                yield ctx.sentence_at(offset)


def _newlines(text: str, start: int, end: int) -> Iterator[int]:
    nl = text.find("\n", start, end)
    while nl >= 0:
        yield nl
        nl = text.find("\n", nl + 1, end)


class SentenceIndex:
    def __init__(self, contexts: Sequence[ArticleContext], config: BriefConfig) -> None:
        self.sentences: list[Sentence] = []
        docs: list[list[str]] = []
        for ctx in contexts:
            ents = sorted(((e.start, e.entity_id) for e in ctx.ann.entities), key=lambda x: x[0])
            starts = [s for s, _ in ents]
            seen: set[tuple[int, int]] = set()
            for i, span in enumerate(_pieces(ctx)):
                if span.end <= span.start or (span.start, span.end) in seen:
                    continue
                seen.add((span.start, span.end))
                lo = bisect.bisect_left(starts, span.start)
                hi = bisect.bisect_left(starts, span.end)
                docs.append(terms(span.text) + [f"@{eid}" for _, eid in ents[lo:hi]])
                self.sentences.append(Sentence(ctx, span, i, {}, chrome=is_chrome(span.text)))
        for s, vec in zip(self.sentences, tfidf(docs), strict=True):
            s.vector = vec
        center = centroid([s.vector for s in self.sentences])
        for s in self.sentences:
            lead = 1 + (_LEAD_BONUS if s.position < _LEAD else 0.0)
            s.score = cosine(s.vector, center) * lead * config.weight(s.ctx.outlet)
        self._by_span = {(s.ctx.id, s.span.start): s for s in self.sentences}
        self._chrome: dict[str, list[tuple[int, int]]] = {}
        for s in self.sentences:
            if s.chrome:
                self._chrome.setdefault(s.ctx.id, []).append((s.span.start, s.span.end))
        for spans in self._chrome.values():
            spans.sort()

    def in_chrome(self, article: str, offset: int) -> bool:
        """Whether ``offset`` of an article lies in a chrome sentence (a caption, a credit)."""
        spans = self._chrome.get(article, [])
        i = bisect.bisect_right(spans, (offset, 1 << 62)) - 1
        return i >= 0 and spans[i][0] <= offset < spans[i][1]

    def quotable(self) -> list[Sentence]:
        """Sentences a brief may quote: not page chrome, not headings."""
        return [s for s in self.sentences if s.quotable]

    def at(self, citation: Citation) -> Sentence | None:
        return self._by_span.get((citation.article, citation.start))

    def score_of(self, citation: Citation) -> float:
        s = self.at(citation)
        return s.score if s else 0.0
