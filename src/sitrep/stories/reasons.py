"""Why a story's articles were grouped: what its reports share.

An analyst judges a grouping at a glance by what holds it together: the same
place, people, organisations, dates and figures named by several of its
reports. This reads the stored profiles of a story's newest members (bounded,
like the assigner's own checks) and lists the terms at least two of them
share, the specific ones first (weighted by idf, as the assigner weighs them).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from sitrep import config
from sitrep.stories.features import NAME, PLACE, REGION
from sitrep.stories.happening import MARKERS
from sitrep.stories.vectors import Idf

if TYPE_CHECKING:
    from sitrep.store import Store

_ENTITY_KINDS = {"GPE": "place", "LOC": "place", "FAC": "place", "PERSON": "person",
                 "ORG": "organisation", "NORP": "group"}


@dataclass(frozen=True, slots=True)
class Reason:
    """One thing several reports of a story share: ``kind`` is place, person,
    organisation, group, entity, date, time, address, figure, event type or word."""

    kind: str
    label: str
    articles: int
    term: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Reasons:
    """The story's shared terms and, per article, which of them it holds."""

    shared: list[Reason] = field(default_factory=list)
    by_article: dict[str, list[Reason]] = field(default_factory=dict)


def story_reasons(store: Store, story_id: str) -> Reasons:
    tuning = config.current().stories
    members = store.stories.newest_members(story_id, tuning.reasons_members)
    profiles = store.stories.features([m.article_id for m in members])
    if len(profiles) < 2:
        return Reasons()
    held = Counter(t for terms in profiles.values() for t in terms)
    weight: Counter[str] = Counter()
    for terms in profiles.values():
        weight.update(terms)  # a name or figure weighs more than a word, as when assigning
    # Towns and regions are named by their entity terms already.
    # Headline and lead markers (happening.py) weigh nothing: the words stand for them.
    common = [t for t, n in held.items()
              if n >= 2 and not t.startswith((PLACE, REGION, *MARKERS))]
    idf = Idf(store, tuning.idf_power)
    idf.prepare(common)
    ranked = sorted(common, key=lambda t: (-weight[t] * idf(t), t))[:tuning.reasons_top]
    names = store.stories.entity_names([t[len(NAME):] for t in ranked if t.startswith(NAME)])
    shared = [_reason(t, held[t], names) for t in ranked]
    by_article = {aid: [r for r in shared if r.term in terms][:tuning.reasons_per_article]
                  for aid, terms in profiles.items()}
    return Reasons(shared, by_article)


def _reason(term: str, articles: int, names: dict[str, tuple[str, str]]) -> Reason:
    ns, _, value = term.partition(":")
    if ns == "e":
        name, kind = names.get(value, (value, ""))
        return Reason(_ENTITY_KINDS.get(kind, "entity"), name, articles, term)
    if ns == "t":
        return Reason("date", value, articles, term)
    if ns == "k":  # "2025-03-09T04:00" shown as "2025-03-09 04:00"
        return Reason("time", value.replace("T", " "), articles, term)
    if ns == "a":  # "800_elm": the number and the street's name words
        return Reason("address", value.replace("_", " "), articles, term)
    if ns == "n":
        number, _, unit = value.partition(":")
        return Reason("figure", f"{number} {unit}".strip(), articles, term)
    if ns == "v":
        return Reason("event type", value, articles, term)
    return Reason("word", value, articles, term)
