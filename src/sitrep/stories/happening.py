"""Whether two reports tell one happening, not only one subject.

Reports of one week on loosely related subjects share a country, a capital, a
background figure ("three months after the fall of Assad") and the names that
come with them; the assigner's cosine and anchors read those as one event. What
they do not share is the happening itself, which a report names in its headline
and its first lines: the train attack, the hotel siege, the tariffs, the
ceasefire. Two reports of one happening (whatever the outlet's angle: a rescue,
a death toll, a denial) name it in the headline of one and the headline or the
lead of the other; an analysis of Castria's new constitution and a UN appeal on
the war's anniversary share only "Castria".

So a profile carries, as markers of no weight in the cosine, its headline words
(``HEAD``) and its lead words (``LEAD``), both without the names of countries,
first-level regions, continents, seas and capitals the text itself tags as
places (a capital names its government: "Tehran rejected the offer"). Two
sides share a happening when a headline word of either is a headline or lead
word of the other. A side without markers (no title, or stored before
markers) is not judged. Nothing here is a list: what counts as a broad place
comes from the gazetteer's feature codes the annotation layer already attaches.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from sitrep.models import Annotations, Article, EntityMention, stable_id
from sitrep.stories.pervector import namespaces, per_vector

HEAD = "h:"
LEAD = "l:"
# The headline asks or comments ("Can the alliance hold?", "Analysis: ..."): an analysis
# piece, whose lead recounts the week's news; a marker of the side, not of a word.
ANALYSIS = "q:"
# An anchor term of the profile that names a broad place ("b:e:<id>", "b:c:<word>"): a
# country, region or capital names a subject or a government, not a happening (assign.py).
BROAD = "b:"
# The profile's publication day ("d:2031-04-02"): a member read back from the store
# carries it (assign._supported); centroids drop it (vectors.truncate).
DAY = "d:"
# The name of a town the profile resolves (features.TOWN_NAME, assign.Places): a marker
# too, but of the places, not of the happening.
TOWN_NAME = "o:"
# The entity id a shorter form of an organisation's name gets ("u:<id>": linking.part_ids):
# a marker of the anchors, matched against the other side's names (assign.anchor_factor).
NAME_PART = "u:"
MARKERS = (HEAD, LEAD, TOWN_NAME, ANALYSIS, BROAD, DAY, NAME_PART)
# A marker's value in a profile: tiny, so it moves no cosine, yet positive, so a
# centroid's markers (their mean) rank by how many members hold them and survive
# the running mean taken backwards (state.without drops values near zero).
MARK = 1e-6
# Lead words: the first this many content words of the text (title words count as
# headline words already). A lead of a few sentences: what happened, where, to whom.
LEAD_WORDS = 40
# Marker terms a story centroid keeps (the most held first): a bounded headline
# vocabulary however long the story runs (vectors.truncate).
CENTROID_MARKERS = 80
# GeoNames features of a place too broad to name a happening: countries and their
# kin, first-level divisions, continents, regions, oceans and seas, capitals.
_BROAD = ("PCL", "TERR", "ADM1", "CONT", "RGN", "OCN", "SEA", "GULF", "PPLC")
_TOKEN = re.compile(r"[a-z][a-z0-9'\-]*[a-z0-9]|[a-z]")
# A headline label that says the piece comments, not reports ("Analysis:", "Opinion:"),
# matched on its folded first word.
_COMMENT_LABELS = ("analy", "expert", "opinion", "comment", "explain", "editorial",
                   "perspective")
_SUFFIXES = ("ings", "ing", "ies", "ied", "es", "ed", "s")


def fold(word: str) -> str:
    """A word's crude stem, for matching only: "launches", "launched" and "launch"
    meet; plurals, past and progressive forms fold, possessives drop."""
    word = word.strip("'-")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[:-len(suffix)]
            break
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


@functools.cache
def calendar_words() -> frozenset[str]:
    """Month and weekday names, parts of the day and calendar units (the time
    layer's lexicon), folded: a headline made of them is a dateline."""
    from sitrep.annotate.times.time_words import load_lexicon

    tables = load_lexicon().tables
    return frozenset(fold(w) for kind in ("month", "weekday", "part_of_day", "unit")
                     for w in tables.get(kind, {}))


def _words(text: str, stop: frozenset[str], limit: int | None = None) -> list[str]:
    out: list[str] = []
    for m in _TOKEN.finditer(text.lower()):
        if limit is not None and len(out) >= limit:
            break
        token = m.group()
        if len(token) < 3 or token in stop:
            continue
        w = fold(token)
        if len(w) >= 3 and w not in stop:
            out.append(w)
    return out


def is_broad_place(m: EntityMention) -> bool:
    """Whether a mention names a place too broad to name a happening (gazetteer features)."""
    place = m.place
    return bool(place and m.type in ("GPE", "LOC", "NORP", "FAC")
                and str(place.get("feature") or "").startswith(_BROAD))


def is_broad_anchor(m: EntityMention) -> bool:
    """Whether a mention is too broad to tell one happening by: a broad place, a
    nationality or group (NORP), or a region the gazetteer does not resolve (an
    ocean, "the Middle East": LOC without a place)."""
    if is_broad_place(m) or m.type == "NORP" or (m.type == "LOC" and not m.place):
        return True
    # a country the gazetteer gave no entry but its code (linking.story_id keeps its id)
    return bool(m.country and m.entity_id == stable_id("country", m.country))


def broad_words(ann: Annotations | None, stop: frozenset[str]) -> set[str]:
    """The words of the places the text names that are too broad to name a happening."""
    out: set[str] = set()
    if ann is None:
        return out
    for m in ann.entities:
        if is_broad_place(m):
            out.update(_words(m.text, stop))
            out.update(_words(m.name or "", stop))
            out.update(_words(str((m.place or {}).get("name") or ""), stop))
    return out


def is_analysis(title: str) -> bool:
    """Whether a headline asks a question or carries a comment label ("Analysts: ...")."""
    title = title.strip().rstrip("\"'”’ ")
    if title.endswith("?"):
        return True
    label, colon, _ = title.partition(":")
    return bool(colon) and len(label.split()) == 1 and label.lower().startswith(_COMMENT_LABELS)


def markers(article: Article, ann: Annotations | None,
            stop: frozenset[str]) -> dict[str, float]:
    """The headline and lead markers of a report (none without a title)."""
    title = (article.title or "").strip()
    if not title:
        return {}
    broad = broad_words(ann, stop)
    calendar = calendar_words()
    head = [w for w in _words(title, stop) if w not in broad and w not in calendar]
    if not head:
        return {}  # a dateline or a bare place for a title ("APR 28", "Iran"): not judged
    lead = [w for w in _words(article.text, stop, LEAD_WORDS) if w not in broad]
    out = {f"{LEAD}{w}": MARK for w in lead}
    out.update({f"{HEAD}{w}": MARK for w in head})
    out[HEAD] = MARK  # a headline was read (an empty one is not judged)
    if is_analysis(title):
        out[ANALYSIS] = MARK
    return out


@per_vector
def _head_keys(vec: Mapping[str, float]) -> tuple[tuple[str, str], ...]:
    """Each headline word of a profile or centroid as the headline and the lead
    marker another side would hold, read once per vector (pervector.py)."""
    return tuple((h, f"{LEAD}{h[len(HEAD):]}") for h in namespaces(vec).get(HEAD, ()) if h != HEAD)


def _named_in(own: Mapping[str, float], other: Mapping[str, float]) -> bool:
    """Whether one of the headline words of ``own`` is a headline or lead word of ``other``."""
    return any(h in other or lead in other for h, lead in _head_keys(own))


def shares_headline(own: Mapping[str, float], other: Mapping[str, float]) -> bool | None:
    """Whether a headline word of one side is a headline word of the other; None when
    a side carries no markers (not judged)."""
    if HEAD not in own or HEAD not in other:
        return None
    return any(h in other for h, _ in _head_keys(own))


def reads_as_analysis(vec: Mapping[str, float]) -> bool:
    """Whether a profile is an analysis piece, or most of a centroid's headlines are."""
    return 2 * vec.get(ANALYSIS, 0.0) > vec.get(HEAD, 0.0)


def shares_happening(own: Mapping[str, float], other: Mapping[str, float]) -> bool | None:
    """Whether a headline word of either side is a headline or lead word of the
    other (either way: the same whichever side came first); None when a side
    carries no markers (not judged).

    An analysis piece (:func:`reads_as_analysis`) recounts the week's news in its lead, so
    the other side's headline words found there say nothing: its own headline must
    name something the report tells."""
    if HEAD not in own or HEAD not in other:
        return None
    if reads_as_analysis(own) != reads_as_analysis(other):
        return _named_in(own, other) if reads_as_analysis(own) else _named_in(other, own)
    return _named_in(own, other) or _named_in(other, own)


def happening_factor(own: Mapping[str, float], other: Mapping[str, float],
                     kept: float) -> float:
    """What is kept of a similarity: ``kept`` when the two sides share no happening."""
    return kept if shares_happening(own, other) is False else 1.0


def day_marked(vec: Mapping[str, float]) -> str | None:
    """The publication day a profile carries (``DAY``), or None."""
    return next((t[len(DAY):] for t in vec if t.startswith(DAY)), None)


def truncate_markers(vec: Mapping[str, float], k: int = CENTROID_MARKERS) -> dict[str, float]:
    """A centroid's ``k`` most held markers (ties by term)."""
    found = sorted(((v, t) for t, v in vec.items() if t.startswith((HEAD, LEAD))),
                   key=lambda x: (-x[0], x[1]))
    return {t: v for v, t in found[:k]} | {t: vec[t] for t in (HEAD, ANALYSIS) if t in vec}
