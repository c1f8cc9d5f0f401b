"""Event claims from the PLOVER events layer: type, participants, date, place."""

from __future__ import annotations

from sitrep.models import Actor, Event
from sitrep.reconcile.claims import EventClaim, Voice
from sitrep.reconcile.context import ArticleContext


def event_claims(ctx: ArticleContext) -> list[EventClaim]:
    return [_claim(ctx, e) for e in ctx.ann.events]


def _ids(actors: list[Actor], names: dict[str, str]) -> frozenset[str]:
    out = set()
    for a in actors:
        if a.entity_id:
            out.add(a.entity_id)
            names.setdefault(a.entity_id, a.name or a.text)
    return frozenset(out)


def _claim(ctx: ArticleContext, e: Event) -> EventClaim:
    names: dict[str, str] = {}
    sources = _ids(e.sources or ([e.source] if e.source else []), names)
    targets = _ids(e.targets or ([e.target] if e.target else []), names) - sources
    sent = ctx.sentence_at(e.trigger.start)
    if e.reported_by is not None and e.reported_by.text.strip():
        voice = Voice(e.reported_by.text.strip(), e.reported_by.entity_id, True)
    else:
        voice = ctx.voice_at(e.trigger.start, e.trigger.end)
    loc = e.location
    return EventClaim(
        **ctx.stated(ctx.cite(sent.start, sent.end), sent, sent.text, voice),
        type=e.type,
        mode=e.mode,
        sources=sources,
        targets=targets,
        names=names,
        date=e.date,
        date_from_text=e.date_from_text,
        granularity=e.date_granularity,
        location=(loc.entity_id or loc.text.lower()) if loc else None,
        location_name=(loc.name or loc.text) if loc else None,
        modality=e.modality,
    )
