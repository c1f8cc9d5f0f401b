"""Quantities: values, ranges, qualifiers, units and the counted noun phrase.

The text is scanned with regexes (``quant_scan``, ``quant_build``); the parsed
Doc is then used only to drop numbers that are dates, years or names
(``quant_filter``) and to read the counted noun phrase (``quant_counted``), so
the layer costs a few percent of the spaCy pass.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from sitrep.annotate.quantities.changes import join_changes, mark_directions
from sitrep.annotate.quantities.counted import counted_tokens
from sitrep.annotate.quantities.drafts import Draft, build_drafts
from sitrep.annotate.quantities.filter import is_quantity, phone_spans
from sitrep.annotate.quantities.movements import moved_before
from sitrep.annotate.quantities.number_words import number_words
from sitrep.annotate.quantities.unit_words import substance_nouns, units_of_kind
from sitrep.models import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def find_quantities(doc: Doc) -> list[Quantity]:
    text = doc.text  # Doc.text joins every token: read it once
    drafts = build_drafts(text)
    if not drafts:
        return []
    phones = phone_spans(text)
    kept: list[tuple[Draft, Quantity]] = []
    for d in drafts:
        span = doc.char_span(d.atoms[0].start, d.atoms[0].end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        first = span[0]
        counted = _counted(doc, d)
        head = doc[counted[1] - 1] if counted else None
        if not is_quantity(text, d, first, head, phones):
            continue
        kept.append((d, _to_quantity(doc, text, d, counted)))
    out = join_changes(text, kept)
    _carry_units(text, out)
    _one_sense_of_pounds(out)
    _pounds_of_a_substance(doc, out)
    mark_directions(text, out)
    return out


# what may stand between "2 percent" and the bare "1" that shares its unit
_ELLIPSIS_GAP = re.compile(r"[^.;:!?\d()]{1,60}")


# the two figures of one comparison: "14 mpg to 24", "2% or 3", "5-6"
_JOINED = re.compile(r"\s+(?:to|and|or)\s+|\s*-\s*")
# a noun phrase whose head is elided: "30 seasons, including the last four"
_ELIDED_HEAD = re.compile(
    r"\b(?:the|its|their|his|her|our|these|those)\s+(?:[a-z]+\s+)?$", re.IGNORECASE
)
_PARTITIVE_AFTER = re.compile(r"\s+of\b")


def _parallel(text: str, prev: Quantity, q: Quantity) -> bool:
    """The bare ``q`` stands where ``prev``'s unit is elided: joined to it as the other
    end of one comparison, told as a move of its own ("but rose by 1", "is down 24"),
    or as a noun phrase without its head ("30 seasons, including the last four").
    "father of four", "five of the missing", "recruited 20,000" after "three years" are
    figures of other things. A level reached after a move in percent ("rose 8% to 3.65")
    is a price or an index, not a percentage."""
    joined = _JOINED.fullmatch(text, prev.end, q.start)
    if joined is not None:
        return not (prev.unit == "percentage" and joined.group().strip() == "to")
    if moved_before(text, max(prev.end, q.start - 30), q.start) is not None:
        return True
    return (
        _ELIDED_HEAD.search(text, max(prev.end, q.start - 25), q.start) is not None
        and _PARTITIVE_AFTER.match(text, q.end) is None
    )


def _carry_units(text: str, found: list[Quantity]) -> None:
    """ "fell 2 percent but rose by 1", "from 14 mpg to 24": a bare number right after
    a measure, in the same clause and parallel to it, is written without the unit it
    shares."""
    for prev, q in pairwise(found):
        if q.unit or q.counted or not prev.unit:
            continue
        if q.value is None or not _ELLIPSIS_GAP.fullmatch(text, prev.end, q.start):
            continue
        if _parallel(text, prev, q):
            q.unit = prev.unit


_POUNDS_WORD = re.compile(r"\bpounds?\b", re.IGNORECASE)
_STERLING_WRITTEN = re.compile(r"£|\bsterling\b|\bGBP\b", re.IGNORECASE)


def _bare_pounds(q: Quantity) -> bool:
    """Read as sterling from the word "pounds" alone, with no "£" or "sterling" written."""
    return (
        q.unit == "pound sterling"
        and _POUNDS_WORD.search(q.text) is not None
        and not _STERLING_WRITTEN.search(q.text)
    )


def _one_sense_of_pounds(found: list[Quantity]) -> None:
    """One sense per discourse: a text that measures a force ("pounds of thrust",
    "kilonewtons") reads its other "million pounds", written without "£" or
    "sterling", as that force too, not as money."""
    forces = units_of_kind("force")
    if not any(q.unit in forces for q in found):
        return
    for q in found:
        if _bare_pounds(q):
            q.unit = "pound-force"


def _pounds_of_a_substance(doc: Doc, found: list[Quantity]) -> None:
    """ "3 million pounds of rice": pounds, written without "£" or "sterling", of a
    noun naming a substance, food or material (WordNet, quant_substances.csv) weigh it."""
    for q in found:
        if not _bare_pounds(q):
            continue
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or span.end >= len(doc):
            continue
        of = doc[span.end]
        heads = [t for t in of.children if t.dep_ == "pobj"] if of.lower_ == "of" else []
        if heads and heads[0].lemma_.lower() in substance_nouns():
            q.unit = "pound"


def _counted(doc: Doc, d: Draft) -> tuple[int, int] | None:
    """Token range of what a count counts; None for measures ("5 km") and money."""
    if d.unit is not None and d.unit_kind != "percent":
        return None
    after = doc.char_span(d.start, d.end, alignment_mode="expand")
    if after is None:
        return None
    j = after.end
    if d.unit_kind == "percent":
        # "8% of its staff": what the share is of
        if j < len(doc) and doc[j].lower_ == "of":
            return counted_tokens(doc, j, through_of=True)
        return None
    through_of = (
        d.atoms[0].kind in ("vague", "fraction") or d.value == 1 or _is_scale_word(doc[j - 1])
    )
    return counted_tokens(doc, j, through_of)


def _is_scale_word(tok: Token) -> bool:
    word = number_words().get(tok.lower_)
    return word is not None and word.kind in ("scale", "dozen")


def _to_quantity(doc: Doc, text: str, d: Draft, counted: tuple[int, int] | None) -> Quantity:
    q = Quantity(
        start=d.start,
        end=d.end,
        text=text[d.start : d.end],
        value=d.value,
        low=d.low,
        high=d.high,
        approx=d.approx,
        bound=d.bound,
        unit=d.unit,
    )
    if counted:
        span = doc[counted[0] : counted[1]]
        q.counted_start, q.counted_end = span.start_char, span.end_char
        q.counted = text[span.start_char : span.end_char]
    return q
