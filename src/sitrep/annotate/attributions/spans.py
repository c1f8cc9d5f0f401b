"""Character spans for attributions: token ranges, and quotations around them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.annotate.attributions.quotes import QuoteRegions

if TYPE_CHECKING:
    from spacy.tokens import Doc

CharSpan = tuple[int, int]

_GAP_BEFORE_FRAME = re.compile(r"[ \t,;:\-–—]*$")  # same paragraph only
_SENTENCE_FINAL = frozenset(".!?…")


def char_span(doc: Doc, first: int, last: int) -> CharSpan:
    """Character offsets of tokens first..last (inclusive)."""
    return doc[first].idx, doc[last].idx + len(doc[last])


def quote_before(text: str, quotes: QuoteRegions, pos: int) -> CharSpan | None:
    """The quotation that ends just before a "X said" frame starting at ``pos``."""
    lead = _GAP_BEFORE_FRAME.search(text, max(0, pos - 8), pos)
    end = lead.start() if lead else pos
    return quotes.ending_at(end)


def with_quotes(quotes: QuoteRegions, span: CharSpan, cue_pos: int) -> CharSpan:
    """Widen a content span to the whole of each quotation it touches.

    A quotation that holds the cue itself is someone else's speech around this
    attribution, so it is left alone.
    """
    start, end = span
    for q_start, q_end in quotes.overlapping(start - 1, end + 1):
        if q_start <= cue_pos < q_end:
            continue
        start, end = min(start, q_start), max(end, q_end)
    return start, end


def continued_quote(text: str, quotes: QuoteRegions, span: CharSpan, sent_end: int) -> CharSpan:
    """Extend a quoted content over the standalone quotation that follows it.

    `“A,” X said. “B.”` has one content running from “A to B.”: the next
    sentence must be nothing but a quotation ending a sentence, so that it has
    no attribution of its own.
    """
    start, end = span
    if quotes.ending_at(end) is None:
        return span
    for _ in range(8):  # a few paragraphs of quotation at most
        pos = max(end, sent_end)
        while pos < len(text) and text[pos] in " \t\n":
            pos += 1
        nxt = quotes.starting_at(pos)
        if nxt is None or not _stands_alone(text, nxt):
            break
        end = sent_end = nxt[1]
    return start, end


def _stands_alone(text: str, quote: CharSpan) -> bool:
    q_start, q_end = quote
    inner = text[q_start:q_end].rstrip("”\"'»")
    if not inner or inner[-1] not in _SENTENCE_FINAL:
        return False
    rest = text[q_end : q_end + 3].lstrip(" \t")
    return not rest or rest[0] == "\n" or rest[0].isupper() or rest[0] in "“\"'«"
