"""The brief as Markdown: every item ends with its sources, numbered as in the list.

Texts from articles are escaped (raw HTML and link syntax are shown, never run).
"""

from __future__ import annotations

from collections.abc import Sequence

from sitrep.brief.model import Brief, BriefItem
from sitrep.reconcile.claims import Citation
from sitrep.render.safe import md_text, md_url

_KINDS = {
    "quantity_conflict": "Conflicting figures",
    "quantity_update": "Developing figure",
    "event_date": "Conflicting dates",
    "event_participants": "Conflicting participants",
    "role": "Conflicting titles",
}


def _refs(cites: Sequence[Citation], numbers: dict[str, int]) -> str:
    ids = sorted({numbers[c.article] for c in cites if c.article in numbers})
    return " " + "".join(f"[{i}]" for i in ids) if ids else ""


def _esc(text: str | None) -> str:
    return md_text(text or "")


def _new(item: BriefItem) -> str:
    return "**new** " if item.new else ""


def brief_to_markdown(brief: Brief) -> str:
    num = {s.article: i for i, s in enumerate(brief.sources, start=1)}
    out = [f"# {_esc(brief.title)}", ""]
    if brief.since:
        out += [f"_Changes since {_esc(brief.since)} are marked **new**._", ""]
    out += ["## Summary", ""]
    out += [f"- {_new(i)}{_esc(i.text)}{_refs(i.citations, num)}" for i in brief.summary]
    out += ["", "## Key facts", ""]
    for i in brief.facts:
        mark = f" _(corroborated by {_count(i.sources)} sources)_" if i.corroborated else ""
        out.append(f"- {_new(i)}{_esc(i.text)}{_refs(i.citations, num)}{mark}")
    out += ["", "## Actors", ""]
    for a in brief.actors:
        roles = f": {'; '.join(_esc(r) for r in a.roles)}" if a.roles else ""
        out.append(f"- **{_esc(a.name)}** ({_esc(a.type)}){roles}{_refs(a.citations, num)}")
    out += ["", "## Timeline", ""]
    for e in brief.timeline:
        guess = " (year inferred)" if e.inferred else ""
        out.append(f"- **{_esc(e.date)}**{guess} {_new(e)}{_esc(e.text)}{_refs(e.citations, num)}")
    out += ["", "## Numbers", ""]
    for n in brief.numbers:
        tag = " _(developing)_" if n.developing else ""
        out.append(f"- **{_esc(n.about)}**{tag}")
        for p in n.points:
            new = " **new**" if p.new else ""
            out.append(f"  - {_esc(p.date or 'undated')}: {_esc(p.value)} ({_esc(p.source)})"
                       f"{_refs([p.citation], num)}{new}")
    out += ["", "## Conflicting reports and updates", ""]
    if not brief.discrepancies:
        out.append("- None found.")
    for d in brief.discrepancies:
        refs = _refs([c.citation for c in d.claims], num)
        out.append(f"- **{_KINDS[d.kind]}: {_esc(d.about)}.** {_esc(d.explanation)}{refs}")
    if brief.related:
        out += ["", "## Related", ""]
        out += [f"- {_esc(r.title or r.id)} ({_esc(r.id)})" for r in brief.related]
    out += ["", "## Sources", ""]
    for no, s in enumerate(brief.sources, start=1):
        title = f"“{_esc(s.title)}”" if s.title else ""
        bits = [_esc(s.outlet) if _esc(s.outlet) != title else "", title,
                _esc(s.published or "undated"), md_url(s.url)]
        new = " **new**" if s.new else ""
        out.append(f"{no}. " + ", ".join(b for b in bits if b) + f" (id {_esc(s.article)}){new}")
    return "\n".join(out) + "\n"


def _count(n: int) -> str:
    words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    return words[n] if n < len(words) else str(n)
