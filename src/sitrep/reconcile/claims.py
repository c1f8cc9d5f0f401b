"""Claims and discrepancies: comparable statements, each tied to the span that makes it.

A claim never stands without its ``Citation``: the article id and character
offsets of the words that state it, so every value can be checked by reading.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

DiscrepancyKind = Literal[
    "quantity_conflict", "quantity_update", "event_date", "event_participants", "role"
]


class ClaimKey(NamedTuple):
    """What a figure counts, for grouping: two claims compare when their keys match."""

    predicate: str = ""  # the deed or measure ("killed", "height")
    kind: str = ""  # the counted class or measured dimension
    modifiers: str = ""  # sorted descriptive words of the counted noun ("tower")
    mode: str = ""  # "actual" or "planned"
    scope: str = ""  # "current" or the period the figure covers

    def beside_modifiers(self) -> tuple[str, ...]:
        """The key without its modifiers: keys equal here differ only in kind words."""
        return (self.predicate, self.kind, self.mode, self.scope)


NO_KEY = ClaimKey()  # a claim that names nothing counted


@dataclass(frozen=True, slots=True)
class Citation:
    """A span of one article's text: ``text[start:end]`` of article ``article``."""

    article: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Voice:
    """Who makes a claim: the attributed source when the text names one, else the outlet."""

    label: str
    entity_id: str | None = None
    attributed: bool = False


@dataclass(slots=True)
class Claim:
    """What every claim shares: where it is stated and who says so.

    ``citation`` covers the words of the claim (a clause), ``sentence`` the
    whole sentence around it; ``outlet`` is the independence key (articles of
    one outlet count once) and ``published`` the article's ISO date-time.
    """

    citation: Citation
    sentence: Citation
    text: str
    voice: Voice
    outlet: str
    published: str | None
    article_title: str | None = None
    outlet_name: str = ""  # the outlet as readers know it ("VOA", "voanews.com")


@dataclass(slots=True)
class QuantityClaim(Claim):
    """A figure: what it counts, its range under its qualifier, and its time.

    ``key`` names what is counted for comparison (predicate, counted class,
    descriptive modifiers, planned or actual, scope); ``affiliation`` holds the
    entity ids qualifying the counted noun ("DPRK soldiers"). ``low``/``high``
    is the interval the qualifier allows (``high`` None: unbounded).
    """

    value_text: str = ""
    value: float | None = None
    low: float = 0.0
    high: float | None = None
    counted: str = ""
    counted_class: str = ""
    predicate: str = ""
    key: ClaimKey = NO_KEY
    affiliation: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()  # where: the sentence's places, else the article's
    time_ref: str | None = None  # a day or week value that dates the figure
    time_text: str | None = None
    scope: str = "current"  # "current" or a period the figure covers ("2024", "P15M")
    unit: str = ""  # the unit as written ("foot", "dollar"); "" for a count
    dimension: str = ""  # what the unit measures ("length", "money:dollar"); "" for a count
    part: bool = False  # counts part of a group ("17 of the hostages")
    whole: bool = False  # counts out of a stated whole ("20 of 71 laps"): one thing counted
    remaining: bool = False  # counts what is left of a group ("two climbers still stranded")
    # A position's happening: people (@surname) and content stems of its clause
    incident: frozenset[str] = frozenset()
    cmp_low: float = 0.0  # the interval in the dimension's base unit, widened by rounding
    cmp_high: float | None = None

    @property
    def span(self) -> tuple[float, float | None]:
        """The values the figure allows, comparable across units."""
        return (self.cmp_low, self.cmp_high)


@dataclass(slots=True)
class EventClaim(Claim):
    """A PLOVER event: type, participants (entity ids), date and place."""

    type: str = ""
    mode: str | None = None
    sources: frozenset[str] = frozenset()
    targets: frozenset[str] = frozenset()
    names: dict[str, str] = field(default_factory=dict)  # entity id -> name in the text
    date: str | None = None
    date_from_text: bool = False
    granularity: str | None = None
    location: str | None = None
    location_name: str | None = None
    modality: str = "asserted"

    @property
    def participants(self) -> frozenset[str]:
        return self.sources | self.targets


@dataclass(slots=True)
class RoleClaim(Claim):
    """A person's title or role as one article gives it."""

    entity_id: str = ""
    name: str = ""
    role: str = ""
    mention: Citation | None = None


@dataclass(slots=True)
class Discrepancy:
    """Claims about one thing that cannot all hold, or that changed over time.

    ``kind``: quantity_conflict (same time frame, ranges cannot overlap),
    quantity_update (a developing figure: later reports give other values),
    event_date, event_participants, role.
    """

    kind: DiscrepancyKind
    about: str
    claims: list[Claim]
    explanation: str

    @property
    def is_conflict(self) -> bool:
        return self.kind != "quantity_update"


@dataclass(slots=True)
class Corroboration:
    """Claims that state the same thing, and how many independent sources do."""

    claims: list[Claim]
    outlets: tuple[str, ...]
    weight: float

    @property
    def count(self) -> int:
        return len(self.outlets)
