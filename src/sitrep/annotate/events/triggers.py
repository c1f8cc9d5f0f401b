"""Event triggers of a sentence: which tokens report a PLOVER event, and of what type.

Governors are read before their dependents so that one clause gives one event:
"offered to negotiate" is one AGREE, "held talks" one CONSULT (the light verb's
object carries the type), "X said Y must Z" one DEMAND on Y.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.annotate.events.plover import HOSTILE_TYPES, PloverLexicon, Trigger
from sitrep.annotate.events.verb_frames import (
    ACTOR_ENTS,
    actor_subject,
    armed_agent,
    directed_clause,
    intent_object,
    intent_type,
    is_actor,
    is_subjunctive,
    meeting_purpose,
    names_actor,
    occurrence_verb,
    stated_intent,
    trip_purpose,
    wanted_of_other,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Objects of a light verb that can carry the event ("engage in talks", "go on strike").
LIGHT_OBJECT_PREPS = frozenset({"in", "into", "on", "under"})
# Types that stay themselves when announced for the future (a future demand is a demand).
SELF_FUTURE_TYPES = frozenset({"AGREE", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN"})
THREAT_VERBS = frozenset({"threaten", "warn"})
CLAUSAL_DEPS = frozenset({"xcomp", "advcl"})
# Assaults that armed forces carry out as combat; beating, torture, rape stay ASSAULT (CAMEO 182).
WEAPON_MODES = frozenset({None, "explosion", "firearms", "mass-killing"})
# Events whose halting reduces relations (SANCTION, CAMEO 16: halting talks, mediation, aid).
COOPERATIVE_TYPES = frozenset({"CONSULT", "COOPERATE", "AID", "AGREE", "SUPPORT"})
# Types whose subject may be the weapon or the attack itself ("a car bomb killed six").
INSTRUMENT_TYPES = frozenset({"ASSAULT", "FIGHT", "MOBILIZE"})
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
COUNT_WORDS = frozenset({"dozen", "score", "hundred", "thousand", "million"})
# Measures against others whose ending is a concession ("lifted the curfew", CAMEO 081).
RESTRICTION_TYPES = frozenset({"COERCE", "SANCTION"})
# "ask" requests only with "to do" or "for X"; "asked whether" is a question
QUESTION_VERBS = frozenset({"ask"})


@dataclass(slots=True)
class Candidate:
    token: Token  # the trigger word
    clause: Token  # the verb (or noun) whose subject and time frame the event
    type: str
    mode: str | None
    action: Token  # where the target is looked for ("agreed to send back to X")
    modality: str | None = None  # set when the trigger itself decides it (future intents)
    kind: str = "verb"  # verb or noun


def frame_tokens(cand: Candidate) -> list[Token]:
    """The words that stand for the event's clause: trigger, clause verb, action, complements."""
    toks = [cand.token, cand.clause, cand.action]
    toks += [c for c in cand.clause.children if c.dep_ == "xcomp"]
    # "prepared to resume shelling X": the act at the end of a chain of complements
    inner = cand.action
    for _ in range(2):
        inner = next((c for c in inner.children if c.dep_ == "xcomp"), inner)
    toks.append(inner)
    return list(dict.fromkeys(toks))


def lookup(tok: Token, lex: PloverLexicon) -> Trigger | None:
    """The lexicon entry of ``tok``, preferring rows whose companion word is present."""
    lemma = tok.lemma_.lower()
    is_verb = tok.pos_ == "VERB"
    if not is_verb and any(
        c.dep_ == "compound" and lex.in_class("media", c.lemma_.lower()) for c in tok.children
    ):
        return None  # "a press release", "a news conference": media events, not PLOVER ones
    table = lex.verbs if is_verb else lex.nouns
    companions = (lex.verb_companions if is_verb else lex.noun_companions).get(lemma)
    if companions:
        near = _near_lemmas(tok, is_verb)
        for word in sorted(companions & near):
            return table[(lemma, word)]
    found = table.get((lemma, ""))
    if found is None and not is_verb and (verb := lex.derived.get(lemma)):
        # "the establishment of ties": what "establish ties" reports
        for word in sorted(lex.verb_companions.get(verb, frozenset()) & _of_objects(tok)):
            return lex.verbs[(verb, word)]
        return lex.verbs.get((verb, ""))  # "the invasion": what "invade" reports
    if found is None and not is_verb and tok.lower_ != lemma:
        # WordNet files plural-only senses under the plural ("talks": a negotiation),
        # which the lemmatizer singularises
        return table.get((tok.lower_, ""))
    return found


