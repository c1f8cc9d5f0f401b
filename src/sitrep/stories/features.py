"""What an article is about, as one sparse profile of namespaced terms.

Namespaces: ``w:`` content words (title words count extra), ``e:`` canonical
entity ids, ``n:`` numbers with their unit, ``t:`` resolved dates (and their
year), ``k:`` clock times (a time of day on its date, from the times layer), ``a:``
street addresses (a house number or hundred block with its street, from the text),
``v:`` event types, ``p:`` towns and cities resolved to a GeoNames id
and ``r:`` their region (country and first-level division): what tells apart
two incidents of one kind (see ``Places`` in assign.py). A term weighs its
namespace weight whether it occurs once or ten times (presence, not
frequency: a long report repeating the topic's words should not outweigh the
one name or figure that tells two events apart); the profile is normalised
to unit length, without idf: document frequencies change as the store grows, so idf is applied when
profiles are compared (see vectors.py). Specific signals (a name, a figure,
a date) are what tell apart two events of the same kind, so they weigh more
than words.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import KeysView, Mapping
from dataclasses import dataclass, replace
from typing import Any

from sitrep import config, lexicons
from sitrep.extract.chrome_spans import readable_article
from sitrep.models import Annotations, Article, parse_iso_date
from sitrep.outlets import is_publisher, publisher_key
from sitrep.stories.happening import (
    BROAD,
    DAY,
    LEAD_WORDS,
    MARK,
    NAME_PART,
    TOWN_NAME,
    is_broad_anchor,
    is_broad_place,
    markers,
)
from sitrep.stories.linking import part_ids, story_id, story_ids
from sitrep.stories.pervector import namespaces, per_vector


@functools.cache
def stop_words() -> frozenset[str]:
    """spaCy's English stop words and a few news words (stop_words.csv, list
    ``news``), loaded on first use:
    importing spaCy takes about half a second, which ``import sitrep.stories``
    (and so the web start) should not pay."""
    try:  # spaCy's list, without loading a model; a short fallback keeps this importable
        from spacy.lang.en.stop_words import STOP_WORDS
    except ImportError:  # pragma: no cover
        STOP_WORDS = set()
    return frozenset(STOP_WORDS) | lexicons.stop_words("news")

# Namespace weights, measured on ECB+ dev (see docs/stories.md).
# An address weighs as a figure: it was read as one ("the 800 block" as 800) when the
# weights were measured, and like a figure it tells apart two incidents of one kind (two
# shootings in one city). A clock time weighs as a date: reports of one market day or
# one meeting give different hours (as a figure it split giveme-dev, .935 -> .908).
WEIGHTS = {"w": 0.7, "title": 1.0, "e": 2.0, "n": 3.0, "t": 1.5, "v": 0.5, "p": 0.5,
           "r": 0.3, "c": 0.0, "k": 1.5, "a": 3.0}
# Title words the text writes as a name (see ``proper_title_words``): anchors, and the
# protagonists of followed events (protagonists.py); of no weight in the cosine unless set.
PROPER = "c:"
WORD = "w:"  # a content word of the text or the title
PLACE = "p:"
REGION = "r:"
NAME = "e:"  # a named entity (its story id: linking.story_id)
EVENT = "v:"  # a PLOVER event type of the text
# Who and where: an article and a story that share none of these are two happenings
# (``PROPER``: a title word the text writes as a name, tagged as an entity or not).
ANCHORS = (NAME, PLACE, PROPER)
# GeoNames feature codes of a place small enough to tell two incidents apart
# (populated places, not countries or provinces: two reports of one event
# name the same town; two reports of one country's news need not).
_LOCAL_FEATURES = ("PPL", "ADM2", "ADM3")
# A profile keeps its first terms: bounded storage and compare cost. Not a setting:
# profiles are stored, and a store's profiles must all be cut at the same length.
MAX_TERMS = 100

_WORD = re.compile(r"[a-z][a-z'\-]+")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-]+")
_CAPITALISED = re.compile(r"(?<![A-Za-z'\-])[A-Z][A-Za-z'\-]+")
# What may end a sentence before a word (a capital after it is no sign of a name).
_SENTENCE_END = frozenset(".!?:\"\u201c\u2014")
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w])")
# A house number or a hundred block and the capitalised words of its street
# ("1520 N. Main St.", "the 800 block of Elm Road"); the street word is checked
# against the lexicon (``_address_key``). A number after a slash is the far side of a
# ratio, a date or a gallery's "1 of / 11" counter, never a house number.
_ADDRESS = re.compile(
    r"(?<![\w.,$/])(?<!/\s)(\d{1,5})(?:\s+block\s+of)?((?:\s+[A-Z][A-Za-z'\-]*\.?){1,4})")
# TIMEX3 value of a time of day: on a known date ("2024-05-03T21:00", the date kept) or
# on none (an undated page: "XXXX-XX-XXT21:00", the clock alone).
_CLOCK = re.compile(r"(\d{4}-\d\d-\d\d|X{4}-XX-XX)T(\d\d:\d\d)")


@dataclass(slots=True)
class Profile:
    """An article's unit-length term profile and its date (ISO day or None)."""

    terms: dict[str, float]
    day: str | None


