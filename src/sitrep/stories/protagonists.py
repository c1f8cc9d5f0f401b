"""Protagonists: the names a followed event is told around.

Outlets follow one event for weeks (a breach over months, a currency's fall
over a week) in their own words, so two reports of it can share fewer words
than two shootings in one town. What joins them is a distinctive name (the
company, the currency, the group) that is central in each story (held by
most of its members) and concentrated in the store (most of the stored
documents that hold it are in these stories). A town's name is spread over
many stories and a victim's name is one incident's, so neither joins.
Both figures come from the store; there are no lists.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sitrep import config
from sitrep.stories.features import NAME, PROPER, WORD
from sitrep.stories.happening import HEAD, LEAD, fold
from sitrep.stories.vectors import Idf, Vector, day_gap

# A title word written as a name is a protagonist only when at least this share of the
# stored documents holding the word title it as a name: the week's president is written
# in many reports of many stories and titles few of them; a followed company or currency
# titles most of the reports that name it.
TITLED = 0.5


def title_ratio(weights: Mapping[str, float]) -> float:
    """How many times the profile's lightest word a title word weighs at least.

    A body word weighs ``w``; a title word the title's weight alone or added to
    ``w`` (features.profile). Halfway between a body word and the lightest title
    word tells them apart whatever the story weights are set to."""
    return (1.0 + weights["title"] / weights["w"]) / 2 if weights["w"] > 0 else 1.0


def central_terms(vec: Vector, names: bool, ratio: float | None = None) -> set[str]:
    """What a report is told around: its title words, those written as names (and,
    with ``names``, its tagged names). ``ratio``: :func:`title_ratio` of the
    settings in use when not given (a caller over many vectors reads it once)."""
    words = [v for t, v in vec.items() if t.startswith(WORD)]
    least = min(words) if words else 0.0
    if ratio is None:
        ratio = title_ratio(config.current().story_weights)
    # A headline read and no lead: a report told by its headline alone (a notice for a
    # body, features.body_off_title), whose words are all title words.
    judged = HEAD in vec
    headline_only = judged and not any(t.startswith(LEAD) for t in vec)
    out = {t for t, v in vec.items()
           if t.startswith(WORD) and (headline_only or v >= ratio * least)}
    # A name the headline gives as a broad place (a country, a capital) names a
    # subject, not a protagonist (happening.py leaves those out of the headline).
    out |= {t for t in vec if t.startswith(PROPER)
            and (not judged or f"{HEAD}{fold(t[len(PROPER):])}" in vec)}
    if names:
        out |= {t for t in vec if t.startswith(NAME)}
    return out


@dataclass(frozen=True, slots=True)
class Cast:
    """A story's central names and how many of its documents hold each (estimated)."""

    story: str
    held: dict[str, float]


def cast_of(story: str, vecs: Sequence[Vector], members: int, least: float,
            least_members: int, names: bool = True) -> Cast:
    """The names held by at least ``least`` of the sampled ``vecs`` of a story of
    ``members`` documents (none below ``least_members`` sampled: one report's
    names are not yet a story's)."""
    if len(vecs) < least_members or not vecs:
        return Cast(story, {})
    ratio = title_ratio(config.current().story_weights)
    counts = Counter(t for v in vecs for t in central_terms(v, names, ratio))
    n = len(vecs)
    return Cast(story, {t: c / n * members for t, c in counts.items() if c / n >= least})


def shared_protagonist(a: Cast, b: Cast, idf: Idf, concentration: float,
                       least_df: int = 2) -> str | None:
    """A name central in both stories with at least ``concentration`` of the stored
    documents holding it inside the two (the most concentrated one), or None. A
    name fewer than ``least_df`` documents hold is concentrated by chance (two
    shootings of one small town) and says nothing."""
    best: tuple[float, str] | None = None
    for term in sorted(set(a.held) & set(b.held)):
        df = idf.df.get(term, 0)
        if df < max(least_df, 2) or not titles(term, idf):
            continue
        inside = min((a.held[term] + b.held[term]) / df, 1.0)
        if inside >= concentration and (best is None or inside > best[0]):
            best = (inside, term)
    return best[1] if best else None


