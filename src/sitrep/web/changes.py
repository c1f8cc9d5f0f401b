"""What changed since a date, in a few words, from a brief JSON marked with ``since``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Changes:
    since: str
    articles: int = 0
    outlets: list[str] = field(default_factory=list)
    summary: int = 0
    facts: int = 0
    timeline: int = 0
    numbers: int = 0  # figures with a new value
    conflicts: int = 0  # discrepancies a new article takes part in
    updates: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def sentence(self) -> str:
        """"Since 2025-03-13: 2 new articles (VOA, Wire); 3 new key facts; ..." """
        if not self.articles:
            return f"Nothing was reported after {self.since}."
        parts = [_n(self.articles, "new article") + (f" ({', '.join(self.outlets)})"
                                                     if self.outlets else "")]
        for n, what in ((self.summary, "new summary point"), (self.facts, "new key fact"),
                        (self.timeline, "new timeline entry"), (self.numbers, "new figure"),
                        (self.conflicts, "conflicting report"), (self.updates, "update")):
            if n:
                parts.append(_n(n, what))
        return f"After {self.since}: " + "; ".join(parts) + "."


def _n(n: int, what: str) -> str:
    plural = what[:-1] + "ies" if what.endswith("y") else what + "s"
    return f"{n} {what if n == 1 else plural}"


def changes_of(brief: dict[str, Any]) -> Changes | None:
    """The counts of what the brief marks new (None without ``since``)."""
    since = brief.get("since")
    if not since:
        return None
    fresh = [s for s in brief.get("sources", []) if s.get("new")]
    ids = {s["article"] for s in fresh}
    out = Changes(since=str(since), articles=len(fresh),
                  outlets=list(dict.fromkeys(str(s["outlet"]) for s in fresh if s.get("outlet"))))
    out.summary = sum(1 for i in brief.get("summary", []) if i.get("new"))
    out.facts = sum(1 for i in brief.get("facts", []) if i.get("new"))
    out.timeline = sum(1 for i in brief.get("timeline", []) if i.get("new"))
    out.numbers = sum(1 for i in brief.get("numbers", []) if i.get("new"))
    for d in brief.get("discrepancies", []):
        if any(c.get("article") in ids for c in d.get("claims", [])):
            if d.get("conflict"):
                out.conflicts += 1
            else:
                out.updates += 1
    return out
