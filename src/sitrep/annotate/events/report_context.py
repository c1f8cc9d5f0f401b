"""Where, when, on whose word and how certainly an event is reported.

Dates come from the times layer (a time expression attached to the trigger's
clause), reporters from the attributions layer (an attribution whose content
covers the trigger); when those layers are empty the parse alone is used
("X said ...", "according to X"). Modality: negated, speculative, planned,
reported or asserted, in that order of precedence.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from sitrep.annotate.events.plover import PloverLexicon
from sitrep.annotate.events.triggers import Candidate, frame_tokens, has_future, is_negated
from sitrep.models import Attribution, TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "around"})
DESTINATION_PREPS = frozenset({"to", "into"})
DESTINATION_MODES = frozenset({"visit", "troops", "peacekeeping"})
GRANULARITY = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}"), "day"),
    (re.compile(r"^\d{4}-W\d{2}"), "week"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}-(SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^\d{4}$"), "year"),
)


def granularity(value: str) -> str | None:
    return next((name for rx, name in GRANULARITY if rx.match(value)), None)


def frame(cand: Candidate) -> set[int]:
    """Tokens that stand for the event's clause."""
    return {t.i for t in frame_tokens(cand)}


class TimeIndex:
    """Resolved time expressions keyed by the chain of words that govern them."""

    def __init__(self, doc: Doc, times: list[TimeExpr]) -> None:
        self.items: list[tuple[set[int], TimeExpr]] = []
        for t in times:
            if not t.value or t.type not in ("DATE", "TIME") or granularity(t.value) is None:
                continue
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None and len(span):
                self.items.append((_governors(span.root), t))

    def date_of(self, cand: Candidate) -> TimeExpr | None:
        wanted = frame(cand)
        return next((t for chain, t in self.items if chain & wanted), None)


def _governors(tok: Token) -> set[int]:
    """``tok`` and its heads up to and including the first verb."""
    chain = {tok.i}
    cur = tok
    while cur.head != cur and cur.pos_ not in ("VERB", "AUX"):
        cur = cur.head
        chain.add(cur.i)
    return chain


def place_of(cand: Candidate, is_place: dict[int, bool]) -> Token | None:
    """A place in a prepositional phrase of the clause ("met in Pyongyang")."""
    preps = PLACE_PREPS | (DESTINATION_PREPS if cand.mode in DESTINATION_MODES else frozenset())
    holders = frame_tokens(cand)
    for holder in holders:
        if cand.mode == "visit":
            for child in holder.children:
                if child.dep_ == "dobj" and is_place.get(child.i):
                    return child
        for child in holder.children:
            if child.dep_ != "prep" or child.lower_ not in preps:
                continue
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                if is_place.get(pobj.i):
                    return pobj
                # "in their talks in Pyongyang": one level down
                for sub in pobj.children:
                    if sub.dep_ == "prep" and sub.lower_ in PLACE_PREPS:
                        inner = next((g for g in sub.children if g.dep_ == "pobj"), None)
                        if inner is not None and is_place.get(inner.i):
                            return inner
    return None


def place_tokens(doc: Doc, entity_places: list[tuple[int, int]]) -> dict[int, bool]:
    """Token index -> True for tokens inside a place name (entities layer, else NER)."""
    out: dict[int, bool] = {}
    for ent in doc.ents:
        if ent.label_ in PLACE_ENTS:
            for tok in ent:
                out[tok.i] = True
    for start, end in entity_places:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            for tok in span:
                out[tok.i] = True
    return out


def attribution_for(cand: Candidate, attributions: list[Attribution]) -> Attribution | None:
    """The innermost attribution whose content covers the trigger."""
    at = cand.token.idx
    covering = [
        a
        for a in attributions
        if a.content is not None and a.source is not None and a.content.start <= at < a.content.end
    ]
    return min(
        covering, key=lambda a: a.content.end - a.content.start if a.content else 0, default=None
    )


def reporter_token(cand: Candidate, lex: PloverLexicon) -> Token | None:
    """From the parse: the subject of a speech verb above the clause, or "according to X"."""
    cur = cand.clause
    for _ in range(8):
        for child in cur.children:
            if child.dep_ == "prep" and child.lower_ == "according":
                to = next((g for g in child.children if g.lower_ == "to"), None)
                pobj = next((g for g in to.children if g.dep_ == "pobj"), None) if to else None
                if pobj is not None:
                    return pobj
        if cur.head == cur:
            return None
        came_by = cur.dep_
        cur = cur.head
        lemma = cur.lemma_.lower()
        said = lex.in_class("speech", lemma) or lex.in_class("cognition", lemma)
        if said and came_by in ("ccomp", "parataxis", "conj"):
            subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ != "PRON":
                return subj
    return None


def modality_of(cand: Candidate, lex: PloverLexicon, reported: bool) -> str:
    if cand.modality == "asserted":  # a refusal stated now ("will not accept")
        return "reported" if reported else "asserted"
    if negated(cand):
        return "negated"
    if speculative(cand, lex):
        return "speculative"
    if cand.modality == "planned" or planned(cand, lex):
        return "planned"
    return "reported" if reported else "asserted"


def negated(cand: Candidate) -> bool:
    if cand.type == "REJECT" and cand.mode is not None:
        return False  # "will not accept" is already coded as the refusal
    if any(is_negated(t) for t in (cand.token, cand.clause, cand.action)):
        return True
    if cand.kind == "noun":
        if any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in cand.token.children):
            return True
        return is_negated(cand.token.head)
    return any(t.lemma_.lower() == "fail" for t in _xcomp_governors(cand.clause))


def speculative(cand: Candidate, lex: PloverLexicon) -> bool:
    for tok in dict.fromkeys((cand.token, cand.clause, cand.action)):
        for child in tok.children:
            if child.dep_ in ("aux", "advmod", "amod", "mark") and lex.in_class(
                "hedge", child.lower_
            ):
                return True
    # "asked whether they may have discussed": a hedge on any clause above
    cur = cand.clause
    while cur.head != cur and cur.dep_ in ("ccomp", "xcomp", "conj", "advcl", "pobj", "pcomp"):
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in cur.children):
            return True
        cur = cur.head
    return False


def planned(cand: Candidate, lex: PloverLexicon) -> bool:
    if any(has_future(t, lex) for t in (cand.token, cand.clause, cand.action)):
        return True
    return any(lex.in_class("plan", t.lemma_.lower()) for t in _xcomp_governors(cand.clause))


def _xcomp_governors(tok: Token) -> list[Token]:
    out = []
    cur = tok
    while cur.dep_ == "xcomp" and cur.head != cur:
        cur = cur.head
        out.append(cur)
    return out


def publication_date(published: date | None) -> tuple[str | None, str | None]:
    return (published.isoformat(), "day") if published else (None, None)
