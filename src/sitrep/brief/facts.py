"""Key facts: claims several sources state first, each quoted with all its citations."""

from __future__ import annotations

from collections.abc import Sequence

from sitrep.brief.model import BriefItem
from sitrep.brief.salience import cosine
from sitrep.brief.sentences import SentenceIndex
from sitrep.reconcile.claims import Claim, Corroboration, QuantityClaim
from sitrep.reconcile.config import BriefConfig
from sitrep.reconcile.frames import independent_outlets


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



def fact_items(
    agreements: Sequence[Corroboration], index: SentenceIndex, config: BriefConfig,
    shown: Sequence[BriefItem] = (),
) -> list[BriefItem]:
    """Corroborated claims first, never a sentence ``shown`` already (the summary's)."""
    ranked = []
    for agr in agreements:
        lead = agr.claims[0]
        if isinstance(lead, QuantityClaim) and not lead.predicate:
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
