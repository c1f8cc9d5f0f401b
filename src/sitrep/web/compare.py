"""Outlets side by side for one story, from its brief JSON: who covered it and when
each first did, and what each says about the key figures (where they differ)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class OutletCoverage:
    outlet: str
    articles: int = 0
    first: str | None = None  # earliest publication
    last: str | None = None


@dataclass(slots=True)
class FigureRow:
    about: str
    values: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # outlet -> points
    differ: bool = False  # the outlets' ranges do not all overlap


@dataclass(slots=True)
class Comparison:
    outlets: list[OutletCoverage]
    figures: list[FigureRow]
    numbers: dict[str, int]  # article -> source number in the brief
    disputes: list[FigureRow] = field(default_factory=list)  # the brief's discrepancies


def _overlap(points: list[dict[str, Any]]) -> bool:
    lows = [float(p["low"]) for p in points if p.get("low") is not None]
    highs = [float(p["high"]) for p in points if p.get("high") is not None]
    return not lows or not highs or max(lows) <= min(highs)


def compare(brief: dict[str, Any]) -> Comparison:
    outlet_of = {s["article"]: s.get("outlet") or "unknown outlet" for s in brief["sources"]}
    cover: dict[str, OutletCoverage] = {}
    for s in brief["sources"]:
        c = cover.setdefault(outlet_of[s["article"]], OutletCoverage(outlet_of[s["article"]]))
        c.articles += 1
        day: str | None = s.get("published")
        if day:
            c.first = day if c.first is None else min(c.first, day)
            c.last = day if c.last is None else max(c.last, day)
    outlets = sorted(cover.values(), key=lambda c: (c.first is None, c.first or "", c.outlet))
    figures = []
    for n in brief.get("numbers", []):
        row = FigureRow(str(n.get("about") or n.get("text")))
        for p in n.get("values", []):
            row.values.setdefault(outlet_of.get(p["article"], "unknown outlet"), []).append(p)
        by_outlet = [ps[-1] for ps in row.values.values()]  # each outlet's latest value
        row.differ = len(row.values) > 1 and not _overlap(by_outlet)
        figures.append(row)
    figures.sort(key=lambda f: (-len(f.values), not f.differ))
    numbers = {s["article"]: i for i, s in enumerate(brief["sources"], 1)}
    disputes = []
    for d in brief.get("discrepancies", []):
        row = FigureRow(f"{str(d['kind']).replace('_', ' ')}: {d['about']}",
                        differ=bool(d.get("conflict")))
        for c in d.get("claims", []):
            row.values.setdefault(outlet_of.get(c["article"], "unknown outlet"), []).append(c)
        disputes.append(row)
    return Comparison(outlets, figures, numbers, disputes)
