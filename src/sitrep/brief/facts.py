"""Key facts: claims several sources state first, each quoted with all its citations.

A key fact states what is, of this story: not what could be ("could one day carry
humans hundreds of miles") and not a happening the text dates to a year far from the
story's ("after a 2011 payroll fraud" in coverage of 2019): those tell another one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitrep.brief.model import BriefItem
from sitrep.brief.salience import cosine
from sitrep.brief.sentences import SentenceIndex
from sitrep.reconcile.claims import Claim, Corroboration, EventClaim, QuantityClaim
from sitrep.reconcile.config import BriefConfig
from sitrep.reconcile.frames import independent_outlets
from sitrep.reconcile.lexicon import tokens

_YEAR = re.compile(r"(?:1[89]|2\d)\d\d$")
_MODAL_WINDOW = 6  # words before a figure that may make it a possibility
_POSSIBLE = frozenset({"could", "might", "may"})  # the modals of possibility


def _backing(best: Claim, claims: Sequence[Claim], index: SentenceIndex,
             same: float) -> list[Claim]:
    """The claims whose sentences say what the quoted one says: "N sources" counts only
    outlets that state it, not those that merely tell an event of the same kind."""
    if isinstance(best, QuantityClaim):
        # Figures agree by value already, but a caption or related coverage backs nothing.
        return [c for c in claims if c is best or index.at(c.sentence) is not None]
    quoted = index.at(best.sentence)
    if quoted is None:
        return [best]
    out = []
    for c in claims:
        s = index.at(c.sentence)
        if c is best or (s is not None and cosine(s.vector, quoted.vector) >= same):
            out.append(c)
    return out



def _year_of(claim: Claim) -> int | None:
    """The year the text dates a claim's happening or figure to, if it names one."""
    if isinstance(claim, EventClaim) and claim.date_from_text and claim.date:
        when = claim.date[:4]
    elif isinstance(claim, QuantityClaim):
        when = claim.scope
    else:
        return None
    return int(when) if _YEAR.match(when) else None


def _elsewhere(claim: Claim, years: tuple[int, int] | None) -> bool:
    """Dated to a year more than a year from the story's publication years."""
    year = _year_of(claim)
    return years is not None and year is not None and not (
        years[0] - 1 <= year <= years[1] + 1)


def _possible(claim: Claim, index: SentenceIndex) -> bool:
    """A figure said to be only possible ("could one day carry freight thousands of
    miles"), not a fact: a modal of possibility shortly before it. A plan or pledge
    stated ("will pay $5 million", "pledged $10 million") is still the story's fact."""
    if not isinstance(claim, QuantityClaim):
        return False
    sentence = index.at(claim.sentence)
    if sentence is None:
        return False
    text = sentence.ctx.article.text[sentence.span.start:claim.citation.start]
    # "May" capitalised is the month far more often than a sentence's first word.
    return any(w.lower() in _POSSIBLE and w != "May" for w in tokens(text)[-_MODAL_WINDOW:])


def fact_items(
    agreements: Sequence[Corroboration], index: SentenceIndex, config: BriefConfig,
    shown: Sequence[BriefItem] = (), years: tuple[int, int] | None = None,
) -> list[BriefItem]:
    """Corroborated claims first, never a sentence ``shown`` already (the summary's);
    ``years``, the first and last years of the story's publication dates."""
    ranked = []
    for agr in agreements:
        lead = agr.claims[0]
        if isinstance(lead, QuantityClaim) and not lead.predicate:
            continue
        if any(_elsewhere(c, years) or _possible(c, index) for c in agr.claims):
            continue
        # Quote the most central sentence among those that state the claim.
        best = max(agr.claims, key=lambda c: index.score_of(c.sentence))
        backing = _backing(best, agr.claims, index, config.facts_same)
        count = len(independent_outlets(backing))
        corroborated = count >= config.min_sources
        ranked.append((corroborated, count, agr.weight, index.score_of(best.sentence),
                       best, backing))
    ranked.sort(key=lambda r: (-r[0], -r[1], -r[2], -r[3]))
    out: list[BriefItem] = []
    seen: set[str] = {i.text for i in shown}
    for corroborated, count, _, _, best, backing in ranked:
        sentence = index.at(best.sentence)
        if sentence is None or not sentence.quotable:
            continue
        text = sentence.text
        if text in seen or len(text.split()) < 5:
            continue
        seen.add(text)
        cites = list(dict.fromkeys([best.sentence, *(c.sentence for c in backing)]))
        out.append(BriefItem(text, cites, count, corroborated))
        if len(out) >= config.facts_max:
            break
    return out
