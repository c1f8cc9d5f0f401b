"""Typed response models of the JSON API (they make the OpenAPI schema)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict


class Open(BaseModel):
    """A model that keeps fields it does not declare (the JSON contract may grow)."""

    model_config = ConfigDict(extra="allow")


class ArticleSummary(BaseModel):
    id: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    story: str | None = None


class ArticleOut(ArticleSummary):
    source: str
    author: str | None = None
    language: str | None = None
    text: str
    extra: dict[str, Any] = {}


class ArticleList(BaseModel):
    items: list[ArticleSummary]
    offset: int
    limit: int


class SpanOut(BaseModel):
    start: int
    end: int
    text: str = ""


class MentionOut(SpanOut):
    type: str
    entity_id: str
    name: str
    roles: list[str] = []
    country: str | None = None


class TimeOut(SpanOut):
    type: str
    value: str | None = None


class QuantityOut(Open, SpanOut):
    value: float | None = None
    approx: bool = False
    unit: str | None = None
    counted: str | None = None


class AttributionOut(BaseModel):
    cue: SpanOut
    source: SpanOut | None = None
    content: SpanOut | None = None
    entity_id: str | None = None


class EventOut(Open):
    type: str
    start: int
    end: int
    modality: str = "asserted"
    date: str | None = None


class AnnotationsOut(BaseModel):
    article: str
    sentences: list[list[int]] = []
    entities: list[MentionOut] = []
    times: list[TimeOut] = []
    quantities: list[QuantityOut] = []
    attributions: list[AttributionOut] = []
    events: list[EventOut] = []


class EntityRef(BaseModel):
    id: str
    name: str
    type: str
    articles: int = 0


class EntityOut(EntityRef):
    country: str | None = None
    aliases: list[str] = []
    mentions: int = 0


class EntityList(BaseModel):
    items: list[EntityOut]
    offset: int
    limit: int


class ActorRef(BaseModel):
    id: str
    name: str


class StorySummary(BaseModel):
    id: str
    title: str | None = None
    first_date: str | None = None
    last_date: str | None = None
    articles: int
    outlets: list[str] = []
    disputes: int = 0  # conflicting reports
    updates: int = 0  # figures that changed over time (not disputes)
    lead: str | None = None  # first sentence of the newest article (lists only)
    actors: list[ActorRef] = []  # main actors (lists only)


class StoryList(BaseModel):
    total: int
    offset: int
    limit: int
    items: list[StorySummary]


class StoryMember(ArticleSummary):
    how: str
    copy_of: str | None = None


class SharedTerm(BaseModel):
    """Something several reports of a story name: why they were grouped."""

    kind: str
    label: str
    articles: int


class StoryDetail(StorySummary):
    members: list[StoryMember]
    entities: list[EntityRef]
    shared: list[SharedTerm] = []


class EntityDetail(EntityOut):
    roles: list[str] = []
    stories: list[StorySummary] = []
    cooccurring: list[EntityRef] = []
    recent_articles: list[ArticleSummary] = []


class CitationOut(BaseModel):
    article: str
    start: int
    end: int


class BriefItemOut(Open):
    text: str
    citations: list[CitationOut] = []


class TimelineItemOut(BriefItemOut):
    date: str | None = None


class ClaimOut(Open):
    value: Any = None
    text: str
    source: str | None = None
    article: str
    start: int
    end: int


class DiscrepancyOut(Open):
    kind: str
    about: str
    claims: list[ClaimOut]
    explanation: str
    story: str | None = None
    story_title: str | None = None


class ActorOut(Open):
    id: str
    name: str
    type: str
    roles: list[str] = []


class BriefOut(Open):
    """The brief JSON of ``sitrep brief --format json`` (DESIGN.md)."""

    story: str
    title: str
    since: str | None = None
    summary: list[BriefItemOut]
    facts: list[BriefItemOut]
    actors: list[ActorOut]
    timeline: list[TimelineItemOut]
    discrepancies: list[DiscrepancyOut]
    sources: list[dict[str, Any]]


class TimelineEntryOut(BaseModel):
    date: str | None
    type: str
    types: list[str] = []  # every event type coded in the sentence
    modality: str
    text: str
    article: str
    start: int
    end: int
    actors: list[str] = []
    title: str | None = None
    outlet: str | None = None


class Timeline(BaseModel):
    about: str
    items: list[TimelineEntryOut]


class DiscrepancyList(BaseModel):
    stories_checked: int
    items: list[DiscrepancyOut]


class SearchHitOut(BaseModel):
    article_id: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    snippet: str
    score: float
    story: str | None = None


class SearchResult(BaseModel):
    query: str
    hits: list[SearchHitOut]


class IngestError(BaseModel):
    source: str
    reason: str


class IngestResult(BaseModel):
    read: int
    added: int
    duplicates: int
    copies: int
    stories_assigned: int
    errors: list[IngestError]


class CorrectionIn(BaseModel):
    """``articles`` of the story for move, split, pin and unpin; ``story``: the other
    story (where to move; which to merge into this one)."""

    action: Literal["move", "split", "merge", "pin", "unpin"]
    articles: list[str] = []
    story: str | None = None


class CorrectionResult(BaseModel):
    story: str  # the story to show next (the new one after a split)


class IngestRecord(Open):
    """One record, with the fields of a JSON Lines input line."""

    text: str
    id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    source_domain: str | None = None
    author: str | None = None
