"""Key facts: claims several sources state first, each quoted with all its citations."""

from __future__ import annotations

from collections.abc import Sequence

from sitrep.brief.model import BriefItem
from sitrep.brief.sentences import SentenceIndex
from sitrep.reconcile.config import BriefConfig
from sitrep.reconcile.records import Corroboration, QuantityClaim


def fact_items(
    agreements: Sequence[Corroboration], index: SentenceIndex, config: BriefConfig
) -> list[BriefItem]:
    ranked = []
    for agr in agreements:
        lead = agr.claims[0]
        if isinstance(lead, QuantityClaim) and not lead.predicate:
            continue
        # Quote the most central sentence among those that state the claim.
        best = max(agr.claims, key=lambda c: index.score_of(c.sentence))
        corroborated = agr.count >= config.min_sources
        ranked.append((corroborated, agr.count, agr.weight, index.score_of(best.sentence),
                       best, agr))
    ranked.sort(key=lambda r: (-r[0], -r[1], -r[2], -r[3]))
    out: list[BriefItem] = []
    seen: set[str] = set()
    for corroborated, count, _, _, best, agr in ranked:
        sentence = index.at(best.sentence)
        text = sentence.text if sentence is not None else best.text
        if text in seen or len(text.split()) < 5:
            continue
        seen.add(text)
        cites = list(dict.fromkeys([best.sentence, *(c.sentence for c in agr.claims)]))
        out.append(BriefItem(text, cites, count, corroborated))
        if len(out) >= config.facts_max:
            break
    return out
