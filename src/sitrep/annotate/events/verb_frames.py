"""Verb frames that decide an event's type from the parse, as the CAMEO/PLOVER codebooks define it.

- An intent noun with a "to" clause ("expressed its willingness to negotiate",
  "announced its readiness to strike") commits its subject like the verbs of
  intent do: AGREE, or THREATEN when the intended act is hostile (CAMEO 03, 13).
- A trip whose purpose names the event ("arrived in Seoul for a visit", "flew
  to Cairo for talks") is that event (CAMEO 042 "make a visit"); so is any act
  of an actor done "for talks" ("hosted the envoy for talks").
- "X insisted that Y end ..." (a mandative subjunctive) and "X wants Y to ..."
  ask another actor to act: DEMAND (CAMEO 10).
- "X told Y to Z" orders Y: DEMAND. "X said it would Z" states an intention:
  PLOVER takes cooperative acts announced for the future as AGREE (a refusal
  or a hostile act as REJECT or THREATEN), whatever verb Z is.
- An event noun that is the subject of a verb of occurring ("fighting broke out
  between X and Y") takes its actors from that verb's phrases.
- Violence by regular armed forces is conventional military force, FIGHT
  (CAMEO 19); the same verbs by anyone else are ASSAULT (CAMEO 18).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sitrep.annotate.events.plover import HOSTILE_TYPES, PloverLexicon, Trigger

if TYPE_CHECKING:
    from spacy.tokens import Token

PURPOSE_PREP = "for"
ACTOR_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
Lookup = Callable[["Token", PloverLexicon], "Trigger | None"]


def intent_object(verb: Token, lex: PloverLexicon) -> tuple[Token, Token] | None:
    """(intent noun, intended action) for "VERB its willingness to ACT"."""
    for noun in verb.children:
        if noun.dep_ not in ("dobj", "nsubjpass", "attr") or not lex.in_class(
            "intent_noun", noun.lemma_.lower()
        ):
            continue
        for act in noun.children:
            if act.dep_ in ("acl", "relcl", "xcomp") and act.pos_ == "VERB" and _to_clause(act):
                return noun, act
    return None


def intent_type(action: Trigger | None) -> Trigger:
    """The event an announced intention is: a threat if the act is hostile, else a promise."""
    mode = action.type.lower() if action else None
    hostile = action is not None and action.type in HOSTILE_TYPES
    return Trigger("THREATEN" if hostile else "AGREE", mode)


def trip_purpose(verb: Token, lex: PloverLexicon, lookup: Lookup) -> tuple[Token, Trigger] | None:
    """The event noun of "travel/arrive ... for talks|a visit"."""
    if not lex.in_class("travel", verb.lemma_.lower()):
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != PURPOSE_PREP:
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.pos_ == "NOUN" and (trig := lookup(noun, lex)):
                if trig.type == "CONSULT":
                    return noun, Trigger("CONSULT", "visit")
                return noun, trig
    return None


def meeting_purpose(
    verb: Token, lex: PloverLexicon, lookup: Lookup
) -> tuple[Token, Trigger] | None:
    """ "hosted the envoy for talks", "invited X for a meeting": a meeting is what they are for.

    Any verb without an event of its own whose actor brings others together "for" a
    meeting reports that meeting (CAMEO 04); only meetings, not other acts ("blamed X for
    the bombing" is no bombing by X).
    """
    if not actor_subject(verb, lex):
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != PURPOSE_PREP:
            continue
        for noun in prep.children:
            trig = lookup(noun, lex) if noun.dep_ == "pobj" and noun.pos_ == "NOUN" else None
            if trig is not None and trig.type == "CONSULT":
                return noun, trig
    return None


def armed_agent(verb: Token, lex: PloverLexicon) -> bool:
    """Whether the doer of ``verb`` is a regular armed force ("troops", "warplanes")."""
    for child in verb.children:
        doer = None
        if child.dep_ == "nsubj":
            doer = child
        elif child.dep_ == "agent":
            doer = next((g for g in child.children if g.dep_ == "pobj"), None)
        if doer is None:
            continue
        if doer.pos_ == "PRON":  # "the army said it had killed ...": the speaker
            doer = _speaker(verb) or doer
        words = {doer.lemma_.lower()} | {
            m.lemma_.lower() for m in doer.children if m.dep_ == "compound"
        }
        return any(lex.in_class("armed_force", w) for w in words)
    return False


def is_subjunctive(clause: Token) -> bool:
    """A "that Y do X" clause: bare verb, own subject, no auxiliary."""
    kids = list(clause.children)
    return (
        clause.tag_ == "VB"
        and any(c.dep_ == "nsubj" for c in kids)
        and not any(c.dep_ in ("aux", "auxpass") for c in kids)
    )


def wanted_of_other(verb: Token) -> Token | None:
    """The clause of "X wants Y to Z" whose subject Y is not X."""
    for clause in verb.children:
        if clause.dep_ not in ("ccomp", "xcomp") or not _to_clause(clause):
            continue
        if any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in clause.children):
            return clause
    return None


def directed_clause(verb: Token) -> Token | None:
    """The "to Z" clause of "told Y to Z" (Y the object) or "told Y Z-ing"."""
    if not any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return wanted_of_other(verb)
    return next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and _to_clause(c)), None)


def stated_intent(verb: Token, lex: PloverLexicon) -> bool:
    """ "X said it would Z": a future clause reported from an actor's own statement."""
    if verb.dep_ != "ccomp" or not lex.in_class("speech", verb.head.lemma_.lower()):
        return False
    if lex.in_class("stative", verb.lemma_.lower()):
        return False
    if not any(c.dep_ == "aux" and lex.in_class("future", c.lower_) for c in verb.children):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subj is None or speaker is None:
        return False
    if subj.pos_ == "PRON":  # "it", "they": the speaker itself
        return subj.lower_ not in ("you", "this", "that", "there") and is_actor(speaker, lex)
    return is_actor(subj, lex)


def actor_subject(verb: Token, lex: PloverLexicon) -> bool:
    """Whether ``verb``'s subject names an actor (or is a personal pronoun)."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and names_actor(subj, lex)


def names_actor(tok: Token, lex: PloverLexicon) -> bool:
    """Whether a subject names an actor, a personal pronoun included.

    A thing named with its owner acts for it: "Iranian drones", "army bulldozers".
    """
    if tok.lower_ in ("he", "she", "they", "we", "i") or is_actor(tok, lex):
        return True
    return any(
        m.dep_ in ("compound", "amod")
        and (m.ent_type_ in ACTOR_ENTS or lex.in_class("actor", m.lemma_.lower()))
        for m in tok.children
    )


def is_actor(tok: Token, lex: PloverLexicon) -> bool:
    """Whether ``tok`` itself names an actor: a named body or person, or an actor noun."""
    return tok.ent_type_ in ACTOR_ENTS or lex.in_class(
        "actor", tok.lemma_.lower()
    )


def occurrence_verb(noun: Token, lex: PloverLexicon) -> Token | None:
    """The verb an event noun is the subject of when it only says the event happened."""
    head = noun.head
    if noun.dep_ == "nsubj" and head.pos_ == "VERB" and lex.in_class("occur", head.lemma_.lower()):
        return head
    return None


def _speaker(verb: Token) -> Token | None:
    head = verb.head
    if verb.dep_ not in ("ccomp", "parataxis") or head == verb:
        return None
    return next((c for c in head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)


def _to_clause(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
