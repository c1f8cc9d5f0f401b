"""Typed response models of the JSON API (they make the OpenAPI schema).

The brief's models and the timeline's are derived from their dataclasses
(:func:`model_of`), so the API documents exactly what the JSON holds.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from types import UnionType
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from pydantic import BaseModel, ConfigDict, create_model

from sitrep.brief.model import ActorEntry, Brief, ClaimView, DiscrepancyView, TimelineEntry
from sitrep.brief.render_json import json_name
from sitrep.reconcile.claims import Citation
from sitrep.web.timeline import TimelineRow


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
    # "up" / "down": a figure told as a move ("rose 3%"), or changed from ``old_value``
    change: str | None = None
    old_value: float | None = None  # "fell from 96 kilograms to 88": 96, spanning old_start-end
    old_start: int | None = None
    old_end: int | None = None


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


# ---------------------------------------------------------------- derived from dataclasses

_NAMES = {Citation: "CitationOut", ActorEntry: "ActorOut", TimelineEntry: "TimelineItemOut",
          DiscrepancyView: "DiscrepancyOut", ClaimView: "ClaimOut",
          TimelineRow: "TimelineEntryOut"}


def _out_type(tp: Any) -> Any:
    """``tp`` with every dataclass in it replaced by its model."""
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return model_of(tp)
    args = get_args(tp)
    if not args:
        return tp
    origin = get_origin(tp)
    mapped = tuple(_out_type(a) for a in args)
    if origin in (Union, UnionType):
        return Union[mapped]  # noqa: UP007  (built from a tuple)
    return origin[mapped if len(mapped) > 1 else mapped[0]]


def _specs(cls: type) -> dict[str, Any]:
    """JSON name -> (type, default) of a dataclass's fields, as render_json writes them."""
    hints = get_type_hints(cls)
    out: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        name = json_name(f)
        if name is None:
            continue
        tp = hints[f.name]
        view = f.metadata.get("view")
        if view is not None:
            tp = list[view] if get_origin(tp) is list else view  # type: ignore[valid-type]
        if f.metadata.get("flatten"):
            out.update(_specs(tp))
            continue
        if f.default is not dataclasses.MISSING:
            default: Any = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        else:
            default = ...  # required
        out[name] = (_out_type(tp), default)
    return out


@cache
def model_of(cls: type) -> type[BaseModel]:
    """The response model of a dataclass, field for field as its JSON (render_json):
    one schema, written once in the dataclass."""
    name = _NAMES.get(cls, f"{cls.__name__}Out")
    doc = cls.__doc__ if not (cls.__doc__ or "").startswith(f"{cls.__name__}(") else None
    model: type[BaseModel] = create_model(name, __config__=ConfigDict(extra="allow"),
                                          __doc__=doc, **_specs(cls))
    return model


BriefOut = model_of(Brief)  # the brief JSON of ``sitrep brief --format json`` (DESIGN.md)
DiscrepancyOut = model_of(DiscrepancyView)
TimelineEntryOut = model_of(TimelineRow)


class StoryDiscrepancyOut(DiscrepancyOut):  # type: ignore[misc,valid-type]
    """A discrepancy with the story it was found in."""

    story: str | None = None
    story_title: str | None = None


class Timeline(BaseModel):
    about: str
    items: list[TimelineEntryOut]  # type: ignore[valid-type]


class DiscrepancyList(BaseModel):
    stories_checked: int
    items: list[StoryDiscrepancyOut]


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
