"""check_citations: every span valid, every number and proper name of an item cited.

An item passes when each number in its text (digits, separators ignored:
"15,000" = "15 000") and each capitalised name (past the first word of a
sentence) occurs in the text of at least one of its citations.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from sitrep.brief.model import Brief
from sitrep.models import Article, normalise_text
from sitrep.reconcile.claims import Citation, QuantityClaim

_NUMBER = re.compile(r"\d+(?:[ ,.\u00a0\u202f]\d{3})*(?:\.\d+)?")
_NAME = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*")
_STARTS = re.compile(r"(?:^|[.!?:;•]\s+|[\"“(]\s*)$")


def _digits(text: str) -> set[str]:
    return {re.sub(r"[ ,\u00a0\u202f]", "", m.group()) for m in _NUMBER.finditer(text)}


def _names(text: str) -> list[str]:
    return [m.group() for m in _NAME.finditer(text) if not _STARTS.search(text[:m.start()])]


def check_citations(
    brief: Brief, articles: Sequence[Article] | Mapping[str, str]
) -> list[str]:
    texts = ({a.id: a.text for a in articles} if not isinstance(articles, Mapping)
             else dict(articles))
    problems: list[str] = []

    def spans(where: str, cites: Sequence[Citation]) -> list[str]:
        out = []
        for c in cites:
            text = texts.get(c.article)
            if text is None:
                problems.append(f"{where}: cites unknown article {c.article}")
            elif not 0 <= c.start < c.end <= len(text):
                problems.append(f"{where}: invalid span {c.article}[{c.start}:{c.end}]")
            else:
                out.append(text[c.start:c.end])
        return out

    for section, items in (("summary", brief.summary), ("facts", brief.facts),
                           ("timeline", brief.timeline), ("numbers", brief.numbers)):
        for i, item in enumerate(items):
            where = f"{section}[{i}]"
            cited = spans(where, item.citations)
            if not item.citations:
                problems.append(f"{where}: cites nothing")
                continue
            problems += _uncited(where, item.text, cited)
    for i, a in enumerate(brief.actors):
        cited = spans(f"actors[{i}]", a.citations)
        for role in a.roles:
            problems += _uncited(f"actors[{i}] role", role, cited)
    for i, d in enumerate(brief.discrepancies):
        for c in d.claims:
            cited = spans(f"discrepancies[{i}]", [c.citation])
            if isinstance(c, QuantityClaim):
                problems += _uncited(f"discrepancies[{i}]", c.value_text, cited)
    return problems


def _uncited(where: str, text: str, cited: Sequence[str]) -> list[str]:
    joined = " ".join(cited)
    have = _digits(joined)
    words = f" {normalise_text(joined)} "
    out = [f"{where}: number {n} is not in its citations"
           for n in sorted(_digits(text) - have)]
    for name in _names(text):
        if f" {normalise_text(name)} " not in words:
            out.append(f"{where}: name {name!r} is not in its citations")
    return out
