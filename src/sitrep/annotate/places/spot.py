"""Place names the entity layer missed, found by the gazetteer.

spaCy's small model skips some plain place names ("nearly half of Aleppo")
and most datelines ("BEIRUT —", "PLEASANTON, Calif."). A run of proper-noun
tokens that no mention covers becomes a candidate toponym when the gazetteer
knows it; whether it is kept is decided like any mistyped mention (a country,
a division, a city of some size, or a town in context). A dateline counts
as a locative cue.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.annotate.entities.titles import TITLE_WORDS
from sitrep.annotate.places.gazetteer import PlaceIndex
from sitrep.annotate.places.names import abbreviations, is_descriptive, place_key
from sitrep.annotate.places.toponyms import DocView, Toponym, has_cue, lookup
from sitrep.models import EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Doc

MAX_WORDS = 4
# Entities of other layers: "March" and "Christmas" are dates, not towns.
NOT_PLACE_ENTS = frozenset({"DATE", "TIME", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "EVENT"})
_DATELINE_AFTER = frozenset({"—", "–", "-", "--", "(", ","})


@dataclass(frozen=True, slots=True)
class _Flags:
    """Per-token flags read in one go from the Doc's arrays (making Token objects is slow)."""

    name: list[bool]  # a proper noun written as a name, outside other layers' entities
    upper: list[bool]  # an upper-case word

    @classmethod
    def of(cls, doc: Doc) -> _Flags:
        import numpy as np  # with spaCy, which is loaded by then
        from spacy.attrs import ENT_TYPE, IS_ALPHA, IS_TITLE, IS_UPPER, LOWER, POS
        from spacy.symbols import PROPN

        skip_ents, titles = _skip_ids()
        cols = doc.to_array([POS, IS_TITLE, IS_UPPER, IS_ALPHA, ENT_TYPE, LOWER]).T
        pos, title, upper, alpha, ent, lower = cols
        upper_word = (upper != 0) & (alpha != 0)
        name = (
            (pos == PROPN) & ((title != 0) | upper_word) & (alpha != 0)
            & ~np.isin(ent, skip_ents) & ~np.isin(lower, titles)
        )
        return cls(name=name.tolist(), upper=upper_word.tolist())


@functools.cache
def _skip_ids() -> tuple[list[int], list[int]]:
    """The string ids of the entity labels and title words a name is not (once per process)."""
    from spacy.strings import get_string_id

    return [get_string_id(x) for x in NOT_PLACE_ENTS], [get_string_id(w) for w in TITLE_WORDS]


def _opens_line(doc: Doc, i: int) -> bool:
    return i == 0 or "\n" in doc[i - 1].text_with_ws or doc[i - 1].is_space


def _is_dateline(doc: Doc, start: int, end: int) -> bool:
    """An upper-case name opening a line, followed by a dash, comma or "(AP)"."""
    return (
        _opens_line(doc, start)
        and all(t.is_upper for t in doc[start:end])
        and end < len(doc)
        and doc[end].text in _DATELINE_AFTER
    )


def spot(view: DocView, mentions: list[EntityMention], index: PlaceIndex) -> list[Toponym]:
    """Candidate toponyms over name tokens outside every mention (new mentions, unfiled)."""
    doc, token_at, token_end = view.doc, view.token_at, view.token_end
    covered = {
        k for m in mentions if m.start in token_at and m.end in token_end
        for k in range(token_at[m.start], token_end[m.end])
    }
    flags = _Flags.of(doc)
    out: list[Toponym] = []
    i = 0
    while i < len(doc):
        # A dateline's words are upper case, whatever spaCy makes of them ("BEIRUT" ADV).
        opening = flags.upper[i] and _opens_line(doc, i)
        if i in covered or not (opening or flags.name[i]):
            i += 1
            continue
        end = i
        while end < len(doc) and end - i < MAX_WORDS and end not in covered and (
            flags.name[end] or (opening and flags.upper[end])
        ):
            end += 1
        top = _longest_place(doc, i, end, index)
        if top is None:
            i += 1
            continue
        out.append(top)
        i += top.words
    return out


def _longest_place(doc: Doc, start: int, end: int, index: PlaceIndex) -> Toponym | None:
    for stop in range(end, start, -1):
        span = doc[start:stop]
        if is_descriptive(span.text):
            continue
        # a styled abbreviation spaCy split from its dot ("Man" "."): "Man" alone is a word
        dotted = (stop < len(doc) and doc[stop].text == "."
                  and span.text + "." in abbreviations().styled)
        entries = lookup(index, span.text + "." if dotted else span.text)
        if not entries:
            continue
        mention = EntityMention(
            span.start_char, span.end_char, span.text, "GPE", "", span.text
        )
        top = Toponym(-1, mention, place_key(span.text), entries, False, False)
        top.words = stop - start
        top.cue = has_cue(doc, start) or _is_dateline(doc, start, stop)
        return top
    return None
