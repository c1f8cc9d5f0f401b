"""Who does what to whom: source and target actors of an event from the parse.

The source is the trigger clause's subject (the agent of a passive, the
controller of "offered to ...", the speaker for "he said he would ..."); the
target its object, indirect object or a prepositional object ("met with X",
"attack on X"). Coordinated phrases give several actors; an apposition is part of
its actor ("the foreign minister, Rosa Valdivia"). A "by" phrase is an agent only
where the verb has no subject of its own ("shortened by one hour" is a measure).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.annotate.events.plover import HOSTILE_TYPES, PloverLexicon
from sitrep.annotate.events.triggers import ACTOR_ENTS, Candidate, frame_tokens
from sitrep.models import Actor, EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that"})
THIRD_PERSON = frozenset({"he", "she", "it", "they"})
OWNER_PRONOUNS = frozenset({"its", "their"})
RELATIVES = frozenset({"who", "which", "that", "whom"})
# Dependents kept in an actor's text ("Security forces in the north"), others cut.
NP_LEFT = frozenset({"det", "amod", "compound", "poss", "case", "nummod", "quantmod", "nmod"})
NP_RIGHT_PREPS = frozenset({"of", "in", "from", "for", "throughout", "across"})
TARGET_PREPS = (
    "with",
    "against",
    "on",
    "upon",
    "to",
    "into",
    "at",
    "toward",
    "towards",
    "between",
    "over",
    "for",
    "from",
)
# Where a target is looked for inside a non-actor phrase ("a camp for refugees").
INSIDE_PREPS = frozenset({"of", "for", "by", "from", "against", "on", "to", "with", "in", "into"})
# Last resort: the place acted on ("demonstrated in Serbia", "a curfew in the old town",
# "massed troops along the border with X": the border's other side).
PLACE_PREPS = ("in", "at", "near", "along")
# and forces or aid sent to a place are aimed at it ("peacekeepers arrived in Bosnia")
PLACE_TARGET_TYPES = HOSTILE_TYPES | {"MOBILIZE", "AID"}
# "shot a guard during a raid": an act named as the way of the clause's own act.
MANNER_PREPS = frozenset({"in", "during"})
# Acts of a state's police and courts: with no agent named, the country they happen in
# stands for its government ("was arrested in X", "under investigation in X": X is the source).
# Kidnappings, raids, seizures and destruction are done by unnamed others as often: not these.
STATE_ACT_TYPES = frozenset({"INVESTIGATE"})
STATE_COERCE_MODES = frozenset(
    {"arrest", "ban", "censor", "curfew", "deport", "expel", "martial-law"}
    | {"repress", "repression", "restrict"}
)
# A threat is aimed at whoever must meet its condition ("... unless Baghdad accepts").
CONDITION_MARKS = frozenset({"if", "unless"})
# "summoned the ambassador to complain": the object of the governing verb is addressed.
PURPOSE_DEPS = frozenset({"xcomp", "advcl"})
NOT_ACTOR_ENTS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "LAW", "LANGUAGE"}
)
# Heads that count or group the actors they introduce ("thousands of students").
GROUP_WORDS = frozenset(
    {
        "ten",
        "dozen",
        "score",
        "hundred",
        "thousand",
        "million",
        "group",
        "number",
        "majority",
        "handful",
        "some",
        "most",
        "all",
        "many",
        "several",
        "none",
        "part",
        "batch",
        "patch",
        "one",
        "two",
        "three",
        "few",
        "member",
        "body",
        "team",
        "delegation",
    }
)
# Events whose object is the force moved or raised, not whom it is aimed at (CAMEO 15, 0874).
FORCE_TYPES = frozenset({"MOBILIZE", "RETREAT"})
AID_VERBS = frozenset({"give", "provide", "supply", "deliver", "donate", "grant"})
DETERMINERS = frozenset({"the", "a", "an", "this", "these", "those"})
INHERIT_SUBJECT_DEPS = frozenset({"xcomp", "conj", "advcl", "acomp", "pcomp"})
REPORT_DEPS = frozenset({"ccomp", "conj", "xcomp", "advcl", "parataxis"})
# "accused X of ...", "charged X with ...", "blamed X for ...", "kept X from ...": the
# prepositions of verbs whose object does the act of the gerund after them.
OBJECT_CONTROL_PREPS = frozenset({"of", "with", "for", "from"})
# Verb tags of a clause with its own tense: a relative clause, whatever the parser calls it.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# Nouns that name another party by its tie to the owner ("its partners", "their allies"):
# not the owner's own body.
OTHER_PARTY_NOUNS = frozenset(
    {"partner", "ally", "neighbor", "neighbour", "rival", "enemy", "foe", "counterpart"}
    | {"opponent", "adversary", "critic", "friend"}
)
# Object pronouns by the subject pronoun they agree as.
OBJECT_PRONOUNS = {"it": "it", "them": "they", "him": "he", "her": "she"}
# "claimed responsibility for", "took credit for": the claimant did the act
CLAIMED_NOUNS = frozenset({"responsibility", "credit"})
# How the parser hangs a title set before a subject name by a comma.
FRONTED_TITLE_DEPS = frozenset({"dep", "nsubj", "npadvmod"})
MAX_NP_TOKENS = 14  # tokens kept of a participant phrase: a parsing bound, not a setting
MAX_APPOS_TOKENS = 6  # an apposition longer than this is a clause-like aside, not a name


class ActorFinder:
    """Actors of the candidates of one document, tied to entity mentions when known."""

    def __init__(self, doc: Doc, entities: list[EntityMention], lex: PloverLexicon) -> None:
        self.doc = doc
        self.text = doc.text  # built from the tokens on each access: keep one copy
        self.ents = list(doc.ents)
        self.lex = lex
        self.entities = sorted(entities, key=lambda e: e.start)
        self.event_nouns = {lemma for lemma, _ in lex.nouns} | set(lex.derived)

    # ------------------------------------------------------------ spans

    def np_tokens(self, head: Token) -> list[Token]:
        """The noun phrase of ``head``: pre-modifiers, and "of/in" phrases naming actors."""
        keep = [head]
        for child in head.lefts:
            if child.dep_ in NP_LEFT and not child.is_punct:
                keep.extend(child.subtree)
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in NP_RIGHT_PREPS:
                pobj = _pobj(child)
                if pobj is not None and self.actor_like(pobj):
                    keep.append(child)
                    keep.extend(self.np_tokens(pobj))
            elif (
                child.dep_ == "acl"
                and child.tag_ in ("VBN", "VBG")
                and (len(list(child.subtree)) <= 6 or self.ties_to_actor(child))
            ):
                keep.extend(child.subtree)  # "a newspaper based in Beirut"
            elif child.dep_ == "appos" and len(list(child.subtree)) <= MAX_APPOS_TOKENS:
                keep.extend(child.subtree)  # "the foreign minister, Rosa Valdivia": one actor
            elif child.dep_ in ("compound", "nummod") or (
                child.dep_ == "case" and child.i == head.i + 1
            ):
                keep.append(child)
        keep = [t for t in keep if t.dep_ not in ("cc", "conj") or t.head != head]
        if head.dep_ in ("nsubj", "nsubjpass"):
            keep += self.name_tokens(head, keep)
        return sorted(set(keep), key=lambda t: t.i)[-MAX_NP_TOKENS:]

    def name_tokens(self, head: Token, keep: list[Token]) -> list[Token]:
        """A subject's whole name where the parser split it into sibling subjects ("al",
        "-", "Nadir"), and a title set before it by a comma ("Ruritania's emir, Sheikh
        Tamir al-Nadir said"): an apposition the parser hangs on the verb."""
        name = [head]
        if head.pos_ == "PROPN" and head.ent_type_ in ACTOR_ENTS:
            parts = [t for t in self.ent_tokens(head) if t.head == head.head and t != head]
            name += [t for part in parts for t in part.subtree]
        first = min(t.i for t in [*keep, *name])
        title = self.doc[first - 2] if first >= 2 and self.doc[first - 1].text == "," else None
        if (
            title is None
            or title.head != head.head
            or title.dep_ not in FRONTED_TITLE_DEPS
            or title.pos_ not in ("NOUN", "PROPN")
            or title.left_edge.i != head.sent.start
        ):
            return name
        return [*name, *title.subtree, self.doc[first - 1]]

    def ties_to_actor(self, participle: Token) -> bool:
        """ "doctors affiliated with the national medical association": a participle whose only
        dependent is a phrase naming an actor says whose the actor is, however long the name."""
        kids = [c for c in participle.children if not c.is_punct]
        if len(kids) != 1 or kids[0].dep_ != "prep":
            return False
        pobj = _pobj(kids[0])
        return pobj is not None and pobj.ent_type_ in ACTOR_ENTS

    def actor(self, head: Token, tokens: list[Token] | None = None) -> Actor:
        toks = tokens if tokens is not None else self.np_tokens(head)
        first, last = toks[0], toks[-1]
        while (first.is_punct or first.lower_ in DETERMINERS) and first.i < last.i:
            first = self.doc[first.i + 1]
        # "Maria Lund, the envoy," ends at "envoy" (a closing bracket stays)
        while last.is_punct and not last.is_right_punct and last.i > first.i:
            last = self.doc[last.i - 1]
        start, end = first.idx, last.idx + len(last.text)
        act = Actor(start, end, self.text[start:end])
        self.link(act, head)
        return act

    def link(self, act: Actor, head: Token) -> None:
        """Entity id, name, type and country from the mention over the head, else the NER label."""
        hits = [e for e in self.entities if e.start < act.end and act.start < e.end]
        on_head = [e for e in hits if e.start <= head.idx < e.end]
        ranked = on_head or [e for e in hits if e.type in ACTOR_ENTS] or hits
        best = ranked[0] if ranked else None
        if best is not None:
            act.entity_id, act.name, act.type, act.country = (
                best.entity_id,
                best.name,
                best.type,
                best.country,
            )
        elif head.ent_type_:
            act.type = head.ent_type_
        else:
            ent = next((t.ent_type_ for t in head.lefts if t.ent_type_ in ACTOR_ENTS), "")
            act.type = ent or None

    def actors_of(self, head: Token) -> list[Actor]:
        """One actor per conjunct: "A and B", and "Polish and Czech officials"."""
        split = self.split_modifiers(head)
        if split:
            return split
        out = [self.actor(head)]
        for conj in head.conjuncts:
            if conj.i > head.i and conj.pos_ in ("NOUN", "PROPN"):
                out.append(self.actor(conj))
        if len(out) == 1:
            out += [self.actor(c) for c in self.owners_joined(head)]
        return out

    def owners_joined(self, head: Token) -> list[Token]:
        """ "the foreign ministers of A and B": one body of each; the later owners' actors
        (the first stays in the head's own phrase)."""
        if head.tag_ not in ("NNS", "NNPS"):
            return []
        prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = _pobj(prep) if prep else None
        if pobj is None or pobj.ent_type_ not in ACTOR_ENTS:
            return []
        return [c for c in pobj.conjuncts if c.i > pobj.i and c.ent_type_ in ACTOR_ENTS]

    def split_modifiers(self, head: Token) -> list[Actor]:
        for child in head.lefts:
            if child.dep_ in ("amod", "compound", "nmod") and child.ent_type_ in ACTOR_ENTS:
                conjs = [c for c in child.conjuncts if c.i > child.i]
                if conjs:
                    return [self.actor(m, self.ent_tokens(m)) for m in (child, *conjs)]
        return []

    def ent_tokens(self, tok: Token) -> list[Token]:
        for ent in self.ents:
            if ent.start <= tok.i < ent.end:
                return list(ent)
        return [tok]

    def actor_like(self, tok: Token) -> bool:
        if tok.ent_type_ in NOT_ACTOR_ENTS or tok.like_num:
            return False
        if tok.pos_ == "PROPN" or tok.ent_type_ in ACTOR_ENTS or tok.ent_type_ in ("FAC", "LOC"):
            return True
        if self.lex.in_class("actor", tok.lemma_.lower()):
            return True
        return any(
            c.ent_type_ in ACTOR_ENTS or (c.dep_ == "compound" and self.actor_noun(c))
            for c in tok.lefts
            if c.dep_ in ("amod", "compound", "poss")
        )

    def actor_noun(self, tok: Token) -> bool:
        return self.lex.in_class("actor", tok.lemma_.lower())

    def regroup(self, tok: Token) -> Token:
        """ "thousands of students" -> students: the counted group is the actor."""
        for _ in range(3):
            if tok.lemma_.lower() not in GROUP_WORDS and tok.pos_ != "NUM":
                break
            pobj = next(
                (
                    g
                    for p in tok.children
                    if p.lower_ == "of"
                    for g in p.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
            if pobj is None:
                break
            tok = pobj
        return tok

    def inside(self, tok: Token, levels: int = 2) -> Token | None:
        """``tok`` if it names an actor, else an actor inside it ("positions of the forces")."""
        if tok.lower_ in OBJECT_PRONOUNS and tok.dep_ in ("dobj", "dative"):
            return self.object_antecedent(tok.head, tok)  # "the army attacked them"
        tok = self.regroup(self.relative_antecedent(tok))
        if self.actor_like(tok):
            return tok
        if levels == 0:
            return None
        for child in tok.children:
            if child.dep_ == "poss" and child.pos_ != "PRON":
                return child
            if child.dep_ in ("amod", "compound") and child.ent_type_ in ACTOR_ENTS:
                return child
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in INSIDE_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and (found := self.inside(pobj, levels - 1)):
                        return found
            if child.dep_ == "acl":  # "crimes committed by X", "lines leading into Y"
                for prep in child.children:
                    if prep.dep_ in ("agent", "prep") and prep.lower_ in INSIDE_PREPS | {"by"}:
                        for pobj in prep.children:
                            if pobj.dep_ == "pobj" and (found := self.inside(pobj, levels - 1)):
                                return found
                if (found := self.intended_object(child, levels)) is not None:
                    return found
            if (found := self.relative_doer(tok, child)) is not None:
                return found
        return None

    def relative_doer(self, noun: Token, clause: Token) -> Token | None:
        """ "the raid that X carried out": the subject of a relative clause on an act, where
        the relative pronoun is its object, did the act (not on a place or thing: "the town
        which X shelled")."""
        finite = clause.dep_ == "relcl" or (clause.dep_ == "acl" and clause.tag_ in FINITE_TAGS)
        if not finite or noun.lemma_.lower() not in self.event_nouns:
            return None
        if any(c.dep_ == "dobj" for c in clause.children):
            return None
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ in RELATIVES or subj.lower_ in PRONOUNS:
            return None
        return self.regroup(subj) if self.actor_like(self.regroup(subj)) else None

    @staticmethod
    def relative_antecedent(tok: Token) -> Token:
        """What a relative clause's pronoun stands for: "the town which rebels shelled" -> town,
        "X, whose troops were attacked" -> X (the owner of the troops)."""
        clause = tok.head
        owned = any(c.dep_ == "poss" and c.lower_ == "whose" for c in tok.children)
        if owned or tok.lower_ in RELATIVES:
            while clause.dep_ != "relcl" and clause.head != clause and clause.pos_ != "VERB":
                clause = clause.head
            if clause.dep_ == "relcl":
                return clause.head
        return tok

    def intended_object(self, acl: Token, levels: int) -> Token | None:
        """The actor an act named by a noun's "to" clause falls on: "a proposal to join a
        council of X", "a plan to attack X" (the clause's object, or an actor inside it)."""
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in acl.children)
        if acl.pos_ != "VERB" or not infinitive:
            return None
        for obj in (c for c in acl.children if c.dep_ == "dobj" and not self.own_thing(c)):
            if (found := self.inside(obj, levels - 1)) is not None:
                return found
        return None

    # ------------------------------------------------------------ roles

    def subject(self, verb: Token) -> Token | None:
        """The agent of ``verb``: its subject, else its controller's or its speaker's."""
        cur: Token | None = verb
        for _ in range(6):
            if cur is None:
                return None
            deps = {c.dep_: c for c in cur.children}
            if "agent" in deps and "nsubj" not in deps:  # "shortened by one hour": no agent
                pobj = _pobj(deps["agent"])
                return pobj
            if "nsubjpass" in deps:
                # "X is expected to sign": X is the one who signs
                return deps["nsubjpass"] if "xcomp" in deps else None
            subj = deps.get("nsubj")
            if subj is not None:
                if subj.lower_ in RELATIVES and cur.dep_ == "relcl":
                    return cur.head
                if subj.lower_ in PRONOUNS:
                    found = self.speaker(cur) or self.antecedent(cur, subj.lower_)
                    return found or self.previous_subject(subj) or subj
                return self.owner(cur, subj) or self.event_agent(subj) or self.regroup(subj)
            if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.head.pos_ == "VERB":
                host = cur.head.head
                controller = self.gerund_controller(host, cur.head)
                if controller is not None:
                    return controller
                cur = host
            elif cur.dep_ in INHERIT_SUBJECT_DEPS and cur.head != cur:
                cur = cur.head
            elif cur.dep_ in ("relcl", "acl") and cur.head != cur:
                if self.actor_like(cur.head) or cur.head.head == cur.head:
                    return cur.head
                cur = cur.head.head  # "issued a declaration demanding ...": the issuer
            else:
                return self.fronted_subject(cur)
        return None

    def gerund_controller(self, verb: Token, prep: Token) -> Token | None:
        """Who does the act of a gerund in ``verb``'s phrase. "accused X of shelling", "charged
        X with", "blamed X for", "stopped X from": the object (or a passive's subject) does it;
        "responded by shelling", "after meeting": the verb's own subject (None: walk up)."""
        if prep.lower_ not in OBJECT_CONTROL_PREPS:
            return None
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass") and not self.own_thing(child):
                if child.lower_ in OBJECT_PRONOUNS:  # "accusing it of arming X"
                    return self.object_antecedent(verb, child) or child
                found = self.regroup(child)
                return found if self.actor_like(found) else None
        return None

    def object_antecedent(self, verb: Token, pronoun: Token) -> Token | None:
        """The actor an object pronoun stands for: the nearest earlier actor in its sentence
        that agrees with it and is not its verb's own subject ("X protested to Y, accusing
        it of ...": Y; an object pronoun is never its own clause's subject)."""
        word = OBJECT_PRONOUNS[pronoun.lower_]
        subject = self.subject(verb)
        own = set(subject.subtree) if subject is not None else set()
        for tok in reversed(self.doc[pronoun.sent.start : pronoun.i]):
            if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ == "compound" or tok in own:
                continue
            if tok.ent_type_ in NOT_ACTOR_ENTS or tok.lemma_.lower() in self.event_nouns:
                continue
            if self.agrees(word, tok):  # the nearest that agrees; a thing ("the town") is none
                named_place = tok.ent_type_ in ("LOC", "FAC")
                return tok if self.actor_like(tok) and not named_place else None
        return None

    def fronted_subject(self, verb: Token) -> Token | None:
        """ "After the talks, A and B agreed": a subject that follows a fronted phrase and its
        comma, which the parser hangs on that phrase as a conjunct; only where nothing but the
        verb's auxiliaries stands between it and the verb."""
        for prep in (c for c in verb.lefts if c.dep_ == "prep"):
            for tok in prep.subtree:
                if tok.dep_ != "conj" or tok.pos_ not in ("NOUN", "PROPN"):
                    continue
                comma = tok.left_edge.i - 1
                if comma < 0 or self.doc[comma].text != ",":
                    continue
                between = self.doc[tok.right_edge.i + 1 : verb.i]
                if all(t.head == verb and t.dep_ in ("aux", "neg") for t in between):
                    return tok
        return None

    def antecedent(self, verb: Token, pronoun: str) -> Token | None:
        """The actor a third-person pronoun subject stands for: the nearest governing clause's
        subject that names an actor and agrees in number ("X accepted demands that it ...")."""
        if pronoun not in THIRD_PERSON:
            return None
        plural = pronoun == "they"
        cur = verb
        while cur.head != cur:
            cur = cur.head
            subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or subj.lower_ in PRONOUNS or not self.actor_like(subj):
                continue
            many = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children)
            if many == plural or self.lex.in_class("military", subj.lemma_.lower()):
                return self.regroup(subj)
        return None

    def event_agent(self, subj: Token) -> Token | None:
        """ "The attack on the convoy by rebels killed five": a subject naming an act, not an
        actor, stands for the act's own agent where the act names one."""
        if self.actor_like(self.regroup(subj)):
            return None
        return self.noun_source(subj)

    def previous_subject(self, pronoun: Token) -> Token | None:
        """The actor a pronoun subject with none in its own sentence stands for: a subject of
        the previous sentence, its main clause's first, that agrees in number and in person
        ("The rebels took the town. They then shelled the port"): the previous sentence's
        subject is the likeliest topic carried on."""
        word = pronoun.lower_
        if word not in THIRD_PERSON or pronoun.sent.start == 0:
            return None
        prev = self.doc[pronoun.sent.start - 1].sent
        subjects = [t for t in prev if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
        subjects += [t for t in prev if t.dep_ in ("nsubj", "nsubjpass") and t not in subjects]
        for subj in subjects:
            subj = self.regroup(subj)
            if subj.lower_ not in PRONOUNS and self.actor_like(subj) and self.agrees(word, subj):
                return subj
        return None

    def agrees(self, pronoun: str, tok: Token) -> bool:
        """Whether a pronoun can stand for ``tok``: "they" for a plural or a force, "he" and
        "she" for a person, "it" for a body, state or group named in the singular."""
        many = tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children)
        force = self.lex.in_class("military", tok.lemma_.lower())
        if pronoun == "they":
            return many or force
        if many:
            return False
        person = tok.ent_type_ == "PERSON"
        if pronoun in ("he", "she"):
            return person or (not tok.ent_type_ and not force and tok.pos_ == "NOUN")
        return not person

    def owner(self, verb: Token, subj: Token) -> Token | None:
        """ "X said its troops had withdrawn": a body named only by a pronoun's "its"/"their"
        acts for whoever reports it, as PLOVER codes the owner (with its sector) as source."""
        owner = next(
            (c for c in subj.children if c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS), None
        )
        if owner is None or subj.lemma_.lower() in OTHER_PARTY_NOUNS:
            return None
        # "X denied that its troops had ...": else the nearest governing clause's subject
        return self.speaker(verb) or self.antecedent(
            verb, "it" if owner.lower_ == "its" else "they"
        )

    def speaker(self, verb: Token) -> Token | None:
        """For a pronoun subject in reported speech, who is speaking ("X said it would")."""
        cur = verb
        while cur.dep_ in REPORT_DEPS and cur.head != cur:
            cur = cur.head
            if self.lex.in_class("speech", cur.lemma_.lower()) or self.lex.in_class(
                "cognition", cur.lemma_.lower()
            ):
                subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.lower_ not in PRONOUNS:
                    return subj
        return None

    def target(self, cand: Candidate) -> Token | None:
        """Whom the event is aimed at: passive subject, objects, then prepositional objects."""
        holders = frame_tokens(cand)
        holders += [c for c in cand.clause.children if c.dep_ == "advcl" and c not in holders]
        for tok in holders:
            found = self.target_of(tok, cand)
            if found is not None:
                return found
        found = self.addressee(cand, holders)
        if found is not None or cand.type not in PLACE_TARGET_TYPES:
            return found
        for tok in holders:
            found = self.prep_object(tok, PLACE_PREPS)
            if found is not None:
                return found
        return None

    def state_source(self, cand: Candidate, target: Token) -> Token | None:
        """The country a state act on ``target`` takes place in, when no agent is named."""
        state_act = cand.type in STATE_ACT_TYPES or (
            cand.type == "COERCE" and cand.mode in STATE_COERCE_MODES
        )
        if not state_act or target.ent_type_ == "GPE":
            return None
        places = (pobj for tok in frame_tokens(cand) for pobj in _in_phrases(tok))
        return next((p for p in places if p.ent_type_ == "GPE" and p.i != target.i), None)

    def addressee(self, cand: Candidate, holders: list[Token]) -> Token | None:
        """Whom an event without an object is addressed to, from the clause around it.

        A threat's condition names who must comply ("threatened to X unless Baghdad
        accepted"); a purpose clause's addressee is its governing verb's object
        ("summoned the ambassador to complain").
        """
        if cand.type == "THREATEN":
            for tok in holders:
                for clause in tok.children:
                    if clause.dep_ == "advcl" and _marked(clause, CONDITION_MARKS):
                        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                        if subj is not None and subj.lower_ not in PRONOUNS:
                            return self.inside(subj)
        trig = cand.token
        if trig.pos_ == "VERB" and trig.dep_ in PURPOSE_DEPS and trig.head != trig:
            obj = next((c for c in trig.head.children if c.dep_ == "dobj"), None)
            if obj is not None and not self.own_thing(obj):
                return self.inside(obj)
        return None

    def target_of(self, tok: Token, cand: Candidate) -> Token | None:
        children = list(tok.children)
        if tok.pos_ != "NOUN":
            raised = any(c.dep_ == "xcomp" for c in children)  # "is expected to"
            children += self.shared_object(tok)
            for dep in ("nsubjpass", "dative", "dobj"):
                for child in children:
                    if (
                        child.dep_ == dep
                        and not (raised and dep == "nsubjpass")
                        and not self.own_thing(child)
                        and not self.appositive_object(child)
                        and not (dep == "dobj" and self.moved_thing(tok, child, cand.type))
                    ):
                        found = self.inside(child)
                        if found is not None:
                            return found
            subj = self.ccomp_subject(tok)
            if subj is not None and subj.lower_ not in PRONOUNS:
                found = self.inside(subj)  # "to allow elections to take place": no actor
                if found is not None:
                    return found
        elif (found := self.prep_object(tok, ("of",))) is not None:
            return found  # "invasion of X", "removal of X"
        objects = [c for c in children if c.dep_ == "dobj"]
        for holder in (tok, *objects, *[c for c in children if c.dep_ == "prt"]):
            found = self.prep_object(holder)
            if found is not None:
                return found
        return None

    def shared_object(self, verb: Token) -> list[Token]:
        """ "arrested and charged X": the object of the next verb joined to ``verb`` by a
        conjunction, where ``verb`` has none and that verb no subject of its own."""
        if any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
            return []
        after = max([verb.i, *(c.i for c in verb.children if c.dep_ == "prt")])
        if after + 2 >= len(self.doc) or self.doc[after + 1].dep_ != "cc":
            return []
        nxt = self.doc[after + 2]
        if nxt.dep_ != "conj" or nxt.head != verb or nxt.pos_ != "VERB":
            return []
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in nxt.children):
            return []
        return [c for c in nxt.children if c.dep_ == "dobj"]

    def moved_thing(self, verb: Token, obj: Token, etype: str = "") -> bool:
        """Troops sent or supplies given are what moves; the target is where they go."""
        lemma = self.regroup(obj).lemma_.lower()
        if etype in FORCE_TYPES and self.lex.in_class("military", lemma):
            return True  # "mobilized reservists for a war against X": X is the target
        if self.lex.in_class("motion", verb.lemma_.lower()) and any(
            c.dep_ == "prep" and c.lower_ in ("to", "into") for c in verb.children
        ):
            return True  # "sent engineers to Peru": the target is where they go
        if self.lex.in_class("withdraw", verb.lemma_.lower()) and any(
            c.dep_ == "prep" and c.lower_ == "from" for c in verb.children
        ):
            return True  # "withdrew inspectors from Iraq": the target is what they leave
        if verb.lemma_ not in AID_VERBS:
            return False
        return self.lex.in_class("military", lemma) or self.lex.in_class("supplies", lemma)

    def appositive_object(self, obj: Token) -> bool:
        """ "refused entry to X, by far the largest group": a verb takes one direct object;
        a second one set off by a comma is an apposition of the phrase before the comma."""
        if obj.dep_ != "dobj":
            return False
        earlier = [c for c in obj.head.children if c.dep_ == "dobj" and c.i < obj.i]
        return any(t.text == "," for e in earlier for t in self.doc[e.right_edge.i : obj.i])

    @staticmethod
    def own_thing(tok: Token) -> bool:
        """ "its troops", "their homes": the subject's own, not a target."""
        return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children)

    def ccomp_subject(self, verb: Token) -> Token | None:
        for child in verb.children:
            if child.dep_ in ("ccomp", "xcomp"):
                return next((g for g in child.children if g.dep_ in ("nsubj", "nsubjpass")), None)
        return None

    def prep_object(self, tok: Token, words: tuple[str, ...] = TARGET_PREPS) -> Token | None:
        # every phrase of each word in order, not only the last: "roads in the district of X in Y"
        preps = [_named_prep(c) for c in tok.children if c.dep_ in ("prep", "dative")]
        fronted = self.fronted_subject(tok) if tok.pos_ == "VERB" else None
        if fronted is not None:  # the fronted phrase is no partner: "With X, A and B agreed"
            preps = [(n, p) for n, p in preps if fronted not in p.subtree]
        for word in words:
            for pobj in (g for n, p in preps if n == word for g in self.objects_of(p)):
                if pobj.dep_ == "pobj" and (found := self.inside(pobj)) is not None:
                    return found
        return None

    def objects_of(self, prep: Token) -> list[Token]:
        """A preposition's objects; one left without its own ("ties with and an embassy in X")
        shares the object of the next conjunct's preposition."""
        own = list(prep.children)
        if own or prep.i + 1 >= prep.sent.end or self.doc[prep.i + 1].dep_ != "cc":
            return own
        later = self.doc[prep.i + 1 : prep.sent.end]
        return [next((t for t in later if t.dep_ == "pobj" and t.head.dep_ == "prep"), prep)]

    def noun_source(self, noun: Token, verb: Token | None = None) -> Token | None:
        """The actor of a nominal trigger: "Russia's attack", "Israeli strikes", "by X".

        ``verb`` is the verb the noun is the subject of when that verb only says the
        event happened ("fighting broke out between X and Y"): its phrases count too.
        """
        for child in noun.children:
            if child.dep_ == "poss" and child.pos_ != "PRON":
                return child
        for child in _dependents(noun, verb):
            if child.dep_ == "prep" and child.lower_ in ("by", "between"):
                return _pobj(child)
        # "the arrest of X by Y": the parser hangs the agent's "by" on the nearer "of" object
        for obj in (g for p in noun.children if p.lower_ == "of" for g in p.children):
            for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "by"):
                return _pobj(prep)
        for child in noun.lefts:
            if child.dep_ in ("amod", "compound") and child.ent_type_ in ACTOR_ENTS:
                return child
        return self.claimant(noun)

    def claimant(self, noun: Token) -> Token | None:
        """ "X claimed responsibility for an ambush": who claims an act did it."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head.dep_ != "dobj":
            return None
        if prep.head.lemma_.lower() not in CLAIMED_NOUNS:
            return None
        return self.subject(prep.head.head)

    def noun_target(
        self, noun: Token, source: Token | None, verb: Token | None = None
    ) -> Token | None:
        for child in _dependents(noun, verb):
            if child.dep_ == "prep" and child.lower_ == "between":
                pobj = _pobj(child)
                conj = next((c for c in pobj.conjuncts), None) if pobj is not None else None
                return conj
        found = (
            self.prep_object(noun)
            or (self.prep_object(verb) if verb is not None else None)
            or self.acted_on(noun)
        )
        return None if found is None or (source is not None and found.i == source.i) else found

    def manner_host(self, noun: Token) -> Token | None:
        """The active verb with an object whose act ``noun`` names the way of ("killed X in an
        attack"); a verb without one ("died in an attack") tells of victims, not of attackers."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in MANNER_PREPS:
            return None
        verb = prep.head
        deps = {c.dep_ for c in verb.children}
        return verb if verb.pos_ == "VERB" and {"nsubj", "dobj"} <= deps else None

    def host_object(self, verb: Token) -> Token | None:
        """The actor ``verb`` acts on, unless its object is a thing of the subject's own."""
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        return None if obj is None or self.own_thing(obj) else self.inside(obj)

    def acted_on(self, noun: Token) -> Token | None:
        """ "the arrest of X": X is acted on; "the deployment of troops" moves, not targets them."""
        found = self.prep_object(noun, ("of",))
        if found is None or self.lex.in_class("military", self.regroup(found).lemma_.lower()):
            return None
        return found


def _marked(clause: Token, marks: frozenset[str]) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)


def _dependents(noun: Token, verb: Token | None) -> list[Token]:
    return [*noun.children, *(verb.children if verb is not None else ())]


def _in_phrases(tok: Token) -> list[Token]:
    """The object of each of ``tok``'s "in" phrases: "arrested in X" -> X."""
    preps = (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "in")
    found = (_pobj(p) for p in preps)
    return [g for g in found if g is not None]


def _named_prep(prep: Token) -> tuple[str, Token]:
    """A preposition by what it says: "out of X" leaves X as "from X" does (the inner "of"
    holds the object)."""
    if prep.lower_ == "out":
        inner = next((c for c in prep.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if inner is not None:
            return "from", inner
    return prep.lower_, prep


def _pobj(prep: Token) -> Token | None:
    """A preposition's object ("in X": X), if the parse gives it one."""
    return next((g for g in prep.children if g.dep_ == "pobj"), None)