def _of_objects(noun: Token) -> set[str]:
    """The lemmas of an event noun's "of" objects ("the resumption of talks": talk)."""
    return {g.lemma_.lower() for p in noun.children if p.lower_ == "of" for g in p.children}


def _near_lemmas(tok: Token, is_verb: bool) -> set[str]:
    near = {tok.head.lemma_.lower()} if tok.head != tok else set()
    for child in tok.children:
        if is_verb or child.dep_ in ("compound", "amod", "nmod"):
            near.add(child.lemma_.lower())
        if is_verb and child.dep_ in ("prep", "dobj"):
            near.update(g.lemma_.lower() for g in child.children if g.dep_ in ("pobj", "compound"))
    return near


def has_future(tok: Token, lex: PloverLexicon) -> bool:
    return any(c.dep_ == "aux" and lex.in_class("future", c.lower_) for c in tok.children)


def is_negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def complements(tok: Token) -> list[Token]:
    """Verbal complements: "agreed to X", and "to X" clauses the parser hangs as advcl."""
    return [
        c
        for c in tok.children
        if c.pos_ == "VERB" and (c.dep_ == "xcomp" or (c.dep_ == "advcl" and _is_infinitive(c)))
    ]


def willing_word(tok: Token, lex: PloverLexicon) -> bool:
    """ "is willing to", "is committed to": a willing adjective, or one parsed as a participle.

    A participle of a verb of intention keeps the verb's reading ("had prepared to X" is a
    plan, as "prepares to X" is).
    """
    lemma = tok.lemma_.lower()
    if lex.in_class("willing", lemma):
        return True
    return (
        tok.tag_ == "VBN"
        and lex.in_class("willing", tok.lower_)
        and not lex.in_class("intention", lemma)
    )


def gerund_complements(tok: Token) -> list[Token]:
    """ "committed to opening its markets": the act a "to" phrase names as a gerund."""
    return [
        g
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ == "to"
        for g in p.children
        if g.dep_ == "pcomp" and g.pos_ == "VERB"
    ]


def word_forms(tok: Token) -> set[str]:
    """The lemma plus crude stems of the surface form (the lemmatizer slips: "staged")."""
    low = tok.lower_
    return (
        {tok.lemma_.lower(), low, low[:-1], low[:-2]}
        if low.endswith("ed")
        else {tok.lemma_.lower(), low}
    )


def light_object(verb: Token, lex: PloverLexicon) -> tuple[Token, Trigger] | None:
    """The event noun a light verb carries ("held talks", "went on strike").

    Any verb without an event of its own supports the event noun it takes as object
    ("staged a hunger strike", "opened a hearing"): a support verb, as NomBank has them.
    """
    if not word_forms(verb) & lex.words.get("light", frozenset()):
        return support_object(verb, lex)
    for child in verb.children:
        # "held talks", and in the passive "sanctions were imposed on X"
        nouns = [child] if child.dep_ in ("dobj", "nsubjpass") else []
        if child.dep_ == "dobj" and not lookup(child, lex):  # "three weeks of naval drills"
            nouns += [g for p in child.children if p.lower_ == "of" for g in p.children]
            nouns += [g for g in child.children if g.dep_ == "compound"]  # "a mediation effort"
        if child.dep_ == "prep" and child.lower_ in LIGHT_OBJECT_PREPS:
            nouns = [g for g in child.children if g.dep_ == "pobj"]
        for noun in nouns:
            if noun.pos_ == "NOUN" and (trig := lookup(noun, lex)):
                return noun, trig
    return None


def support_object(verb: Token, lex: PloverLexicon) -> tuple[Token, Trigger] | None:
    """The event noun object of a verb that reports no event itself ("began a hunger strike")."""
    if verb.pos_ != "VERB" or lookup(verb, lex) is not None:
        return None
    lemma = verb.lemma_.lower()
    if any(c.dep_ == "prt" for c in verb.children) or lex.in_class("halt", lemma):
        return None  # "picked up a call", "ward off an attack": the verb's sense is its own
    if lex.in_class("unrealised", lemma) or lex.in_class("caused", lemma):
        return None  # "foiled an attack", "sparked protests": the subject does not act
    doer = verb  # "failed to reach agreement": the controller's subject
    while doer.dep_ in ("xcomp", "conj") and not any(c.dep_ == "nsubj" for c in doer.children):
        doer = doer.head
    subj = next((c for c in doer.children if c.dep_ == "nsubj"), None)
    if subj is None or not (names_actor(subj, lex) or names_actor(counted(subj), lex)):
        return None  # the support verb's subject is the event's agent: it must be an actor
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if obj.pos_ == "NOUN" and (trig := lookup(obj, lex)) is not None:
            return obj, trig
    return None


