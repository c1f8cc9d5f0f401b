"""The brief as the JSON of the command-line contract (DESIGN.md), with extra fields."""

from __future__ import annotations

from typing import Any

from sitrep.brief.model import Brief, BriefItem, NumberSeries, TimelineEntry
from sitrep.reconcile.claims import Claim, Discrepancy, QuantityClaim
from sitrep.reconcile.explain import as_of, report_day


def _item(item: BriefItem) -> dict[str, Any]:
    d: dict[str, Any] = {
        "text": item.text,
        "citations": [c.to_dict() for c in item.citations],
        "sources": item.sources,
        "corroborated": item.corroborated,
    }
    if item.new:
        d["new"] = True
    return d


def _timeline(e: TimelineEntry) -> dict[str, Any]:
    return {"date": e.date, **_item(e), "date_inferred": e.inferred}


def _number(n: NumberSeries) -> dict[str, Any]:
    return {
        "about": n.about,
        "developing": n.developing,
        **_item(n),
        "values": [
            {"value": p.value, "low": p.low, "high": p.high, "date": p.date, "source": p.source,
             **p.citation.to_dict(), **({"new": True} if p.new else {})}
            for p in n.points
        ],
    }


def _claim(c: Claim) -> dict[str, Any]:
    """A claim with its figure as numbers (``value``, ``low``, ``high``, ``unit``) and its
    words (``value_text``, ``text``), who says it, where and when."""
    figure: dict[str, Any]
    if isinstance(c, QuantityClaim):
        figure = {"value": c.value, "low": c.low, "high": c.high,
                  "unit": c.unit or c.counted_class, "value_text": c.value_text,
                  "as_of": as_of(c)}
    else:  # a title or a date: words only, so ``value`` stays numeric in every export
        figure = {"value": None, "low": None, "high": None, "unit": None,
                  "value_text": getattr(c, "role", None) or getattr(c, "date", None) or c.text,
                  "as_of": None if report_day(c) == "undated" else report_day(c)}
    return {
        **figure,
        "text": c.text,
        "source": c.voice.label,
        "outlet": c.outlet_name or None,  # as readers know it; c.outlet is a grouping key
        "published": report_day(c),
        **c.citation.to_dict(),
        "citation": c.citation.to_dict(),
        "sentence": c.sentence.to_dict(),
    }


def discrepancy_to_json(d: Discrepancy) -> dict[str, Any]:
    return {
        "kind": d.kind,
        "conflict": d.is_conflict,
        "about": d.about,
        "claims": [_claim(c) for c in d.claims],
        "explanation": d.explanation,
    }


def brief_to_json(brief: Brief) -> dict[str, Any]:
    return {
        "story": brief.story,
        "title": brief.title,
        "since": brief.since,
        "summary": [_item(i) for i in brief.summary],
        "facts": [_item(i) for i in brief.facts],
        "actors": [
            {"id": a.id, "name": a.name, "type": a.type, "roles": a.roles,
             "citations": [c.to_dict() for c in a.citations], "mentions": a.mentions}
            for a in brief.actors
        ],
        "timeline": [_timeline(e) for e in brief.timeline],
        "numbers": [_number(n) for n in brief.numbers],
        "discrepancies": [discrepancy_to_json(d) for d in brief.discrepancies],
        "related": [{"id": r.id, "title": r.title} for r in brief.related],
        "sources": [
            {"article": s.article, "outlet": s.outlet, "title": s.title, "url": s.url,
             "published": s.published, "weight": s.weight, **({"new": True} if s.new else {})}
            for s in brief.sources
        ],
    }
