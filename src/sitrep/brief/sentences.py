"""The story's sentences with TF-IDF vectors and a centrality score.

Centrality is closeness to the story centroid, where a sentence's terms are
its words plus the canonical entities it mentions (so "DPRK" and "North
Korea" count as one), with a small bonus for an article's lead. The centroid
is that of the story's core articles (see ``relevance``); sentences of other
articles (related coverage) and chrome sentences score nothing and are never
quoted.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from sitrep.brief.model import BriefItem, TimelineEntry
from sitrep.brief.relevance import OUTLIER_RATIO, article_profiles, core_articles, follow_ups
from sitrep.brief.salience import Vector, add, centroid, cosine, normalise, terms, tfidf
from sitrep.models import Span
from sitrep.reconcile.chrome_text import chrome_tail, is_chrome, is_chrome_line
from sitrep.reconcile.claims import Citation
from sitrep.reconcile.config import BriefConfig
from sitrep.reconcile.context import ArticleContext

ItemT = TypeVar("ItemT", bound=BriefItem)
_ENDS_SENTENCE = re.compile(r"[.!?…:;][\"”’)\]]*$")
# A heading is a short line; a longer one is prose that lost its full stop.
_HEADING_WORDS = 14
# A live blog's entry opens with its time: "11.38am - UPDATE - ...", "14:05 — ...".
_LIVE_ENTRY = re.compile(
    r"\s*\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?\s*[-–—|](?:\s*(?:UPDATE|BREAKING)\s*[-–—:|])?", re.I)


@dataclass(slots=True)
class Sentence:
    ctx: ArticleContext
    span: Span
    position: int
    vector: Vector
    score: float = 0.0
    chrome: bool = False  # a caption, credit, teaser or prompt: never quoted
    entry: int = -1  # where the live-blog entry it opens starts (its time stamp), else -1
    related: bool = False  # in an article about another happening (see ``relevance``)

    @property
    def usable(self) -> bool:
        """Neither chrome nor related coverage: it may stand for a claim of the story."""
        return not self.chrome and not self.related

    @property
    def whole(self) -> bool:
        """A sentence rather than a heading: it ends like one."""
        return bool(_ENDS_SENTENCE.search(self.span.text))

    @property
    def quotable(self) -> bool:
        """Usable, and a sentence rather than a heading."""
        return self.usable and self.whole

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


def _without_prompt(span: Span) -> Span:
    """The sentence without a closing prompt to the reader glued to it (see
    ``chrome_tail``); the span is cut, so citations never hold the prompt. A sentence
    that is all prompt is chrome."""
    cut = chrome_tail(span.text)
    if cut is None:
        return span
    kept = span.text[:cut].rstrip()
    return Span(span.start, span.start + len(kept), kept) if kept else span


def _without_time_stamp(span: Span) -> tuple[Span, int]:
    """The sentence without the time stamp of the live-blog entry it opens ("11.38am -
    UPDATE - "), and where that entry starts (-1 when it opens none)."""
    stamp = _LIVE_ENTRY.match(span.text)
    if stamp is None or stamp.end() >= len(span.text):
        return span, -1
    text = span.text[stamp.end():]
    cut = stamp.end() + len(text) - len(text.lstrip())
    return Span(span.start + cut, span.end, span.text[cut:]), span.start


def _sections(sentences: Sequence[Sentence]) -> list[list[Sentence]]:
    """Each article's sentences cut at its headings (a short line of its own that does
    not end like a sentence): a digest or a page with other stories glued to it holds
    one story per section."""
    out: list[list[Sentence]] = []
    last = None
    for s in sentences:
        if s.ctx.id != last:
            out.append([])
            last = s.ctx.id
        if (_heading(s) or s.entry >= 0) and out[-1]:
            out.append([])
        out[-1].append(s)
    return out


def _heading(s: Sentence) -> bool:
    line = _line_of(s.ctx.article.text, s.span).strip()
    return (not s.whole and line == s.text.strip()
            and len(line.split()) <= _HEADING_WORDS)


def _off_topic_sections(sentences: Sequence[Sentence]) -> list[list[Sentence]]:
    """The sections of core articles that the other core articles hardly share: another
    story told under its own heading before or after the page's own (a digest). Each
    section is measured against the rest of the story without its own article, and
    judged against its article's best section; an article of one section keeps it
    (whether the article is the story's is ``relevance``'s call)."""
    by_article: dict[str, list[list[Sentence]]] = {}
    for section in _sections(sentences):
        if any(s.usable for s in section):
            by_article.setdefault(section[0].ctx.id, []).append(section)
    split = {aid: secs for aid, secs in by_article.items() if len(secs) > 1}
    if not split or len(by_article) < 2:
        return []
    total = add({}, [s.vector for s in sentences if s.usable])
    out = []
    for secs in split.values():
        own = [s.vector for sec in secs for s in sec if s.usable]
        rest = normalise(add(dict(total), own, -1.0))
        fits = [cosine(centroid([s.vector for s in sec if s.usable]), rest) for sec in secs]
        floor = OUTLIER_RATIO * max(fits)
        low = [fit < floor for fit in fits]
        # Pages glue other stories before or after their own; a weak section between
        # two of the story's is the story's own background.
        head = low.index(False)
        tail = len(low) - low[::-1].index(False)
        out += secs[:head] + secs[tail:]
        # A live blog's entries are each their own report: a weak one is another story.
        out += [sec for sec, weak in zip(secs[head:tail], low[head:tail], strict=True)
                if weak and sec[0].entry >= 0]
    return out


def _line_of(text: str, span: Span) -> str:
    """The whole line a sentence sits on (a caption line may hold several sentences)."""
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    return text[start:] if end < 0 else text[start:end]


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
                span, entry = _without_time_stamp(_without_prompt(span))
                lo = bisect.bisect_left(starts, span.start)
                hi = bisect.bisect_left(starts, span.end)
                docs.append(terms(span.text) + [f"@{eid}" for _, eid in ents[lo:hi]])
                chrome = (is_chrome(span.text) or chrome_tail(span.text) == 0
                          or is_chrome_line(_line_of(ctx.article.text, span)))
                self.sentences.append(Sentence(ctx, span, i, {}, chrome=chrome, entry=entry))
        for s, vec in zip(self.sentences, tfidf(docs), strict=True):
            s.vector = vec
        vectors: dict[str, list[Vector]] = {c.id: [] for c in contexts}
        for s in self.sentences:
            if not s.chrome:
                vectors[s.ctx.id].append(s.vector)
        profiles = article_profiles(vectors)
        self.core = core_articles(contexts, profiles)
        self.follow_ups = follow_ups(contexts, vectors, profiles, self.core)
        for s in self.sentences:
            s.related = s.ctx.id not in self.core
        center = centroid([s.vector for s in self.sentences if s.usable])
        for section in _off_topic_sections(self.sentences):
            for s in section:
                s.related = True
        for s in self.sentences:
            lead = 1 + (config.lead_bonus if s.position < config.lead_sentences else 0.0)
            fit = cosine(s.vector, center) if s.usable else 0.0
            s.score = fit * lead * config.weight(s.ctx.outlet)
        self._by_span = {(s.ctx.id, s.span.start): s for s in self.sentences}
        # Claims cite a live-blog sentence from its time stamp on.
        self._by_span.update({(s.ctx.id, s.entry): s for s in self.sentences if s.entry >= 0})
        self._outlets = {c.id: c.outlet for c in contexts}
        self._chrome = _spans_where(self.sentences, lambda s: s.chrome)
        self._unusable = _spans_where(self.sentences, lambda s: not s.usable)

    def in_chrome(self, article: str, offset: int) -> bool:
        """Whether ``offset`` of an article lies in a chrome sentence (a caption, a credit)."""
        return _holds(self._chrome.get(article, []), offset)

    def off_story(self, article: str, offset: int) -> bool:
        """Whether ``offset`` of an article is not the story's: chrome, related coverage
        or a section of the page that tells another story."""
        return article not in self.core or _holds(self._unusable.get(article, []), offset)

    def excluded(self, article: str, offset: int) -> bool:
        """Whether ``offset`` of an article is chrome or in related coverage: what is
        said there is not the story's."""
        return article not in self.core or self.in_chrome(article, offset)

    def story_items(self, items: Sequence[ItemT]) -> list[ItemT]:
        """``items`` without citations of chrome or related coverage (a figure's other
        mentions may sit in a caption or a teaser); an item left without any is
        dropped, and its count of sources never exceeds the outlets still cited."""
        out = []
        for item in items:
            dated = isinstance(item, TimelineEntry)
            cites = [c for c in item.citations if not self.excluded(c.article, c.start)
                     or (dated and self.dated_at(c) is not None)]
            if not cites:
                continue
            if len(cites) < len(item.citations):
                item.citations = cites
                item.sources = min(item.sources, len({self._outlets.get(c.article, c.article)
                                                      for c in cites}))
            out.append(item)
        return out

    def quotable(self) -> list[Sentence]:
        """Sentences a brief may quote: not page chrome, not headings, not related coverage."""
        return [s for s in self.sentences if s.quotable]

    def at(self, citation: Citation) -> Sentence | None:
        """The usable sentence a citation starts (None for chrome or related coverage)."""
        s = self._by_span.get((citation.article, citation.start))
        return s if s is not None and s.usable else None

    def dated_at(self, citation: Citation) -> Sentence | None:
        """The sentence a citation starts if it may date the story's timeline: not chrome,
        in a core article or a follow-up (a later development of the story)."""
        s = self._by_span.get((citation.article, citation.start))
        if s is None or s.chrome:
            return None
        return s if s.usable or s.ctx.id in self.follow_ups else None

    def score_of(self, citation: Citation) -> float:
        s = self.at(citation)
        return s.score if s else 0.0


def _spans_where(
    sentences: Sequence[Sentence], pick: Callable[[Sentence], bool]
) -> dict[str, list[tuple[int, int]]]:
    """Per article, the sorted spans of the sentences ``pick`` chooses."""
    out: dict[str, list[tuple[int, int]]] = {}
    for s in sentences:
        if pick(s):
            out.setdefault(s.ctx.id, []).append((s.span.start, s.span.end))
    for spans in out.values():
        spans.sort()
    return out


def _holds(spans: list[tuple[int, int]], offset: int) -> bool:
    i = bisect.bisect_right(spans, (offset, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]
