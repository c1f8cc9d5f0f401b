"""Annotations to and from the JSON kept per layer in the ``annotations`` table.

Each layer is a JSON list of the records' fields. Decoding keeps only the
fields the dataclasses know, so a row written by an older or newer model
still loads (missing fields take their defaults).
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from typing import Any, TypeVar

from sitrep.models import (
    Actor,
    Annotations,
    Attribution,
    EntityMention,
    Event,
    Quantity,
    Span,
    TimeExpr,
)

LAYERS = ("sentences", "entities", "times", "quantities", "attributions", "events")

T = TypeVar("T")


def encode_layers(annotations: Annotations) -> dict[str, str]:
    """Layer name -> JSON text, for every layer (an empty layer is a fact too)."""
    out: dict[str, str] = {}
    for layer in LAYERS:
        items = getattr(annotations, layer)
        data = [item if isinstance(item, dict) else asdict(item) for item in items]
        out[layer] = json.dumps(data, ensure_ascii=False)
    return out


def decode_layers(rows: dict[str, str]) -> Annotations:
    """Annotations from layer name -> JSON text; unknown layers are ignored."""
    ann = Annotations()
    for layer, text in rows.items():
        items = json.loads(text)
        if layer == "sentences":
            ann.sentences = [_build(Span, d) for d in items]
        elif layer == "entities":
            ann.entities = [_build(EntityMention, d) for d in items]
        elif layer == "times":
            ann.times = [_build(TimeExpr, d) for d in items]
        elif layer == "quantities":
            ann.quantities = [_build(Quantity, d) for d in items]
        elif layer == "attributions":
            ann.attributions = [_attribution(d) for d in items]
        elif layer == "events":
            ann.events = [_event(d) for d in items]
    return ann


def _build(cls: type[T], data: dict[str, Any]) -> T:
    known = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in data.items() if k in known})


def _span(data: dict[str, Any] | None) -> Span | None:
    return _build(Span, data) if data else None


def _attribution(data: dict[str, Any]) -> Attribution:
    return Attribution(
        cue=_build(Span, data["cue"]),
        source=_span(data.get("source")),
        content=_span(data.get("content")),
        entity_id=data.get("entity_id"),
    )


def _actor(data: dict[str, Any] | None) -> Actor | None:
    return _build(Actor, data) if data else None


def _event(data: dict[str, Any]) -> Event:
    event = _build(Event, data)
    event.trigger = _build(Span, data["trigger"])
    event.source = _actor(data.get("source"))
    event.target = _actor(data.get("target"))
    event.sources = [_build(Actor, a) for a in data.get("sources") or []]
    event.targets = [_build(Actor, a) for a in data.get("targets") or []]
    event.location = _actor(data.get("location"))
    event.reported_by = _actor(data.get("reported_by"))
    return event
