"""The brief: sections of items, every item citing the spans that support it.

These dataclasses are the one schema of a brief: the JSON of ``sitrep brief``
(render_json.to_json) and the web API's response models (web.schemas.model_of)
are derived from them. A field's ``metadata`` says how it is written:

- ``json``: its name in the JSON, or None to leave it out (``Brief.texts``);
- ``omit_false``: written only when true (``new``);
- ``flatten``: the fields of its value are written in its place (a citation's
  ``article``, ``start``, ``end``);
- ``view``: each value is written as this dataclass's ``of(value)`` (a
  reconciled ``Discrepancy`` as a :class:`DiscrepancyView`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sitrep.reconcile.claims import Citation, Claim, Discrepancy, QuantityClaim
from sitrep.reconcile.explain import as_of, report_day

ONLY_IF_TRUE: dict[str, Any] = {"omit_false": True}
FLAT: dict[str, Any] = {"flatten": True}
HIDDEN: dict[str, Any] = {"json": None}


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
    new: bool = field(default=False, metadata=ONLY_IF_TRUE)


@dataclass(slots=True)
class TimelineEntry(BriefItem):
    date: str = ""
    # a year-less date placed by the story's own dates
    inferred: bool = field(default=False, metadata={"json": "date_inferred"})


@dataclass(slots=True)
class NumberPoint:
    """One figure of a series: its words, range, date and who gives it."""

    value: str
    low: float
    high: float | None
    date: str | None
    source: str
    citation: Citation = field(metadata=FLAT)
    new: bool = field(default=False, metadata=ONLY_IF_TRUE)


@dataclass(slots=True)
class NumberSeries(BriefItem):
    about: str = ""
    developing: bool = False
    points: list[NumberPoint] = field(default_factory=list, metadata={"json": "values"})


@dataclass(slots=True)
class ActorEntry:
    id: str
    name: str
    type: str
    roles: list[str]
    citations: list[Citation]
    mentions: int = 0
    articles: int = field(default=0, metadata=HIDDEN)  # ranks actors; not in the JSON


@dataclass(slots=True)
class SourceEntry:
    article: str
    outlet: str
    title: str | None
    url: str | None
    published: str | None
    weight: float
    new: bool = field(default=False, metadata=ONLY_IF_TRUE)


@dataclass(slots=True)
class RelatedEntry:
    id: str
    title: str | None = None


@dataclass(slots=True)
class ClaimView:
    """A claim as the JSON shows it: its figure as numbers (``value``, ``low``,
    ``high``, ``unit``) and words (``value_text``, ``text``), who says it, where
    (``article``, ``start``, ``end``, repeated as ``citation``) and when."""

    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    value_text: str
    as_of: str | None
    text: str
    source: str
    outlet: str | None  # as readers know it (the claim's ``outlet`` is a grouping key)
    published: str
    span: Citation = field(metadata=FLAT)
    citation: Citation
    sentence: Citation

    @classmethod
    def of(cls, c: Claim) -> ClaimView:
        if isinstance(c, QuantityClaim):
            return cls(c.value, c.low, c.high, c.unit or c.counted_class, c.value_text,
                       as_of(c), *cls._said(c))
        # A title or a date: words only, so ``value`` stays numeric in every export.
        words = getattr(c, "role", None) or getattr(c, "date", None) or c.text
        day = report_day(c)
        return cls(None, None, None, None, words, None if day == "undated" else day,
                   *cls._said(c))

    @staticmethod
    def _said(c: Claim) -> tuple[str, str, str | None, str, Citation, Citation, Citation]:
        return (c.text, c.voice.label, c.outlet_name or None, report_day(c), c.citation,
                c.citation, c.sentence)


@dataclass(slots=True)
class DiscrepancyView:
    """A discrepancy as the JSON shows it (``conflict``: not a mere update)."""

    kind: str
    conflict: bool
    about: str
    claims: list[ClaimView]
    explanation: str

    @classmethod
    def of(cls, d: Discrepancy) -> DiscrepancyView:
        return cls(d.kind, d.is_conflict, d.about, [ClaimView.of(c) for c in d.claims],
                   d.explanation)


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
    discrepancies: list[Discrepancy] = field(metadata={"view": DiscrepancyView})
    related: list[RelatedEntry]
    sources: list[SourceEntry]
    since: str | None = None
    texts: dict[str, str] = field(default_factory=dict, repr=False, metadata=HIDDEN)

    def items(self) -> list[BriefItem]:
        """Every citing item, for checks."""
        return [*self.summary, *self.facts, *self.timeline, *self.numbers]
