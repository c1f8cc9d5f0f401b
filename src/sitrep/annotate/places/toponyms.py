"""The toponyms of one article: which mentions may name a place, their
gazetteer candidates, and what the text around them says.

A mention typed GPE, LOC or FAC is a place if the gazetteer knows it; one of
another type (spaCy's small model calls "Quetta" an organisation, "Kursk" a
product, "Banja Luka" a person) is a candidate that needs more evidence,
weighed in ``place_scoring``. The text adds two kinds of evidence: a
qualifier ("Springfield, Illinois", "Salem, Oregon", "Austin, TX") and a
locative cue ("in Quetta", "near Gwadar").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitrep.annotate.entities.countries import country_index
from sitrep.annotate.entities.keys import country_entity_id, fold_name
from sitrep.annotate.entities.layer import PLACE_LABELS
from sitrep.annotate.places.gazetteer import (
    ADM1,
    ADM2,
    CAPITAL,
    CITY,
    COUNTRY,
    NO_ADMIN,
    REGION,
    PlaceIndex,
)
from sitrep.annotate.places.names import (
    DESCRIPTIVE_WORDS,
    DIVISION_WORDS,
    Abbreviation,
    Query,
    abbreviations,
    is_descriptive,
    place_key,
    queries,
)
from sitrep.models import EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Doc

PLACE_TYPES = PLACE_LABELS
# Types spaCy's small model gives place names by mistake.
MISTYPED = frozenset({"ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "EVENT", "NORP", "LAW"})
# Names that may hold a place ("Air Malawi", "University of Alberta").
INNER_TYPES = frozenset({"ORG", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
# A place name the gazetteer lacks as a whole may hold a known one ("Digital Ireland",
# "Tropical North Queensland") unless it names a part of it, a feature or another unit
# ("Southern Ontario", "Danube River", "Franklin Township").
PART_WORDS = frozenset(
    {
        "river", "ocean", "sea", "lake", "bay", "gulf", "strait", "canal", "island", "islands",
        "mountain", "mountains", "valley", "desert", "peninsula", "coast", "park", "street",
        "road", "avenue", "square", "bridge", "airport", "station", "township", "of"
    }
)
INNER_POPULATION = 1_000
LOCATIVE = frozenset(
    {
        "in", "at", "near", "from", "outside", "inside", "into", "across", "around",
        "toward", "towards", "through", "via", "outskirts", "between"
    }
)
_KINDS = {
    "any": None,
    "division": frozenset({ADM1, ADM2}),
    "settlement": frozenset({CITY, CAPITAL}),
}


@dataclass(slots=True)
class Toponym:
    """A mention that may name a place, with what the text says about it."""

    index: int  # position in the article's mention list
    mention: EntityMention
    key: str  # one sense per key and article
    entries: tuple[int, ...]
    typed_place: bool  # spaCy or the country list typed it a place
    country_mention: bool  # the entity layer tied it to a country
    cue: bool = False  # "in X", "near X", a dateline
    within: set[int] = field(default_factory=set)  # divisions/countries the text puts it in
    inner: bool = False  # a place inside a name ("Ohio State Highway Patrol"): placed, not retyped
    words: int = 1
    division_named: bool = False  # "Washington state": only its divisions are left


def _entries(index: PlaceIndex, query: Query) -> tuple[int, ...]:
    found = index.entries(query.key)
    kinds = _KINDS[query.kind]
    return tuple(e for e in found if kinds is None or index.kind[e] in kinds)


def lookup(index: PlaceIndex, text: str) -> tuple[int, ...]:
    """Gazetteer entries ``text`` may name: the literal name first, then its variants."""
    styled = abbreviations().styled.get(text.strip())
    if styled is not None:
        return _division(index, styled.name, styled.country)
    for query in queries(text):
        found = _entries(index, query)
        if found and not text.isupper():
            # "Act" is no "ACT": an acronym of a place's name is written in capitals
            found = tuple(e for e in found if _initials(index.names[e]) != query.key)
        if found:
            return found
    return ()


@functools.lru_cache(maxsize=1 << 16)
def _initials(name: str) -> str:
    words = fold_name(name).replace("-", " ").split()
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def _division(index: PlaceIndex, name: str, iso3: str) -> tuple[int, ...]:
    return tuple(
        e for e in index.entries(place_key(name))
        if index.kind[e] == ADM1 and index.iso3_of(e) == iso3
    )


def _is_country_entity(m: EntityMention) -> bool:
    return m.country is not None and m.entity_id == country_entity_id(m.country)


@dataclass(frozen=True, slots=True)
class DocView:
    """What the place layer reads of a parse, read once (``doc.text`` rebuilds the
    string on every call, and each Token object is made anew)."""

    doc: Doc
    text: str
    token_at: dict[int, int]  # start offset -> token index
    token_end: dict[int, int]  # end offset -> index after the token

    @classmethod
    def of(cls, doc: Doc, text: str | None = None) -> DocView:
        from spacy.attrs import IDX, LENGTH

        bounds = doc.to_array([IDX, LENGTH]).tolist()
        return cls(
            doc,
            doc.text if text is None else text,
            {start: i for i, (start, _) in enumerate(bounds)},
            {start + n: i + 1 for i, (start, n) in enumerate(bounds)},
        )


def collect(view: DocView, mentions: list[EntityMention], index: PlaceIndex) -> list[Toponym]:
    """Every mention the gazetteer may resolve, with cues and qualifiers filled in."""
    doc, text, token_at, token_end = view.doc, view.text, view.token_at, view.token_end
    out: list[Toponym] = []
    for i, m in enumerate(mentions):
        top = _whole(i, m, index, text[m.end : m.end + 1] == ".")
        if top is not None and top.country_mention and _plural_demonym(doc, m, token_end):
            continue  # "Cubans" are people; "Cuban" and "Cuba" place a mention
        if top is None and m.start in token_at and m.end in token_end and _may_hold(m):
            top = _inner(doc, i, m, index, token_at[m.start], token_end[m.end],
                         demonyms=m.type in INNER_TYPES)
        if top is None:
            continue
        first = token_at.get(m.start)
        if first is not None and not top.inner:
            top.cue = has_cue(doc, first)
            _division_named(doc, top, index, token_end.get(m.end))
        out.append(top)
    _qualify(doc, out, index, token_end)
    return out


def _plural_demonym(doc: Doc, m: EntityMention, token_end: dict[int, int]) -> bool:
    last = token_end.get(m.end)
    return (
        last is not None
        and doc[last - 1].tag_ in ("NNS", "NNPS")
        and country_index().is_demonym(m.text)
    )


def _whole(i: int, m: EntityMention, index: PlaceIndex, dotted: bool) -> Toponym | None:
    """The mention itself as a toponym ("Quetta"; "Springfield, Illinois"; "Ky.")."""
    country_mention = _is_country_entity(m)
    if not country_mention and m.type not in PLACE_TYPES | MISTYPED:
        return None
    name, _, qualifier = m.text.partition(",")
    entries = lookup(index, name + "." if dotted and name + "." in abbreviations().styled
                     else name)
    if country_mention:
        own = index.country_entry(m.country)
        if own is not None:
            # Keep same-named divisions ("Georgia" the state) as rivals.
            entries = (own, *(e for e in entries if e != own and index.kind[e] == ADM1))
    if not entries:
        return None
    top = Toponym(i, m, place_key(name), entries, m.type in PLACE_TYPES, country_mention)
    top.words = len(name.split())
    if qualifier.strip():
        top.within.update(lookup(index, qualifier))
    return top


def _may_hold(m: EntityMention) -> bool:
    if m.type in INNER_TYPES:
        return True
    if m.type not in PLACE_TYPES:
        return False
    words = fold_name(m.text).replace("-", " ").split()
    return not any(w in PART_WORDS or w in DESCRIPTIVE_WORDS for w in words)


def _inner(doc: Doc, i: int, m: EntityMention, index: PlaceIndex, first: int,
           end: int, demonyms: bool = True) -> Toponym | None:
    """The place a longer name holds: the longest run of its capitalised words that
    names a country (or, in a name of an organisation or work, its demonym), a
    division or a town of some size."""
    words = [k for k in range(first, end) if doc[k].is_title or doc[k].is_upper]
    for size in range(min(4, end - first), 0, -1):
        for start in range(first, end - size + 1):
            span = doc[start : start + size]
            if not all(k in words for k in range(start, start + size)):
                continue
            entries = _named_place(index, span.text)
            if entries and not demonyms and country_index().is_demonym(span.text):
                continue
            if entries:
                return Toponym(i, m, place_key(span.text), entries, False, False, inner=True)
    return None


def _named_place(index: PlaceIndex, text: str) -> tuple[int, ...]:
    country = country_index().lookup(text)
    if country is not None and (len(text) > 2 or text.isupper()):
        own = index.country_entry(country.iso3)
        return (own,) if own is not None else ()
    if len(text) < 4 or is_descriptive(text):
        return ()
    return tuple(
        e for e in lookup(index, text)
        if index.kind[e] in (ADM1, REGION) or index.population[e] >= INNER_POPULATION
    )


def _division_named(doc: Doc, top: Toponym, index: PlaceIndex, after: int | None) -> None:
    """"Washington state", "Kano state", "Ontario province": the generic word written
    after the name keeps only the divisions of that name."""
    if after is None or after >= len(doc) or doc[after].text not in DIVISION_WORDS:
        return
    divisions = tuple(e for e in top.entries if index.kind[e] in (ADM1, ADM2))
    if divisions:
        top.entries, top.division_named = divisions, True


def has_cue(doc: Doc, first: int) -> bool:
    i = first - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and doc[i].lower_ in LOCATIVE


def _qualify(doc: Doc, tops: list[Toponym], index: PlaceIndex,
             token_end: dict[int, int]) -> None:
    """"Springfield, Illinois": the second names a division or country holding the first."""
    by_start = {t.mention.start: t for t in tops}
    postal = abbreviations().postal
    for top in tops:
        after_last = token_end.get(top.mention.end)
        last = after_last - 1 if after_last is not None else None
        if last is None or last + 2 >= len(doc) or doc[last + 1].text != ",":
            continue
        nxt = doc[last + 2]
        after = by_start.get(nxt.idx)
        if after is not None:
            holders = [e for e in after.entries if index.kind[e] in (COUNTRY, ADM1, ADM2)]
        elif nxt.text in postal:
            holders = [e for a in postal[nxt.text] for e in _division(index, a.name, a.country)]
        elif (styled := _styled_after(doc, last + 2)) is not None:
            holders = list(_division(index, styled.name, styled.country))
        else:
            continue
        if _holds_any(index, holders, top.entries):
            top.within.update(holders)


def _styled_after(doc: Doc, i: int) -> Abbreviation | None:
    """The division of a styled abbreviation at token ``i`` ("Man." as "Man" "."), if any."""
    styled = abbreviations().styled
    word = doc[i].text
    if word.endswith(".") and word in styled:
        return styled[word]
    if i + 1 < len(doc) and doc[i + 1].text == "." and word + "." in styled:
        return styled[word + "."]
    return None


def holds(index: PlaceIndex, holder: int, entry: int) -> bool:
    """Whether gazetteer entry ``holder`` (a country or division) contains ``entry``."""
    kind = index.kind[holder]
    if kind == COUNTRY:
        return index.country[holder] == index.country[entry] and holder != entry
    if kind == ADM1:
        return index.admin1[entry] == holder and holder != entry
    if kind == ADM2:
        # Cities know their first-level division only: same country and near enough.
        return (
            index.admin1[entry] != NO_ADMIN
            and index.admin1[entry] == index.admin1[holder]
            and abs(index.lat[entry] - index.lat[holder]) < 1.0
            and abs(index.lon[entry] - index.lon[holder]) < 1.5
            and holder != entry
        )
    return False


def _holds_any(index: PlaceIndex, holders: list[int], entries: tuple[int, ...]) -> bool:
    return any(holds(index, h, e) for h in holders for e in entries)
