"""Per-article indexes the claim builders share: sentences, outlet, dates, voices."""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sitrep.models import Annotations, Article, Attribution, Span, parse_iso_date
from sitrep.outlets import outlet_name
from sitrep.reconcile.claims import Citation, Voice
from sitrep.reconcile.coref import Referent, resolve

PLACE_TYPES = frozenset({"GPE", "LOC"})
_TERMINAL = set(".!?…:\"”’)")
_DATELINE = re.compile(
    r"\s*[A-Z]{3,}[A-Z.'’ -]*(?:,\s*[A-Z][\w.'’ -]{1,30})?\s*(?:\([^()\n]{1,30}\)\s*)?"
    r"(?:—|–|--|-)\s+")
_SENT_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+|\n+")


def outlet_key(article: Article) -> str:
    """The independence key: outlet name, else the URL's host, else the source file.

    Articles cut from one scraped page share a source file and so count once.
    """
    name = outlet_name(article.outlet, article.url)
    return name.lower() if name else article.source.split("#", 1)[0]


def outlet_label(article: Article) -> str:
    """How a brief names an article's outlet to a reader (never a local path)."""
    name = outlet_name(article.outlet, article.url)
    if name:
        return name
    return f"“{article.title}”" if article.title else "an unnamed source"


def published_at(article: Article) -> datetime | None:
    """The publication instant (UTC; a bare date counts as its midnight)."""
    if not article.published:
        return None
    try:
        moment = datetime.fromisoformat(article.published.replace("Z", "+00:00"))
    except ValueError:
        day = parse_iso_date(article.published)
        return datetime(day.year, day.month, day.day, tzinfo=UTC) if day else None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _sentences(text: str) -> list[Span]:
    # Used only when the annotations carry no sentence layer.
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        if m.start() > start:
            spans.append(Span(start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append(Span(start, len(text)))
    return spans


@dataclass
class ArticleContext:
    """One article with its annotations and lookups by character offset."""

    article: Article
    ann: Annotations
    outlet: str
    label: str
    published: datetime | None
    sentences: list[Span] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    # sentence_at by offset: a figure's claim, time and citation each ask for its sentence
    _sentence_of: dict[int, Span] = field(default_factory=dict, repr=False)

    @classmethod
    def from_annotations(cls, article: Article, ann: Annotations) -> ArticleContext:
        sents = [s for s in ann.sentences if s.end > s.start] or _sentences(article.text)
        sents = sorted(sents, key=lambda s: s.start)
        return cls(
            article, ann, outlet_key(article), outlet_label(article), published_at(article),
            sents, [s.start for s in sents],
        )

    @functools.cached_property
    def main_places(self) -> frozenset[str]:
        """The article's most mentioned places (countries, regions, cities)."""
        counts = Counter(e.entity_id for e in self.ann.entities if e.type in PLACE_TYPES)
        return frozenset(k for k, _ in counts.most_common(2))

    @functools.cached_property
    def person_starts(self) -> dict[int, tuple[str, int, str]]:
        """Where each person's mention starts: (entity id, mention end, canonical name)."""
        return {e.start: (e.entity_id, e.end, e.name)
                for e in self.ann.entities if e.type == "PERSON"}

    @functools.cached_property
    def referents(self) -> dict[int, Referent]:
        """Pronouns and epithets naming a person the article names (see ``coref``)."""
        return {r.start: r for r in resolve(self.article.text, self.sentences,
                                            self.person_starts)}

    @functools.cached_property
    def subject_starts(self) -> dict[int, tuple[str, int, str]]:
        """``person_starts`` and the pronouns and epithets naming those people: "him" and
        "the young Dane" stand for the person they name."""
        spans = [(r.start, r.end) for r in self.referents.values()]
        names = {s: v for s, v in self.person_starts.items()
                 if not any(a <= s < b for a, b in spans)}  # "Dane" of "the Dane"
        return {**names, **{s: (r.entity_id, r.end, r.name) for s, r in self.referents.items()}}

    def places_in(self, start: int, end: int, fallback: bool = True) -> frozenset[str]:
        """The places named between ``start`` and ``end``, else (``fallback``) the
        article's main places."""
        found = {e.entity_id for e in self.ann.entities
                 if e.type in PLACE_TYPES and start <= e.start and e.end <= end}
        return frozenset(found) or (self.main_places if fallback else frozenset())

    @property
    def id(self) -> str:
        return self.article.id

    def sentence_at(self, offset: int) -> Span:
        """The sentence holding ``offset``, trimmed of surrounding blanks."""
        known = self._sentence_of.get(offset)
        if known is None:
            known = self._sentence_of[offset] = self._sentence_at(offset)
        return known

    def _sentence_at(self, offset: int) -> Span:
        i = bisect.bisect_right(self._starts, offset) - 1
        span = Span(0, len(self.article.text)) if i < 0 else self.sentences[i]
        start, end = self._drop_heading(span.start, span.end, offset)
        end = self._drop_tail(start, end, offset)
        # "SEOUL, South Korea — ...", "WASHINGTON (Reuters) - ...": the dateline is not
        # the sentence.
        dateline = _DATELINE.match(self.article.text, start, end)
        if dateline and dateline.end() < end:
            start = dateline.end()
        return self.trim(start, end)

    def _drop_tail(self, start: int, end: int, offset: int) -> int:
        # A sentence never runs past its line: what follows ("READ MORE: ...", a
        # caption, another story's heading) is not part of it.
        nl = self.article.text.find("\n", max(start, offset), end)
        return end if nl < 0 else nl

    def _drop_heading(self, start: int, end: int, offset: int) -> tuple[int, int]:
        # A sentence glued to the line above it (a heading, a caption, a dateline line,
        # another sentence): start after that line.
        nl = self.article.text.rfind("\n", start, min(offset, end))
        return (nl + 1 if nl >= 0 else start), end

    def trim(self, start: int, end: int) -> Span:
        text = self.article.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return Span(start, end, text[start:end])

    def cite(self, start: int, end: int) -> Citation:
        span = self.trim(start, end)
        return Citation(self.id, span.start, span.end)

    def stated(self, cite: Citation, sent: Span, text: str, voice: Voice) -> dict[str, Any]:
        """The fields every claim of this article shares: where it stands, who gives it."""
        return {
            "citation": cite,
            "sentence": self.cite(sent.start, sent.end),
            "text": text,
            "voice": voice,
            "outlet": self.outlet,
            "published": self.article.published,
            "article_title": self.article.title,
            "outlet_name": self.label,
        }

    def voice_at(self, start: int, end: int) -> Voice:
        """The attribution whose content covers the span, else the outlet."""
        best: Attribution | None = None
        for attr in self.ann.attributions:
            content, source = attr.content, attr.source
            if content is None or source is None or not source.text.strip():
                continue
            if not (content.start <= start and end <= content.end and _named(source.text)):
                continue
            # The narrowest covering attribution is the nearest speaker.
            if best is None or best.content is None or (
                content.end - content.start < best.content.end - best.content.start
            ):
                best = attr
        if best is not None and best.source is not None:
            return Voice(_clean_source(best.source.text), best.entity_id, True)
        return Voice(self.label)


def _named(source: str) -> bool:
    # "it", "the two sides", "The report" say nothing about who speaks.
    words = source.split()
    return any(w[:1].isupper() for w in words[1:]) or (
        len(words) == 1 and words[0][:1].isupper() and words[0].lower() not in _PRONOUNS
    ) or (len(words) > 1 and words[0][:1].isupper() and words[0].lower() not in _ARTICLES)


_PRONOUNS = {"it", "he", "she", "they", "we", "i", "you", "this", "that"}
_ARTICLES = {"the", "a", "an", "it", "this", "that", "these", "those"}


def _clean_source(text: str) -> str:
    text = " ".join(text.split()).strip(" ,;:")
    # "... Agency (KCNA" : close a parenthesis the span cut off.
    if text.count("(") > text.count(")"):
        text += ")"
    return text


def published_at_iso(value: str | None) -> datetime | None:
    """``published_at`` for a bare ISO string."""
    if not value:
        return None
    return published_at(Article(id="", source="", text="", published=value))
