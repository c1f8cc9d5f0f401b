"""Whether a name is a person's, from the words around its mentions.

spaCy's small model types one name differently from mention to mention
("Dalia Voss" an ORG here, a PRODUCT there; "Nordby Tidende" a person).
News prose carries better cues than the label of any one mention:

- a courtesy title before a name ("Ms Adeyemo", "Dr. Lee"), a common noun
  saying what someone is ("model Dalia Voss") or an age after it
  ("Folake Adeyemo, 63,") make it a person's;
- "the" before a name ("The Nordby Tidende reports"), an organisation noun
  after it ("Nordby Tidende newspaper") or an organisation word closing it
  ("Acme Holdings") is not.

``person_score`` weighs the cues of one mention; the layer sums them over
every mention of a name in the article, the way a reader settles it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.annotate.entities.keys import word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Titles only people carry, written right before a name.
COURTESY = word_set("mr mr. mrs mrs. ms ms. miss dr dr. sir dame lady lord madam mx mx.")

# Nouns that name an organisation when they follow or close a name.
ORG_NOUNS = word_set(
    """
    newspaper daily paper magazine broadcaster network channel agency company firm
    corporation corp corp. inc inc. ltd ltd. llc plc co co. group holdings airline
    airlines airways bank university college school institute foundation association
    union party council committee commission ministry department authority service
    police club league federation organisation organization society trust fund
    """
)

CUE_WEIGHT = 4  # one clear cue outweighs two contrary model labels of the full name


def _age_after(doc: Doc, end: int) -> bool:
    """ ", 63," or "(63)" right after a name: an age."""
    if end + 2 >= len(doc):
        return False
    opening, number, closing = doc[end], doc[end + 1], doc[end + 2]
    return (
        (opening.text, closing.text) in {(",", ","), ("(", ")")}
        and number.like_num
        and number.text.isdigit()
        and 0 < int(number.text) < 120
    )


def person_score(doc: Doc, start: int, end: int) -> int:
    """Positive when the words around ``doc[start:end]`` say it names a person,
    negative when they say it names an organisation, 0 when they say nothing."""
    score = 0
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.lower_ in COURTESY:
        score += CUE_WEIGHT
    elif before is not None and before.tag_ == "NN" and before.is_lower:
        # "model Dalia Voss", "the newspaper Nordby Tidende": what the name is.
        score += 0 if before.lower_ in ORG_NOUNS else CUE_WEIGHT
    if _age_after(doc, end):
        score += CUE_WEIGHT
    if before is not None and before.lower_ == "the" and doc[end - 1].dep_ != "compound":
        score -= CUE_WEIGHT  # "the Kim regime" says nothing of Kim
    if said_to_be_organisation(doc, start, end):
        score -= CUE_WEIGHT
    return score


def said_to_be_organisation(doc: Doc, start: int, end: int) -> bool:
    """An organisation word closing the name or following it: "Acme Holdings",
    "Nordby Tidende newspaper", "the newspaper Nordby Tidende"."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return (
        (doc[end - 1].lower_ in ORG_NOUNS and end - start > 1)
        or (after is not None and after.lower_ in ORG_NOUNS and after.is_lower)
        or (before is not None and before.lower_ in ORG_NOUNS and before.is_lower)
    )


def courtesy_surnames(doc: Doc) -> list[tuple[int, int]]:
    """Spans of names written after a courtesy title ("Ms Adeyemo"), which the
    model often leaves untagged."""
    spans = []
    for token in doc[:-1]:
        if token.lower_ not in COURTESY:
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
            end += 1
        if end > token.i + 1:
            spans.append((token.i + 1, end))
    return spans
