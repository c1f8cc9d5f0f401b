"""Place names the entity layer missed, found by the gazetteer.

spaCy's small model skips some plain place names ("nearly half of Aleppo")
and most datelines ("BEIRUT —", "PLEASANTON, Calif."). A run of proper-noun
tokens that no mention covers becomes a candidate toponym when the gazetteer
knows it; whether it is kept is decided like any mistyped mention (a country,
a division, a city of some size, or a town in context). A dateline counts
as a locative cue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.annotate.place_context import Toponym, has_cue, lookup
from sitrep.annotate.place_gazetteer import PlaceIndex
from sitrep.annotate.place_names import is_descriptive, place_key
from sitrep.annotate.roles import TITLE_WORDS
from sitrep.models import EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MAX_WORDS = 4
# Entities of other layers: "March" and "Christmas" are dates, not towns.
NOT_PLACE_ENTS = frozenset({"DATE", "TIME", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "EVENT"})
_DATELINE_AFTER = frozenset({"—", "–", "-", "--", "(", ","})


def _name_token(tok: Token) -> bool:
    return (
        tok.pos_ == "PROPN"
        and (tok.is_title or tok.is_upper)
        and tok.is_alpha
        and tok.ent_type_ not in NOT_PLACE_ENTS
        and tok.lower_ not in TITLE_WORDS
    )


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


def spot(doc: Doc, mentions: list[EntityMention], index: PlaceIndex) -> list[Toponym]:
    """Candidate toponyms over name tokens outside every mention (new mentions, unfiled)."""
    covered = {t.i for m in mentions for t in doc.char_span(m.start, m.end, "expand") or ()}
    out: list[Toponym] = []
    i = 0
    while i < len(doc):
        # A dateline's words are upper case, whatever spaCy makes of them ("BEIRUT" ADV).
        opening = _opens_line(doc, i) and doc[i].is_upper and doc[i].is_alpha
        if i in covered or not (opening or _name_token(doc[i])):
            i += 1
            continue
        end = i
        while end < len(doc) and end - i < MAX_WORDS and end not in covered and (
            _name_token(doc[end]) or (opening and doc[end].is_upper and doc[end].is_alpha)
        ):
            end += 1
        top = _longest_place(doc, i, end, index)
        if top is None:
            i += 1
            continue
        out.append(top)
        i = doc.char_span(top.mention.start, top.mention.end, "expand").end  # type: ignore[union-attr]
    return out


def _longest_place(doc: Doc, start: int, end: int, index: PlaceIndex) -> Toponym | None:
    for stop in range(end, start, -1):
        span = doc[start:stop]
        if is_descriptive(span.text):
            continue
        entries = lookup(index, span.text)
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
