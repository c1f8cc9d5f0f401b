"""PLOVER-coded events: who did what to whom, when, where, reported by whom.

Per sentence, ``event_triggers`` finds one candidate per trigger clause (lexicon
lookups on lemmas, then a walk of the dependency tree from the trigger only);
``event_actors`` names the source and target actors; ``event_context`` adds the
date, place, reporter and modality. The entity, time and attribution layers are
used when present, the spaCy parse and NER alone otherwise.

A place not named in the sentence is carried over from the previous event of
the same type at most ``PLACE_CARRY_SENTENCES`` sentences before (asserted or
reported events only) ("talks in
Pyongyang ... held talks Wednesday ... met on Thursday"): news tells a series of
meetings once with the place, then by day.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sitrep.annotate.events.participants import ActorFinder
from sitrep.annotate.events.plover import PloverLexicon, load_lexicon
from sitrep.annotate.events.report_context import (
    PLACE_ENTS,
    TimeIndex,
    attribution_for,
    granularity,
    modality_of,
    place_of,
    place_tokens,
    publication_date,
    reporter_token,
)
from sitrep.annotate.events.triggers import Candidate, find_candidates
from sitrep.models import Actor, Annotations, Event, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

# How far back an event's place is carried from an earlier one (sentences).
# Not a setting: annotations are stored, and must not depend on who ran them.
PLACE_CARRY_SENTENCES = 3
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you"})
# Acts that actors named together do with each other ("A and B agreed", "A and B met"):
# PLOVER codes both as sources and no target unless the act falls on an object.
RECIPROCAL_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE", "SUPPORT"})
# Who gives the event a verb of receiving takes ("aid from X", "the support of X").
GIVER_PREPS = ("from", "of", "by")
# Events one is given or told, whose receiver is their target ("won the backing of X",
# "got a warning from X"); not acts on third parties ("secured the release of hostages").
GIVEN_TYPES = frozenset(
    {"AGREE", "AID", "CONSULT", "DEMAND", "DISAPPROVE", "SUPPORT", "THREATEN"}
)


def _pronoun(text: str) -> bool:
    return text.strip().lower() in PRONOUNS


def joint_act(cand: Candidate) -> bool:
    """Whether the event, done by several actors together, is one they do with each other."""
    return cand.type in RECIPROCAL_TYPES or (cand.mode or "").upper() in RECIPROCAL_TYPES


def acted_on(tgt: Token) -> bool:
    """Whether a target is an object the act falls on or a partner named with "with"."""
    if tgt.dep_ in ("dobj", "dative"):
        return True
    prep = tgt.head if tgt.dep_ == "pobj" else None
    return prep is not None and (
        prep.lower_ == "with" or (prep.lower_ == "of" and prep.head.dep_ in ("dobj", "dative"))
    )


def find_events(doc: Doc, ann: Annotations, published: date | None) -> list[Event]:
    """Events of ``doc``, using the entity, time and attribution layers in ``ann``."""
    lex = load_lexicon()
    builder = EventBuilder(doc, ann, published, lex)
    events: list[Event] = []
    for n, sent in enumerate(doc.sents):
        for cand in find_candidates(sent, lex):
            events.append(builder.build(cand, sent, n))
    return events


class EventBuilder:
    def __init__(self, doc: Doc, ann: Annotations, published: date | None, lex: PloverLexicon):
        self.doc = doc
        self.ann = ann
        self.lex = lex
        self.actors = ActorFinder(doc, ann.entities, lex)
        self.times = TimeIndex(doc, ann.times)
        self.default_date = publication_date(published)
        places = [(e.start, e.end) for e in ann.entities if e.type in PLACE_ENTS]
        self.is_place = place_tokens(doc, places)
        self.last_place: dict[str, tuple[int, Actor]] = {}

    def build(self, cand: Candidate, sent: SpacySpan, n: int) -> Event:
        trig = cand.token
        event = Event(
            type=cand.type,
            start=sent.start_char,
            end=sent.end_char,
            trigger=Span(trig.idx, trig.idx + len(trig.text), trig.text),
            mode=cand.mode,
        )
        self.add_actors(event, cand)
        self.add_date(event, cand)
        self.add_reporter(event, cand)
        event.modality = modality_of(cand, self.lex, event.reported_by is not None)
        self.add_place(event, cand, n)
        return event

    def add_actors(self, event: Event, cand: Candidate) -> None:
        finder = self.actors
        if cand.kind == "noun" and cand.clause == cand.token:
            verb = cand.action if cand.action != cand.token else None  # "fighting broke out"
            src = finder.noun_source(cand.token, verb)
            tgt = finder.noun_target(cand.token, src, verb)
            host = finder.manner_host(cand.token) if src is None else None
            if host is not None:  # "X wounded Y in an attack": X attacked Y
                src = finder.subject(host)
                tgt = tgt or finder.host_object(host)
        elif self.received(cand):  # "X received aid from Y": Y gives, X is given
            src = finder.prep_object(cand.token, GIVER_PREPS)
            src = src or finder.prep_object(cand.clause, GIVER_PREPS)
            tgt = finder.subject(cand.clause)
        else:
            src = finder.subject(cand.clause)
            tgt = finder.target(cand)
            if src is None and tgt is not None:
                src = finder.state_source(cand, tgt)
        event.sources = finder.actors_of(src) if src is not None else []
        if src is not None and tgt is not None and tgt in src.conjuncts:
            event.sources = [finder.actor(src)]  # "talks between A and B": A with B
        if tgt is not None and len(event.sources) > 1 and joint_act(cand) and not acted_on(tgt):
            tgt = None  # "A and B agreed on the fate of X": they act with each other
        event.targets = finder.actors_of(tgt) if tgt is not None else []
        taken = {(a.start, a.end) for a in event.sources}
        event.targets = [a for a in event.targets if (a.start, a.end) not in taken]
        event.source = event.sources[0] if event.sources else None
        event.target = event.targets[0] if event.targets else None

    def received(self, cand: Candidate) -> bool:
        """Whether the event is the object noun of a verb of receiving ("won support")."""
        clause = cand.clause
        return (
            cand.token != clause
            and cand.type in GIVEN_TYPES
            and cand.token.head == clause
            and self.lex.in_class("receive", clause.lemma_.lower())
        )

    def add_date(self, event: Event, cand: Candidate) -> None:
        timex = self.times.date_of(cand)
        if timex is not None and timex.value:
            event.date, event.date_granularity = timex.value, granularity(timex.value)
            event.date_from_text = True
        else:
            event.date, event.date_granularity = self.default_date

    def add_place(self, event: Event, cand: Candidate, n: int) -> None:
        tok = place_of(cand, self.is_place)
        if tok is not None:
            event.location = self.actors.actor(tok, self.place_tokens_of(tok))
            self.last_place[cand.type] = (n, event.location)
            return
        carried = self.last_place.get(cand.type)
        if event.modality not in ("asserted", "reported"):
            return  # a possible or planned meeting may happen elsewhere
        if carried is not None and n - carried[0] <= PLACE_CARRY_SENTENCES:
            event.location = carried[1]
            self.last_place[cand.type] = (n, carried[1])

    def place_tokens_of(self, tok: Token) -> list[Token]:
        toks = [t for t in self.doc[max(0, tok.i - 4) : tok.i + 5] if self.is_place.get(t.i)]
        # the contiguous run of place tokens around ``tok``
        run = [tok]
        for t in toks:
            if t.i == run[-1].i + 1:
                run.append(t)
        for t in reversed(toks):
            if t.i == run[0].i - 1:
                run.insert(0, t)
        return run

    def add_reporter(self, event: Event, cand: Candidate) -> None:
        attribution = attribution_for(cand, self.ann.attributions)
        if (
            attribution is not None
            and attribution.source is not None
            and not _pronoun(attribution.source.text)
        ):
            src = attribution.source
            reporter = Actor(src.start, src.end, self.actors.text[src.start : src.end])
            head = self.doc.char_span(src.start, src.end, alignment_mode="expand")
            if head is not None and len(head):
                self.actors.link(reporter, head.root)
            reporter.entity_id = attribution.entity_id or reporter.entity_id
            event.reported_by = reporter
            return
        tok = reporter_token(cand, self.lex)
        if tok is not None:
            event.reported_by = self.actors.actor(tok)
