"""The data model: an article owns its text, everything else is a span into it.

Records are plain typed dataclasses. ``to_dict`` gives the JSON shape of the
command-line contract (see DESIGN.md); offsets are character offsets into
``Article.text``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any, Literal

SourceKind = Literal["html", "text", "markdown", "record"]


@dataclass(slots=True)
class SourceDoc:
    """One readable document handed over by a source, before extraction.

    ``source`` names where it came from (a path, a URL, ``path#3`` for the
    third record of a file, ``-`` for stdin). ``meta`` holds what the source
    already knows (a feed item's title and date, a record's fields).
    """

    source: str
    kind: SourceKind
    content: str
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Article:
    """A clean news article: main text plus metadata.

    ``published`` is an ISO 8601 string: a date (``2025-11-07``) or a
    date-time (``2025-11-07T09:30:00+00:00``), or None when unknown.
    ``extra`` keeps fields a record carried that the model has no slot for.
    """

    id: str
    source: str
    text: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = "en"
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        extra = d.pop("extra")
        for k, v in extra.items():
            d.setdefault(k, v)
        return d

    def published_date(self) -> date | None:
        return parse_iso_date(self.published)


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class EntityMention:
    """A typed mention tied to a canonical entity (same id across the store)."""

    start: int
    end: int
    text: str
    type: str  # PERSON, ORG, GPE, NORP, LOC, FAC, ...
    entity_id: str
    name: str  # canonical name
    roles: list[str] = field(default_factory=list)
    country: str | None = None  # ISO 3166 alpha-3 where known
    # The gazetteer entry of a place: {geonameid, name, lat, lon, country, admin1, feature}.
    place: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def is_place(self) -> bool:
        """Whether the entity is the place it carries (a demonym's is its country),
        not an organisation that holds a place in its name."""
        return bool(self.place) and self.type in ("GPE", "LOC", "FAC", "NORP")


@dataclass(slots=True)
class TimeExpr:
    """A TIMEX3-style time expression, resolved against the publication date.

    ``value`` is None when the expression cannot be resolved: never a guess.
    """

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Quantity:
    """A number in the text with its qualifiers and what it counts.

    ``bound`` is ``"upper"`` (up to, nearly), ``"lower"`` (more than, at
    least) or None; ``low``/``high`` hold a range or the interval implied by
    a bound; ``counted`` is the noun phrase counted ("troops").

    A change told with both values ("fell from 96 kilograms to 88") is one
    quantity, as NewsQuant and CQE model it: ``start``/``end``/``value`` are the
    new value ("88"), ``old_value`` and ``old_start``/``old_end`` the earlier
    one, in the same unit, and ``change`` its direction, ``"up"`` or ``"down"``.
    A figure told as a move has a ``change`` without ``old_value``: the amount
    moved ("rose 3%") or the level reached ("rose 35 cents to $8.60").
    """

    start: int
    end: int
    text: str
    value: float | None
    low: float | None = None
    high: float | None = None
    approx: bool = False
    bound: str | None = None
    unit: str | None = None
    counted: str | None = None
    counted_start: int | None = None
    counted_end: int | None = None
    change: str | None = None
    old_value: float | None = None
    old_start: int | None = None
    old_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Attribution:
    """Who says what: source, cue and content spans (source/content optional)."""

    cue: Span
    source: Span | None = None
    content: Span | None = None
    entity_id: str | None = None  # the source's canonical entity

    def to_dict(self) -> dict[str, Any]:
        return {
            "cue": self.cue.to_dict(),
            "source": self.source.to_dict() if self.source else None,
            "content": self.content.to_dict() if self.content else None,
            "entity_id": self.entity_id,
        }


@dataclass(slots=True)
class Actor:
    """A participant or place of an event: a span, tied to an entity when known."""

    start: int
    end: int
    text: str
    entity_id: str | None = None
    name: str | None = None
    type: str | None = None
    country: str | None = None  # ISO 3166 alpha-3
    place: dict[str, Any] | None = None  # the gazetteer entry, as on the entity mention

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Event:
    """A PLOVER-coded event reported by one sentence.

    ``source``/``target`` are the first actors of each side (what event coders
    count); ``sources``/``targets`` hold every actor named. ``modality`` is
    asserted, negated, speculative, planned or reported; ``date`` a TIMEX3
    value (an attached time expression, else the publication date) with its
    ``date_granularity`` (day, week, month, season, year).
    """

    type: str
    start: int  # the sentence span
    end: int
    trigger: Span
    mode: str | None = None
    source: Actor | None = None
    target: Actor | None = None
    sources: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    date: str | None = None
    date_granularity: str | None = None
    date_from_text: bool = False
    location: Actor | None = None
    reported_by: Actor | None = None
    modality: str = "asserted"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Annotations:
    """Every layer computed for one article."""

    sentences: list[Span] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentences": [[s.start, s.end] for s in self.sentences],
            "entities": [e.to_dict() for e in self.entities],
            "times": [t.to_dict() for t in self.times],
            "quantities": [q.to_dict() for q in self.quantities],
            "attributions": [a.to_dict() for a in self.attributions],
            "events": [e.to_dict() for e in self.events],
        }


# ---------------------------------------------------------------- helpers

_WS = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w]+")


def normalise_text(text: str) -> str:
    """Text folded for identity: NFKC, lower case, punctuation and spacing dropped."""
    text = unicodedata.normalize("NFKC", text).lower()
    return _WS.sub(" ", _NON_WORD.sub(" ", text)).strip()


def stable_id(*parts: str) -> str:
    """A short stable id (16 hex digits) from the given parts."""
    h = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return h[:16]


def article_id(url: str | None, text: str) -> str:
    """Stable article id: from the canonical URL when there is one, else the text."""
    if url:
        return stable_id("url", url.strip())
    return stable_id("text", normalise_text(text))


def parse_iso_date(value: str | None) -> date | None:
    """The date part of an ISO 8601 string, or None."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
