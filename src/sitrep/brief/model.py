"""The brief: sections of items, every item citing the spans that support it."""

from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.reconcile.claims import Citation, Discrepancy


@dataclass(slots=True)
class BriefItem:
    """A sentence of the brief and the spans it stands on.

    ``sources`` counts the independent outlets behind it; ``new`` marks an
    item first seen after the brief's ``since`` date.
    """

    text: str
    citations: list[Citation]
    sources: int = 1
    corroborated: bool = False
    new: bool = False


@dataclass(slots=True)
class TimelineEntry(BriefItem):
    date: str = ""
    inferred: bool = False  # a year-less date placed by the story's own dates


@dataclass(slots=True)
class NumberPoint:
    """One figure of a series: its words, range, date and who gives it."""

    value: str
    low: float
    high: float | None
    date: str | None
    source: str
    citation: Citation
    new: bool = False


@dataclass(slots=True)
class NumberSeries(BriefItem):
    about: str = ""
    developing: bool = False
    points: list[NumberPoint] = field(default_factory=list)


@dataclass(slots=True)
class ActorEntry:
    id: str
    name: str
    type: str
    roles: list[str]
    citations: list[Citation]
    mentions: int = 0
    articles: int = 0


@dataclass(slots=True)
class SourceEntry:
    article: str
    outlet: str
    title: str | None
    url: str | None
    published: str | None
    weight: float
    new: bool = False


@dataclass(slots=True)
class RelatedEntry:
    id: str
    title: str | None = None


@dataclass(slots=True)
class Brief:
    """A situation brief of one story. ``texts`` keeps each cited article's text
    (by id) so renderers can show the cited words and checks can read them."""

    story: str
    title: str
    summary: list[BriefItem]
    facts: list[BriefItem]
    actors: list[ActorEntry]
    timeline: list[TimelineEntry]
    numbers: list[NumberSeries]
    discrepancies: list[Discrepancy]
    related: list[RelatedEntry]
    sources: list[SourceEntry]
    since: str | None = None
    texts: dict[str, str] = field(default_factory=dict, repr=False)

    def items(self) -> list[BriefItem]:
        """Every citing item, for checks."""
        return [*self.summary, *self.facts, *self.timeline, *self.numbers]