def halted_object(verb: Token, lex: PloverLexicon) -> tuple[Token, Trigger] | None:
    """ "cancelled the visit", "ended mediation efforts", "cut ties": reduced relations."""
    if not lex.in_class("halt", verb.lemma_.lower()):
        return None
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        for noun in (obj, *(c for c in obj.children if c.dep_ == "compound")):
            if lex.in_class("ties", noun.lemma_.lower()):
                return verb, Trigger("SANCTION", "ties")
            trig = lookup(noun, lex) if noun.pos_ == "NOUN" else None
            if trig is not None and trig.type in COOPERATIVE_TYPES:
                return verb, Trigger("SANCTION", "halt-" + trig.type.lower())
    return None


def eased_measure(verb: Token, lex: PloverLexicon) -> tuple[Token, Trigger] | None:
    """ "ended the state of emergency", "halted its offensive": a hostile measure stopped.

    Ending a restriction or sanction one imposed is a concession (CONCEDE: easing
    administrative sanctions, removing curfews); ending one's own military engagement
    de-escalates it (RETREAT, CAMEO 087). Only a measure not named as another's: "its
    offensive" is the subject's own, "halted the rebel offensive" stops someone else's.
    """
    if not lex.in_class("ease", verb.lemma_.lower()):
        return None
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        if any(_names_other(c, lex) for c in obj.children):
            continue
        for noun in (obj, *(g for p in obj.children if p.lower_ == "of" for g in p.children)):
            trig = lookup(noun, lex) if noun.pos_ == "NOUN" else None
            if trig is not None and trig.type in RESTRICTION_TYPES:
                return verb, Trigger("CONCEDE", "ease-" + trig.type.lower())
            if trig is not None and trig.type == "FIGHT":
                return verb, Trigger("RETREAT", "de-escalate")
    return None


def _names_other(mod: Token, lex: PloverLexicon) -> bool:
    """A modifier naming whose a measure is: "the rebel offensive", "Israel's blockade"."""
    if mod.dep_ == "poss":
        return _names_owner(mod)
    return mod.dep_ in ("amod", "compound") and is_actor(mod, lex)


def force_movement(verb: Token, lex: PloverLexicon) -> Trigger | None:
    """Moving or sending forces or supplies: MOBILIZE, or AID for peacekeepers and aid."""
    lemma = verb.lemma_.lower()
    if not lex.in_class("motion", lemma):
        return None
    if lex.in_class("directive", lemma) and any(
        c.dep_ in ("xcomp", "ccomp") for c in verb.children
    ):
        return None  # "ordered the troops to withdraw" is an order; "ordered troops to X" a move
    for child in verb.children:
        if child.dep_ not in ("dobj", "nsubj", "nsubjpass"):
            continue
        thing = counted(child)  # "500 tons of food": food
        lemma = thing.lemma_.lower()
        if peacekeepers(thing, lex):
            return Trigger("AID", "peacekeeping")
        if lex.in_class("military", lemma):
            return Trigger("MOBILIZE", "troops")
        if child.dep_ == "dobj" and any(
            lex.in_class("supplies", counted(t).lemma_.lower()) for t in (child, *child.conjuncts)
        ):
            return Trigger("AID", None)  # "distributed blankets and food"
    return None


def peacekeepers(thing: Token, lex: PloverLexicon) -> bool:
    """ "peacekeepers", "peacekeeping troops": forces whose presence is aid."""
    mods = {m.lemma_.lower() for m in thing.children if m.dep_ in ("compound", "amod")}
    return lex.in_class("peacekeeping", thing.lemma_.lower()) or bool(
        mods & lex.words.get("peacekeeping", frozenset())
    )


