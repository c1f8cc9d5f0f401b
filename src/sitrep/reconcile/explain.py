"""Explanation sentences built from claims: real values, real sources, real dates."""

from __future__ import annotations

from collections.abc import Sequence

from sitrep.reconcile.claims import Claim, QuantityClaim
from sitrep.reconcile.context import published_at_iso
from sitrep.reconcile.timeref import day_of


def report_day(c: Claim) -> str:
    """The day of the claim's report ("undated" when it has none)."""
    moment = published_at_iso(c.published)
    return moment.date().isoformat() if moment else "undated"


def as_of(c: QuantityClaim) -> str | None:
    """The day a figure holds: its own day in the text, else its report's date."""
    if c.time_ref:
        day = day_of(c.time_ref)
        if day is not None:
            return day.isoformat()
    d = report_day(c)
    return None if d == "undated" else d


def cited_as(c: Claim) -> str:
    """"KCNA (in “Title”, 2025-11-07)" or, unattributed, "“Title” (2025-11-07)"."""
    title = f"“{c.article_title}”" if c.article_title else ""
    where = ", ".join(p for p in (c.outlet_name if c.outlet_name != title else "", title) if p)
    where = where or c.outlet
    if c.voice.attributed:
        return f"{c.voice.label} (in {where}, {report_day(c)})"
    return f"{where} ({report_day(c)})"


def _says(c: Claim) -> str:
    words = c.text.strip()
    if isinstance(c, QuantityClaim) and c.time_text and c.time_text not in words:
        words += f" ({c.time_text})"
    return f"{cited_as(c)} says {words}"


def conflict(claims: Sequence[QuantityClaim]) -> str:
    parts = "; ".join(_says(c) for c in claims)
    both = "both" if len(claims) == 2 else "all"
    undated = any(published_at_iso(c.published) is None for c in claims)
    tail = " (an undated report cannot be placed earlier or later)" if undated else ""
    return f"{_cap(parts)}: the figures cannot {both} hold for the same time frame{tail}."


def update(claims: Sequence[QuantityClaim]) -> str:
    steps = ", then ".join(f"{c.value_text} ({cited_as(c)})" for c in claims)
    return (f"A developing figure: {steps}. The reports are from different times, "
            f"so later figures update earlier ones rather than contradict them.")


def event_date(claims: Sequence[Claim], dates: Sequence[str]) -> str:
    parts = "; ".join(f"{cited_as(c)} dates it {d}" for c, d in zip(claims, dates, strict=True))
    return f"The same event is given different dates: {parts}."


def event_participants(claims: Sequence[Claim], sides: Sequence[str]) -> str:
    parts = "; ".join(f"{cited_as(c)} names {s}" for c, s in zip(claims, sides, strict=True))
    return f"The same event is given different participants: {parts}."


def role(name: str, claims: Sequence[Claim], roles: Sequence[str]) -> str:
    parts = "; ".join(f"{cited_as(c)} calls {name} “{r}”"
                      for c, r in zip(claims, roles, strict=True))
    return f"{_cap(parts)}: the titles name different offices."


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]