def stem(word: str) -> str:
    """A light suffix fold: plurals and possessives only (words stay readable)."""
    word = word.strip("'-")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _content_words(text: str) -> list[tuple[int, str]]:
    """(offset, stemmed word) of each content word of ``text``, stop words left out."""
    stop = stop_words()
    out = []
    for m in _WORD.finditer(text.lower()):
        token = m.group()
        if len(token) < 3 or token in stop:
            continue
        w = stem(token)
        if len(w) >= 3 and w not in stop:
            out.append((m.start(), w))
    return out


def words(text: str) -> list[str]:
    return [w for _, w in _content_words(text)]


def _number_key(value: float, unit: str | None) -> str:
    text = f"{value:.6g}"
    return f"n:{text}{':' + unit if unit else ''}"


def _address_key(number: str, street: str, block: bool) -> str | None:
    """``a:800_elm`` for "800 block of Elm Road" (and "800 block of Elm Rd."): the
    number and the street's name words, without its kind (outlets abbreviate it
    differently). A house number needs a street word after a name ("482 Elm Road");
    a hundred block names its street whatever follows."""
    names = [w.rstrip(".").lower() for w in street.split()]
    kind = next((i for i, w in enumerate(names) if w in lexicons.street_words()), None)
    if kind:  # the name words before the street's kind
        names = names[:kind]
    elif not block:
        return None
    return f"a:{number}_{'_'.join(names)}" if names else None


def addresses(text: str) -> list[tuple[int, str]]:
    """(offset, ``a:`` term) of the street addresses the text writes."""
    out = []
    for m in _ADDRESS.finditer(text):
        key = _address_key(m.group(1), m.group(2), "block" in m.group(0)[len(m.group(1)):])
        if key:
            out.append((m.start(), key))
    return out


def _clock_term(t: Any) -> str | None:
    """``k:2024-05-03T21:00`` for a time of day on its date; ``k:21:00`` for one the
    times layer could not date (no publication date to anchor it)."""
    m = _CLOCK.match(t.value or "")
    if m is None:
        return None
    return f"k:{m.group(0)}" if m.group(1)[0].isdigit() else f"k:{m.group(2)}"


def _field(item: Any, name: str) -> Any:
    return item.get(name) if isinstance(item, dict) else getattr(item, name, None)


def occurrences(article: Article, ann: Annotations | None) -> list[tuple[int, str, str]]:
    """(offset, term, namespace) of every term in the text, in reading order."""
    out = [(start, f"w:{w}", "w") for start, w in _content_words(article.text)]
    if ann is None:
        # No annotations (--no-annotate): numbers straight from the text.
        out.extend((m.start(), f"n:{m.group().replace(',', '')}", "n")
                   for m in _NUMBER.finditer(article.text))
    else:
        # The page's own outlet ("VOA" on voanews.com) is in every report it publishes:
        # it names no participant, and would join all of them.
        own = publisher_key(article.outlet, article.url)
        out.extend((start, f"{NAME}{eid}", "e") for start, eid in story_ids(
            m for m in ann.entities if not is_publisher(m.name, own)))
        for m in ann.entities:
            place = m.place if _is_local(m) else None
            if place:
                out.append((m.start, f"{PLACE}{place['geonameid']}", "p"))
                out.append((m.start, f"{REGION}{place.get('country')}/"
                            f"{place.get('admin1') or ''}", "r"))
        # a change's earlier value ("from 96 kilograms to 88") is a figure the report gives
        out.extend((q.old_start, _number_key(q.old_value, q.unit), "n") for q in ann.quantities
                   if q.old_value is not None and q.old_start is not None and q.old_value >= 0)
        out.extend((q.start, _number_key(q.value, q.unit), "n") for q in ann.quantities
                   if q.value is not None and q.value >= 0)
        for t in ann.times:
            if t.value and len(t.value) >= 4 and t.value[:4].isdigit():
                out.append((t.start, f"t:{t.value[:10]}", "t"))
                if len(t.value) > 4:
                    out.append((t.start, f"t:{t.value[:4]}", "t"))
            clock = _clock_term(t) if t.type == "TIME" else None
            if clock:  # reports of one incident give its time of day ("9 p.m. Friday")
                out.append((t.start, clock, "k"))
        out.extend((start, key, "a") for start, key in addresses(article.text))
        for e in ann.events:
            kind = _field(e, "type")
            if kind:
                out.append((_field(e, "start") or 0, f"{EVENT}{kind}", "v"))
    out.sort(key=lambda o: o[0])
    return out


