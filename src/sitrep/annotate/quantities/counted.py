"""The noun phrase a number counts: "around 15,000 troops" -> "troops".

Read from the parsed Doc right after the quantity: adjectives, compounds and
the head noun ("military construction troops"), with determiners and
nationality words dropped ("North Korean"), and through "of" for words that
name an amount rather than a thing ("thousands of workers", "a third of voters").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_NP_POS = frozenset({"ADJ", "NOUN", "PROPN"})
_NATIONALITY_ENTS = frozenset({"NORP", "GPE"})
# Comparatives say how many more, not what is counted ("15,000 more troops").
_NOT_COUNTED = frozenset(
    {"more", "other", "such", "further", "fewer", "less", "additional", "extra"}
)
_MAX_NP = 6  # tokens of a counted noun phrase: a parsing bound, not a setting


def _skippable_lead(tok: Token) -> bool:
    return (
        tok.pos_ in ("DET", "PRON", "PART")
        or tok.lower_ in _NOT_COUNTED
        or tok.ent_type_ in _NATIONALITY_ENTS
        or tok.tag_ == "POS"
    )


def _past_partitive_total(doc: Doc, of: int) -> int:
    """ "3,000 of its 40,000 jobs": a part of a counted total counts what the total counts.

    Returns the token after the total's number, or ``of`` itself when no total follows.
    """
    k = of + 1
    while k < len(doc) and doc[k].pos_ in ("DET", "PRON"):
        k += 1
    if k >= len(doc) or not doc[k].like_num:
        return of
    while k < len(doc) and doc[k].like_num:
        k += 1
    return k


def _model_number_after(doc: Doc, last: int) -> bool:
    """ "four Kestrel 7 drones": a name glued to a number names a model; the name is not
    what is counted, and what is (read past the number) is left unread."""
    nxt = last + 1
    return (
        doc[last].pos_ == "PROPN"
        and nxt < len(doc)
        and doc[nxt].like_num
        and not doc[nxt].is_alpha
        and bool(doc[last].whitespace_)
    )


def counted_tokens(doc: Doc, j: int, through_of: bool) -> tuple[int, int] | None:
    """Token range [start, end) of the counted phrase starting at token ``j``."""
    n = len(doc)
    if j + 1 < n and doc[j].text == "-" and j > 0 and not doc[j - 1].whitespace_:
        glued = doc[j + 1]  # "a three-bedroom house", "six-cylinder engines": what is counted
        if glued.pos_ != "ADJ":
            return (j + 1, j + 2) if glued.is_alpha and glued.pos_ in _NP_POS else None
        j += 2  # "a 900-strong force": the adjective tells how the noun after it is counted
    if j < n and doc[j].lower_ == "of" and (total := _past_partitive_total(doc, j)) != j:
        j, through_of = total, False
    if through_of and j < n and doc[j].lower_ == "of":
        j += 1
        # "one of the finest goals"
        while j < n and doc[j].pos_ in ("DET", "PRON", "ADV") and doc[j].lower_ != "all":
            j += 1
    k = j
    last_noun = -1
    while k < n and k - j < _MAX_NP:
        tok = doc[k]
        if tok.ent_type_ in ("DATE", "TIME") and tok.pos_ != "ADJ":
            break  # "11 today": a time word is not what is counted
        if (
            (tok.pos_ in _NP_POS and tok.is_alpha)
            or tok.lower_ in _NOT_COUNTED
            or (
                tok.tag_ in ("VBG", "VBN") and tok.dep_ in ("amod", "compound")  # "rushing yards"
            )
        ):
            if tok.pos_ in ("NOUN", "PROPN"):
                last_noun = k
            k += 1
        elif tok.text == "-" and k > j and not doc[k - 1].whitespace_:
            k += 1  # "first-team players"
        elif tok.pos_ == "DET" and k == j:
            k += 1
        else:
            break
    if last_noun < 0 or _model_number_after(doc, last_noun):
        return None
    start = j
    while start < last_noun and (_skippable_lead(doc[start]) or doc[start].text == "-"):
        start += 1
    return start, last_noun + 1