def noun_trigger(noun: Token, trig: Trigger, lex: PloverLexicon) -> Trigger:
    """A nominal trigger's entry, read as its verb is: "a deployment of peacekeepers" is AID."""
    if trig.type == "MOBILIZE" and peacekeepers(counted(noun), lex):
        return Trigger("AID", "peacekeeping")
    return trig


def forces_leaving(verb: Token, lex: PloverLexicon) -> Trigger | None:
    """ "The last Soviet troops left Afghanistan": forces leaving a place retreat (CAMEO 0874)."""
    if not lex.in_class("departure", verb.lemma_.lower()):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    who = counted(subject).lemma_.lower() if subject is not None else ""
    if not (lex.in_class("military", who) or lex.in_class("irregular", who)):
        return None
    if not any(c.dep_ == "dobj" for c in verb.children):
        return None  # "troops left for the front": a move, not a withdrawal
    return Trigger("RETREAT", "withdraw")


def counted(tok: Token) -> Token:
    """ "thousands of troops" -> troops; "a deployment of troops" -> troops."""
    for _ in range(2):
        pobj = next(
            (g for p in tok.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"),
            None,
        )
        if pobj is None or not (tok.like_num or tok.pos_ in ("NUM", "NOUN")):
            break
        tok = pobj
    return tok


def purpose_clause(verb: Token, lex: PloverLexicon) -> tuple[Token, Trigger] | None:
    """A "to VERB" purpose or complement clause that names its own event."""
    for child in verb.children:
        if (
            child.dep_ in CLAUSAL_DEPS
            and child.pos_ == "VERB"
            and (trig := base_trigger(child, lex))
        ):
            return child, trig[1]
    return None


def base_trigger(verb: Token, lex: PloverLexicon) -> tuple[Token, Trigger] | None:
    """The event a verb reports by itself: (trigger token, entry)."""
    direct = lookup(verb, lex)
    lemma = verb.lemma_.lower()
    if direct is not None and direct != lex.verbs.get((lemma, "")):  # "open fire" wins
        return verb, direct
    if lemma in ("send", "dispatch") and (purpose := purpose_clause(verb, lex)):
        return purpose
    if (moved := force_movement(verb, lex)) is not None:
        return verb, moved
    if (left := forces_leaving(verb, lex)) is not None:
        return verb, left
    if (halted := halted_object(verb, lex)) is not None:
        return halted
    if (eased := eased_measure(verb, lex)) is not None:
        return eased
    if (carried := light_object(verb, lex)) is not None:
        return carried
    if (trip := trip_purpose(verb, lex, lookup)) is not None:
        return trip
    if direct is None and (meeting := meeting_purpose(verb, lex, lookup)) is not None:
        return meeting
    if direct is None and lex.in_class("aspect", lemma):  # "continue fighting"
        for comp in verb.children:
            if comp.dep_ == "xcomp" and comp.pos_ == "VERB" and (inner := base_trigger(comp, lex)):
                return inner
    return (verb, direct) if direct else None


def intent_trigger(
    gov: Token, x: Token, xtrig: Trigger | None, lex: PloverLexicon
) -> Trigger | None:
    """What "GOV to X" reports when GOV commits, threatens, refuses or fails."""
    lemma = gov.lemma_.lower()
    mode = xtrig.type.lower() if xtrig else None
    if lemma == "prepare" and any(
        c.dep_ == "nsubj" and lex.in_class("military", c.lemma_.lower()) for c in gov.children
    ):
        return Trigger("MOBILIZE", mode)  # forces preparing to act: a force posture
    if lemma in THREAT_VERBS:
        return Trigger("THREATEN", mode)
    if lemma == "fail":
        return Trigger("REJECT", mode) if xtrig and xtrig.type not in HOSTILE_TYPES else None
    own = lookup(gov, lex)
    if own and own.type == "REJECT":
        return Trigger("REJECT", mode)
    if lex.in_class("intent", lemma) or willing_word(gov, lex):
        if lemma == "decide":
            return None
        hostile = xtrig is not None and xtrig.type in HOSTILE_TYPES
        return Trigger("THREATEN" if hostile else "AGREE", mode)
    if (
        lex.in_class("intention", lemma)
        and xtrig is not None
        and xtrig.type not in SELF_FUTURE_TYPES
        and actor_subject(gov, lex)
    ):
        return intent_type(xtrig)  # "plans to sign", "is expected to sign": an intention
    return None


def future_trigger(cand: Candidate, lex: PloverLexicon) -> None:
    """Recode an act announced for the future as PLOVER does: a promise or a threat."""
    if not (has_future(cand.clause, lex) or has_future(cand.action, lex)):
        return
    conditional = any(
        lex.in_class("condition", m.lower_)
        for c in cand.clause.children
        if c.dep_ == "advcl"
        for m in c.children
        if m.dep_ == "mark"
    )
    if is_negated(cand.clause):
        cand.mode, cand.type, cand.modality = cand.type.lower(), "REJECT", "asserted"
    elif cand.type in HOSTILE_TYPES or conditional:
        cand.mode, cand.type = cand.type.lower(), "THREATEN"
        cand.modality = "planned"
    elif cand.type not in SELF_FUTURE_TYPES:
        cand.mode, cand.type = cand.type.lower(), "AGREE"
        cand.modality = "planned"
    else:
        cand.modality = "planned"


def obligation_clause(verb: Token, lex: PloverLexicon) -> Token | None:
    """The complement "Y must Z" of a speech verb, a demand on Y."""
    for child in verb.children:
        if child.dep_ != "ccomp":
            continue
        if any(a.dep_ == "aux" and lex.in_class("obligation", a.lower_) for a in child.children):
            return child
        if is_subjunctive(child):  # "insisted that Washington end its embargo"
            return child
    return None


def depth(tok: Token) -> int:
    n = 0
    while tok.head != tok:
        tok = tok.head
        n += 1
    return n


def find_candidates(sent: Span, lex: PloverLexicon) -> list[Candidate]:
    """Event candidates of one sentence, one per trigger clause."""
    consumed: set[int] = set()
    out: list[Candidate] = []
    for tok in sorted((t for t in sent if t.pos_ in ("VERB", "ADJ")), key=depth):
        if tok.i in consumed:
            continue
        cand = verb_candidate(tok, lex, consumed)
        if cand is not None and acting_subject(cand, lex):
            future_trigger(cand, lex)
            out.append(cand)
    covered = {c.clause.i for c in out} | consumed
    for tok in sent:
        if tok.pos_ == "VERB" and tok.i not in covered and stated_intent(tok, lex):
            cand = Candidate(tok, tok, "AGREE", None, tok)  # "said it would open its markets"
            future_trigger(cand, lex)
            out.append(cand)
            covered.add(tok.i)
    for tok in sent:
        if tok.pos_ == "NOUN" and tok.i not in consumed and (trig := lookup(tok, lex)):
            if tok.dep_ == "dobj" and lex.in_class("unrealised", tok.head.lemma_.lower()):
                continue  # "foiled an attack on X": no attack took place
            clause = clause_of(tok)
            verb = occurrence_verb(tok, lex)  # "fighting broke out between X and Y"
            if clause.i not in covered and (
                has_own_actor(tok, lex) or (verb is not None and has_own_actor(verb, lex))
            ):
                action = verb if verb is not None else tok
                trig = noun_trigger(tok, trig, lex)
                out.append(Candidate(tok, tok, trig.type, trig.mode, action, kind="noun"))
                covered.add(clause.i)
    return sorted(out, key=lambda c: c.token.i)


def acting_subject(cand: Candidate, lex: PloverLexicon) -> bool:
    """Whether the clause's subject, if it names one, can be the event's source actor.

    PLOVER codes acts of actors (people, groups, states): "the new rule allows X to Y",
    "the ferry returned to port" report no event. Violence and force postures are the
    exception: a bomb, a strike or tanks stand for whoever used them.
    """
    if cand.type in INSTRUMENT_TYPES or cand.clause.pos_ != "VERB":
        return True
    subj = next((c for c in cand.clause.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.pos_ == "VERB":  # "the agency working in Chad said": agency
        subj = next((c for c in subj.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ not in ("NOUN", "PRON"):
        return True  # names, numbers, clauses: not judged here
    if subj.pos_ == "PRON":
        return subj.lower_ not in DEMONSTRATIVES
    if subj.lemma_.lower() in COUNT_WORDS:
        return True  # "thousands marched"
    who = counted(subj)
    return (
        names_actor(subj, lex)
        or names_actor(who, lex)
        or lex.in_class("agent", who.lemma_.lower())
        or _owned(subj)
    )


def _owned(tok: Token) -> bool:
    """ "Peru's supreme court", "the country's army": a body named with its owner."""
    return any(c.dep_ == "poss" and _names_owner(c) for c in tok.children)


def _names_owner(poss: Token) -> bool:
    """ "Peru's", "the army's" name an owner; "its", "their" only point back to one."""
    return poss.pos_ != "PRON"


def verb_candidate(tok: Token, lex: PloverLexicon, consumed: set[int]) -> Candidate | None:
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and lex.in_class("speech", lemma):
        ob = obligation_clause(tok, lex)
        if ob is None and lex.in_class("directive", lemma):
            ob = directed_clause(tok)  # "told Israel to stop building"
        if ob is not None:
            consumed.update(t.i for t in ob.subtree if t.pos_ in ("VERB", "NOUN"))
            return Candidate(tok, tok, "DEMAND", None, ob)
        if light_object(tok, lex) is None and intent_object(tok, lex) is None:
            return None
    if lex.in_class("want", lemma) and (other := wanted_of_other(tok)) is not None:
        consumed.update(t.i for t in other.subtree if t.pos_ in ("VERB", "NOUN"))
        return Candidate(tok, tok, "DEMAND", None, other)  # "wants Israel to freeze ..."
    comps = complements(tok)
    if not comps and willing_word(tok, lex):
        comps = gerund_complements(tok)
    xbases = [(c, base_trigger(c, lex)) for c in comps]
    x, xbase = next(((c, b) for c, b in xbases if b), xbases[-1] if xbases else (None, None))
    if x is not None:
        intent = intent_trigger(tok, x, xbase[1] if xbase else None, lex)
        if intent is not None:
            if not lex.in_class("intention", lemma):  # a plan keeps its act, as planned
                consumed.update(t.i for t in x.subtree if t.pos_ in ("VERB", "NOUN"))
            return Candidate(tok, tok, intent.type, intent.mode, x)
    if lookup(tok, lex) is None and (held := intent_object(tok, lex)) is not None:
        noun, act = held
        found_act = base_trigger(act, lex)
        intent = intent_type(found_act[1] if found_act else None)
        consumed.update(t.i for t in noun.subtree if t.pos_ in ("VERB", "NOUN"))
        return Candidate(noun, tok, intent.type, intent.mode, act)
    if tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound"):
        return None  # "alleged crimes", "long-threatened invasion" modify, they report nothing
    found = base_trigger(tok, lex)
    if found is None or (lemma in QUESTION_VERBS and not _asks_for_action(tok)):
        return None
    trig_tok, trig = found
    if trig.type == "ASSAULT" and trig.mode in WEAPON_MODES and armed_agent(tok, lex):
        trig = Trigger("FIGHT", trig.mode)  # conventional military force (CAMEO 19)
    consumed.add(trig_tok.i)
    # a purpose or complement clause under a trigger is part of its event
    for child in tok.children:
        if child.dep_ in CLAUSAL_DEPS and child.pos_ == "VERB" and _is_infinitive(child):
            consumed.update(t.i for t in child.subtree if t.pos_ in ("VERB", "NOUN"))
    kind = "noun" if trig_tok.pos_ == "NOUN" else "verb"
    return Candidate(trig_tok, tok, trig.type, trig.mode, tok, kind=kind)


def _asks_for_action(verb: Token) -> bool:
    return bool(complements(verb)) or any(c.lower_ == "for" for c in verb.children)


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def clause_of(tok: Token) -> Token:
    """The nearest verb governing ``tok`` (itself for a verb, the root otherwise)."""
    cur = tok
    while cur.pos_ not in ("VERB", "AUX") and cur.head != cur:
        cur = cur.head
    return cur


# "of" names the one acted on by a nominalised act ("the arrest of the opposition leader")
NOUN_ACTOR_PREPS = frozenset({"by", "between", "with", "against", "on", "to", "into", "from", "of"})


def has_own_actor(noun: Token, lex: PloverLexicon) -> bool:
    """Whether a nominal trigger names who acts or is acted on ("Russia's attack on X")."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return True
        if child.dep_ in ("amod", "compound") and (child.ent_type_ in ACTOR_ENTS):
            return True
        if child.dep_ == "prep" and child.lower_ in NOUN_ACTOR_PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (
                    pobj.ent_type_ in ACTOR_ENTS
                    or pobj.pos_ == "PROPN"
                    or lex.in_class("actor", pobj.lemma_.lower())
                ):
                    return True
    return False