def titles(term: str, idf: Idf) -> bool:
    """Whether a name (``PROPER``) titles at least ``TITLED`` of the stored documents that
    hold its word; other terms pass. The word's count was read with the holders' profiles
    (a name written in the title is a title word); one not read counts as none."""
    if not term.startswith(PROPER):
        return True
    return idf.df.get(term, 0) >= TITLED * idf.df.get(WORD + term[len(PROPER):], 0)


Span = tuple[str | None, str | None]


@dataclass(frozen=True, slots=True)
class GroupBar:
    """When stories gather around a name (:func:`protagonist_groups`): the core story
    holds at least ``core`` of the stored documents holding the name, all the stories
    together at least ``concentration``; a name fewer than ``least_df`` documents hold
    says nothing; stories all within ``burst_days`` of each other are one burst of
    reports (< 0: off)."""

    concentration: float
    core: float
    least_df: int = 2
    burst_days: int = -1


def protagonist_groups(casts: Sequence[Cast], idf: Idf, bar: GroupBar,
                       spans: Mapping[str, Span] | None = None,
                       ) -> list[tuple[str, str, list[str]]]:
    """(name, core story, other stories) for each name central in two or more of
    ``casts``: the core holds at least ``bar.core`` of the stored documents holding
    it, all of them together at least ``bar.concentration``.

    One event followed for a week can lie in a story and a few single reports that
    came while it was young: no two of them hold most of its name's documents, all
    of them do. Single reports alone are no core: a town's shootings of one month
    are each their own incident. A name spread over stories outside ``casts`` (a
    town's other news) is not concentrated, however many of ``casts`` hold it.

    Which of the event's reports joined each other first is chance of arrival order,
    so the core's share is too: when all the stories holding the name (``spans``: story
    -> first, last day) lie within ``bar.burst_days`` (one burst of reports), any story
    of two or more of its documents is core enough (see :func:`_burst`)."""
    holders = _name_holders(casts)
    titled = _titled_holders(casts, holders)
    out = []
    for term in sorted(holders):
        group = sorted(holders[term], key=lambda c: (-c.held[term], c.story))
        df = idf.df.get(term, 0)
        if df < max(bar.least_df, 2) or not titles(term, idf):
            continue
        if group[0].held[term] < bar.core * df and not (
                group[0].held[term] >= 2
                and _burst([c.story for c in group + titled.get(term, [])], spans,
                           bar.burst_days)):
            continue
        if sum(c.held[term] for c in group) < bar.concentration * df:
            continue
        others = [c.story for c in group[1:]] + sorted(c.story for c in titled.get(term, []))
        if others:
            out.append((term, group[0].story, others))
    return out


def _name_holders(casts: Sequence[Cast]) -> dict[str, list[Cast]]:
    """The casts holding each name (``PROPER``), in the order of ``casts``."""
    holders: dict[str, list[Cast]] = {}
    for cast in casts:
        for term in cast.held:
            if term.startswith(PROPER):
                holders.setdefault(term, []).append(cast)
    return holders


def _titled_holders(casts: Sequence[Cast],
                    holders: Mapping[str, list[Cast]]) -> dict[str, list[Cast]]:
    """The casts holding a name of ``holders`` as a title word only.

    A report titled by the name whose text never writes it as one (only at a sentence's
    start, or not at all: a video page's blurb) holds it as a title word: it is the name
    the other reports of its event write (issue 13e), though it does not count towards
    the name's documents."""
    titled: dict[str, list[Cast]] = {}
    for cast in casts:
        for term in cast.held:
            name = PROPER + term[len(WORD):]
            if term.startswith(WORD) and name in holders and name not in cast.held:
                titled.setdefault(name, []).append(cast)
    return titled


def _burst(stories: Sequence[str], spans: Mapping[str, Span] | None, days: int) -> bool:
    """Whether the ``stories`` all lie within ``days`` of each other (False when off,
    ``days`` < 0, or a date is missing)."""
    if days < 0 or spans is None or any(s not in spans for s in stories):
        return False
    firsts = [f for f, _ in (spans[s] for s in stories) if f]
    lasts = [last for _, last in (spans[s] for s in stories) if last]
    if len(firsts) < len(stories) or len(lasts) < len(stories):
        return False  # a story without dates
    first = min(firsts)
    gap = day_gap(max(lasts), first, first)  # from the first day of all to the last
    return gap is not None and gap <= days
