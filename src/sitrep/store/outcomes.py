"""What the store hands back besides Articles and Annotations."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

AddStatus = Literal["added", "duplicate", "copy"]


@dataclass(frozen=True, slots=True)
class AddOutcome:
    """What happened to one article of a batch.

    ``added``: stored, new. ``duplicate``: not stored, ``of`` names the stored
    article with the same id, canonical URL or normalised text. ``copy``:
    stored, as a near-duplicate of ``of`` (the original, never itself a copy),
    ``similarity`` is the estimated Jaccard similarity of their shingles.
    """

    article_id: str
    status: AddStatus
    of: str | None = None
    similarity: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result; ``snippet`` marks matched words with ``[`` and ``]``.

    ``score`` is higher for better hits; it is backend-specific (bm25 on
    SQLite, ts_rank on PostgreSQL): compare scores within one result list only.
    """

    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """A canonical entity with the names it goes by and how often it is mentioned."""

    id: str
    name: str
    type: str
    country: str | None
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    articles: int = 0
    geonameid: int | None = None  # a place's GeoNames entry and point
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class IngestRun:
    """One ingest: its inputs and the outcomes committed so far.

    ``finished_at`` stays None for a run that was killed or is still going.
    """

    id: int
    started_at: str
    finished_at: str | None
    inputs: list[str]
    added: int
    duplicates: int
    copies: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