def _is_local(mention: Any) -> bool:
    place = mention.place
    return bool(mention.is_place() and place and place.get("geonameid")
                and str(place.get("feature") or "").startswith(_LOCAL_FEATURES))


def town_names(ann: Annotations | None, terms: Mapping[str, float]) -> dict[str, float]:
    """Markers of no weight (``TOWN_NAME``) for the names of the towns the profile kept,
    their words as the profile writes them, joined by "_" ("o:san_antonio").

    A report may write a town's name without the tagger resolving it (an event named
    for it, "the Lakeside Games"); ``assign.Places`` then does not read the two
    reports' different towns as a clash."""
    if ann is None:
        return {}
    out: dict[str, float] = {}
    for m in ann.entities:
        place = m.place if _is_local(m) else None
        if place and f"{PLACE}{place['geonameid']}" in terms:
            name = "_".join(words(m.name or ""))
            if name:
                out[f"{TOWN_NAME}{name}"] = MARK
    return out


def name_parts(ann: Annotations | None, terms: Mapping[str, float]) -> dict[str, float]:
    """Markers of no weight (``NAME_PART`` + an entity id) for the shorter forms of the
    organisations the profile kept (linking.part_ids): "United" in a report that
    names only "United Airlines" (assign.anchor_factor matches them)."""
    if ann is None:
        return {}
    out: dict[str, float] = {}
    for m in ann.entities:
        if m.entity_id and f"{NAME}{story_id(m)}" in terms:
            for eid in part_ids(m):
                out[f"{NAME_PART}{eid}"] = MARK
    return out


def broad_markers(ann: Annotations | None, terms: Mapping[str, float]) -> dict[str, float]:
    """Markers of no weight (``BROAD`` + the anchor term) for the anchors of the profile
    that name a broad place: a country, a first-level division, a capital, a region, a
    nationality (happening.is_broad_anchor). Two reports that share only these share a
    subject, not a happening (``assign.anchor_factor``)."""
    if ann is None:
        return {}
    broad = [m for m in ann.entities if is_broad_anchor(m)]
    out: dict[str, float] = {}
    for _, eid in story_ids(broad):
        if f"{NAME}{eid}" in terms:
            out[f"{BROAD}e:{eid}"] = MARK
    for m in broad:
        place = m.place
        if place and place.get("geonameid") and f"{PLACE}{place['geonameid']}" in terms:
            out[f"{BROAD}{PLACE}{place['geonameid']}"] = MARK
        if not is_broad_place(m):
            continue  # a title word marks broad only by the gazetteer (a coin tagged NORP)
        for w in (*words(m.text), *words(m.name or "")):
            if f"{PROPER}{w}" in terms:
                out[f"{BROAD}{PROPER}{w}"] = MARK
    return out


def local_places(terms: Mapping[str, float], prefix: str = PLACE) -> set[str]:
    """The town and city terms (``REGION``: their regions) of a profile or centroid."""
    return {t for t in terms if t.startswith(prefix)}


@per_vector
def towns_of(terms: Mapping[str, float]) -> frozenset[str]:
    """:func:`local_places` of a profile or centroid, read once per vector (pervector.py)."""
    return frozenset(namespaces(terms).get(PLACE, ()))


@per_vector
def regions_of(terms: Mapping[str, float]) -> frozenset[str]:
    """The regions of :func:`towns_of`, read once per vector."""
    return frozenset(namespaces(terms).get(REGION, ()))


@per_vector
def parts_of(terms: Mapping[str, float]) -> frozenset[str]:
    """The ``NAME_PART`` markers of a profile or centroid, read once per vector."""
    return frozenset(namespaces(terms).get(NAME_PART, ()))


@per_vector
def anchored(terms: Mapping[str, float]) -> bool:
    """Whether a profile or centroid names an anchor (``ANCHORS``), read once per vector."""
    held = namespaces(terms)
    return any(ns in held for ns in ANCHORS)


def proper_title_words(title: str, text: str) -> KeysView[str]:
    """The (stemmed) title words the text writes capitalised inside a sentence: names.

    Outlets following one event title it by its company, currency or person
    (a company, a coin), which the entity tagger does not always tag; the text's own
    capitals say which title words are names. Title case says nothing (every word
    of a title may be capitalised), nor does a capital opening a sentence or line.
    A common word inside a name ("Police Department") passes too, but as an anchor
    it weighs by how rare it is (``assign.anchor_weight``)."""
    stop = stop_words()
    wanted = {stem(t) for t in {t.lower() for t in _TOKEN.findall(title)} - stop
              if len(t) >= 3}
    out: dict[str, None] = {}  # reading order, not hash order: same story floats every run
    for m in _CAPITALISED.finditer(text):
        word = stem(m.group().lower())
        if word not in wanted:
            continue
        i = m.start() - 1
        while i >= 0 and text[i] in " \t":
            i -= 1
        if i >= 0 and text[i] != "\n" and text[i] not in _SENTENCE_END:
            out[word] = None
            wanted.discard(word)
    return out.keys()


# Content words of a headline a short report of it writes one of, at least: a bare
# "Shooting" over "two men were shot" is a report in other words, not a notice.
_HEADLINE_WORDS = 3


def body_off_title(article: Article) -> bool:
    """Whether the text is not the report its headline announces, so the report is
    its headline alone: a notice shorter than a lead (``LEAD_WORDS`` content words)
    that writes none of the headline's content words (a video page's chat prompt, a
    sign-up or paywall notice), or a longer text whose lead writes none of them and
    which never writes a name the headline gives (:func:`headline_names`: another
    report, a long paywall notice, under the page's headline).

    Judged by such a body, the headline's event shares no name with its other
    outlets' reports and the notice matches other pages of the outlet. A longer
    body that names what its headline names, or whose headline names no one, is a
    report, however it words its headline (a gallery's captions)."""
    title = article.title or ""
    head = set(words(title))
    if len(head) < _HEADLINE_WORDS:
        return False
    body = words(article.text)
    if len(body) < LEAD_WORDS:
        return head.isdisjoint(body)
    if not head.isdisjoint(body[:LEAD_WORDS]):
        return False
    names = headline_names(title)
    return bool(names) and not any(_writes(article.text, n) for n in names)


def headline_names(title: str) -> list[str]:
    """The words a headline in sentence case capitalises inside a clause: its names.

    A headline in title case capitalises every word and gives none this way; a word
    opening the headline or a clause (after a colon, a dash, a quote) is
    capitalised whatever it is."""
    found = list(_TOKEN.finditer(title))
    inner = [m for m in found[1:] if not _opens_clause(title, m.start())]
    capital = [m.group() for m in inner if m.group()[0].isupper()]
    lower = sum(1 for m in inner if m.group()[0].islower())
    return capital if lower > len(capital) else []


def _opens_clause(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a line, a sentence or a clause."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n" or text[i] in _SENTENCE_END


def _writes(text: str, word: str) -> bool:
    """Whether ``text`` writes ``word`` as a word, in any case."""
    found = re.search(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", text, re.IGNORECASE)
    return found is not None


def profile(article: Article, ann: Annotations | None) -> Profile:
    """The article's profile: its title and its first ``MAX_TERMS`` distinct terms in
    reading order, weighted by presence, unit length.

    News says first what happened, where and to whom; what only comes later
    (galleries of other stories, teasers, sign-up and comment chrome, background)
    is left out, so a long page weighs like a short report of the same event.
    A record's page chrome (login forms, share buttons, a gallery's counters and
    credits) is read as blanks: two pages of one outlet share it whatever they report.
    """
    article = readable_article(article)
    if body_off_title(article):
        article, ann = replace(article, text=""), None
    weights: dict[str, float] = {}
    ns_weights = config.current().story_weights  # WEIGHTS unless the settings say otherwise
    for _, term, ns in occurrences(article, ann):
        if term not in weights:
            if len(weights) >= MAX_TERMS:
                break
            weights[term] = ns_weights[ns]
    for w in dict.fromkeys(words(article.title or "")):  # reading order: same floats every run
        weights[f"w:{w}"] = weights.get(f"w:{w}", 0.0) + ns_weights["title"]
    norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
    terms = {t: v / norm for t, v in weights.items()}
    # After the cut: the markers take no place from the terms that are compared.
    for w in proper_title_words(article.title or "", article.text):
        terms[f"{PROPER}{w}"] = ns_weights["c"] / norm
    terms.update(markers(article, ann, stop_words()))  # headline and lead (happening.py)
    terms.update(town_names(ann, terms))
    terms.update(name_parts(ann, terms))
    terms.update(broad_markers(ann, terms))
    day = parse_iso_date(article.published)
    if day:
        terms[f"{DAY}{day.isoformat()}"] = MARK
    return Profile(terms, day.isoformat() if day else None)
