"""Which way a bare "Friday" or "June" points: the tense of its clause."""

from __future__ import annotations

import functools
from itertools import pairwise
from typing import TYPE_CHECKING

from sitrep.annotate.times.resolve import Direction

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

FUTURE_AUX = frozenset({"will", "'ll", "’ll", "wo", "shall"})  # curly "we’ll" too
PAST_TAGS = frozenset({"VBD"})
# "could" is left out: "could not be reached Tuesday" is past
MODALS = frozenset({"would", "might", "may", "should", "must", "can"})
REPORTING = frozenset({"say", "tell", "report", "announce", "state", "claim", "add", "write"})
# verbs of saying and of being told: what is said may lie on either side of the saying
TELLING = REPORTING | {"notify", "warn", "inform", "brief", "predict", "forecast"}
# conjunctions of a time clause ("as soon as", "once", "when")
TIME_MARKS = frozenset({"as", "when", "once", "after", "before", "until", "till"})
DEADLINE_WORDS = frozenset({"until", "till", "by", "through"})
START_WORDS = frozenset({"starting", "beginning"})  # "starting Monday": from a day on
# verbs whose past tense looks like the present: a "VBP" tag on them is no cue
INVARIANT_PAST = frozenset({"hurt", "put", "set", "cut", "hit", "cost", "spread", "shut", "shed"})
# a deadline set or moved "until" a day: the day lies ahead
DEADLINE_VERBS = frozenset({"postpone", "delay", "extend", "give", "adjourn", "defer", "recess"})
# verbs that fix a day for an event yet to come ("planned a march on Saturday"): the day
# lies after the arranging, whatever the tense says (past_arrangement)
ARRANGING = frozenset({"plan", "schedule", "slate"})
# verbs whose object may be the date they fix ("set June 3 as the closing day", "picked
# June 2 for the vote"): the date is what was fixed, before or after the fixing
DATE_SETTING = frozenset({"set", "fix", "pick", "choose", "name"})
# "has set a briefing for Thursday": an arrangement for a coming day
SCHEDULE = ARRANGING | {"expect", "postpone", "delay"}
# implicative and aspectual verbs (Karttunen): "declined to comment Friday", "tried to
# rob a store Thursday", "began to fall Monday" say when the infinitive's event happened
# (or failed to), so it takes their tense; "agreed to meet Friday" looks ahead
# fmt: off
IMPLICATIVE = frozenset({
    "try", "attempt", "begin", "start", "continue", "keep", "stop", "cease", "decline",
    "refuse", "fail", "manage", "neglect", "hesitate", "seem", "appear", "happen", "rush",
    "hurry", "struggle", "bother", "dare",
})
# fmt: on
# prepositions and verbs that set their noun ahead: "ready for the vote", "await the verdict"
TARGET_PREPS = frozenset({"for", "to", "toward", "towards", "before", "until", "till", "by"})
PROSPECTIVE = frozenset({"await", "anticipate", "prepare", "brace", "expect", "plan", "schedule"})
PRESENT_BE = frozenset({"is", "are", "'re", "'s", "am"})
MAX_HOPS = 6  # dependency hops up to a verb: a parse-walk bound, not a setting


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above the token in the parse, within its line: a headline with no
    full stop is parsed into the paragraph below it, whose verb is not its own (an
    extracted article breaks its lines between paragraphs only)."""
    start = token
    hops = 0
    while token.pos_ not in ("VERB", "AUX") and token.head is not token and hops < MAX_HOPS:
        token = token.head
        hops += 1
    if token.pos_ not in ("VERB", "AUX") or _across_lines(start, token):
        return None
    return token


def _across_lines(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any("\n" in t.text_with_ws for t in a.doc[lo:hi])


def verb_direction(verb: Token) -> Direction:
    if temporal_clause_ahead(verb):
        return "future"
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = _auxiliaries(verb)  # "we’ll", "they’re" read as "we'll", "they're"
    if words & FUTURE_AUX or (verb.lower_ in FUTURE_AUX):
        return "future"
    if (
        (
            verb.lemma_ in SCHEDULE
            or (verb.lemma_ == "set" and any(c.lower_ == "for" for c in verb.children))
        )
        and verb.tag_ != "VBD"
        and not past_perfect(verb)
    ):
        return "future"  # "has scheduled a hearing Thursday", "is expected Monday"
    if verb.tag_ in PAST_TAGS or any(c.tag_ in PAST_TAGS for c in aux):
        return "past"
    if verb.tag_ in ("VBN", "VBG") and words & {"has", "have", "had"}:
        return "past"  # "have been moving since"
    if verb.tag_ == "VBN" and not words:
        return "past"  # "has signed", "the decision, announced Friday"
    if verb.tag_ == "VBG" and words & PRESENT_BE:
        return "future"  # "they are meeting Friday": an arrangement
    if _infinitive(verb, words) and verb.dep_ == "xcomp" and any(c.tag_ == "TO" for c in aux):
        if past_perfect(verb.head):
            return "past"  # "had been due to lapse Friday"
        if verb.head.lemma_ in IMPLICATIVE and verb.head.pos_ == "VERB":
            return verb_direction(verb.head)  # "declined to comment Friday": when declining
        return "future"  # "agreed to meet Friday"
    if (
        verb.tag_ in ("VBZ", "VBP")
        and verb.pos_ == "VERB"
        and verb.lemma_ not in REPORTING
        and not (verb.tag_ == "VBP" and verb.lower_ in INVARIANT_PAST)
    ):
        return "future"  # "the leaders meet Monday"
    if _infinitive_relative(verb, words):
        return "future"  # "a rally to be held Saturday", "the talks to open Monday"
    if words & MODALS:
        return "future"  # "would travel Thursday", "could be back by June"
    if verb.dep_ in ("xcomp", "ccomp", "conj", "advcl", "relcl") and verb.head is not verb:
        head = verb.head if verb.head.pos_ in ("VERB", "AUX") else None
        if head is not None and verb.tag_ not in ("VBZ", "VBP"):
            return verb_direction(head)
    return None


# words that rank a noun, whose infinitive tells what happened: "the second crew to land"
RANKS = frozenset({"first", "last", "only", "second", "third", "latest", "next"})


def _infinitive_relative(verb: Token, auxiliaries: set[str]) -> bool:
    """ "a rally to be held Saturday": a "to" infinitive modifying a noun that no rank
    word marks as an event that took place."""
    return (
        verb.dep_ in ("acl", "relcl")
        and "to" in auxiliaries
        and verb.tag_ in ("VB", "VBN")
        and not _ranked(verb.head)
    )


def _ranked(noun: Token) -> bool:
    """ "the last man to leave Friday", "the first summit to take place Monday": an
    infinitive after a ranked noun names an event in the clause's own tense."""
    return any(c.lower_ in RANKS or c.tag_ == "JJS" for c in noun.children)


def _infinitive(verb: Token, auxiliaries: set[str]) -> bool:
    """ "to meet"; and a passive "to be held" under "be" or "due" ("the vote is to be held
    Sunday", "results are due to be announced Tuesday"): "be to" and "due to" set an
    arrangement ahead, as "will" does."""
    if verb.tag_ == "VB":
        return True
    arranging = verb.head.lemma_ == "be" or verb.head.lower_ == "due"
    return verb.tag_ == "VBN" and "be" in auxiliaries and arranging


def temporal_clause_ahead(verb: Token) -> bool:
    """ "would sell once the market reopened Tuesday", "will sign when they meet Friday":
    English puts a time clause under a future or would-clause in the present or past
    tense, so its own tense says nothing; the clause it hangs on points ahead."""
    if verb.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in verb.children
    ):
        return False
    main = governing_verb(verb.head) if verb.head is not verb else None
    if main is None or main is verb or verb_direction(main) != "future":
        return False
    # "are investigating after bodies were found Thursday": a present main clause (read as
    # an arrangement) does not backshift a past time clause, whose own tense then counts
    return not (_past_tensed(verb) and _present_main(main))


def _dated_noun(span: Span) -> Token | None:
    """The noun whose time the expression gives: its head ("a robbery on Monday"), or a
    noun the parse hangs on it as a compound ("a robbery Monday night")."""
    root = span.root
    before = [c for c in root.children if c.dep_ == "compound" and c.i < span.start]
    if before and before[0].pos_ == "NOUN":
        return before[0]
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in AT_PREPS and head.dep_ == "prep":
        head = head.head
    elif root.dep_ not in ("npadvmod", "tmod", "nmod"):
        return None
    return head if head.pos_ == "NOUN" and head is not root else None


def _a_target(noun: Token) -> bool:
    """ "preparing for a vote", "awaiting the verdict": a noun the clause looks ahead to."""
    if noun.dep_ == "pobj":
        return noun.head.lower_ in TARGET_PREPS
    return noun.head.lemma_ in PROSPECTIVE


def _auxiliaries(verb: Token) -> set[str]:
    return {c.lower_.replace("’", "'") for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _past_tensed(verb: Token) -> bool:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in aux)


def _present_main(verb: Token) -> bool:
    """ "police are investigating", "the leaders meet": a present tense with no future or
    modal auxiliary and no "to" before it."""
    aux = _auxiliaries(verb)
    if aux & (FUTURE_AUX | MODALS | {"to"}) or verb.lower_ in FUTURE_AUX:
        return False
    progressive = verb.tag_ == "VBG" and bool(aux & PRESENT_BE)
    return verb.tag_ in ("VBZ", "VBP") or progressive


def past_perfect(verb: Token) -> bool:
    """ "had been scheduled", "had been due to": a verb (or its copula) with "had"."""
    heads = [verb]
    if verb.dep_ in ("acomp", "xcomp", "attr") and verb.head is not verb:
        heads.append(verb.head)  # "had been due", "had been expected"
    return any(
        c.lower_ == "had" and c.dep_ in ("aux", "auxpass") for h in heads for c in h.children
    )


def line_of(span: Span) -> Span:
    """The part of the span's sentence on the span's own line (see governing_verb)."""
    sent, doc = span.sent, span.doc
    start = span.start
    while start > sent.start and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    end = span.end
    while end < sent.end and "\n" not in doc[end - 1].text_with_ws:
        end += 1
    return doc[start:end]


# how a line that is no headline ends: a full stop, a colon ("said on Monday:"), a
# dateline's dash or bracket ("WASHINGTON (AP) --", "(Undated)")
_NOT_HEADLINE_END = frozenset(".!?:;,-_)")
MAX_HEADLINE_WORDS = 16  # a longer line without a full stop is a paragraph cut short


def headline_line(span: Span) -> Span | None:
    """The span's line if it is a headline: a short line of its own, above more text,
    that does not end as a sentence or a dateline does."""
    line = line_of(span)
    doc = line.doc
    if line.start > 0 and "\n" not in doc[line.start - 1].text_with_ws:
        return None  # the line does not begin the line: a sentence after another
    words = [t for t in line if not t.is_space]
    if not words or len(words) > MAX_HEADLINE_WORDS or words[-1].text[-1] in _NOT_HEADLINE_END:
        return None
    last = words[-1]
    after = last.whitespace_ + (doc[last.i + 1].text if last.i + 1 < len(doc) else "")
    if "\n" not in after or not any(not t.is_space for t in doc[last.i + 1 :]):
        return None  # a headline stands above the text, on a line of its own
    return line


def _future_modal(t: Token) -> bool:
    """ "will", "shall": a modal that puts its clause ahead."""
    return t.lower_ in FUTURE_AUX and t.tag_ == "MD"


def headline_direction(line: Span) -> Direction:
    """Which way a headline points. Headlines keep their own tenses: "to" and a verb
    announce what is to come ("Minister to visit plant Friday"), a participle or past
    tells what happened ("Two hurt in crash Sunday"), and the present tells either
    ("Storm hits coast Monday", "Council votes on budget Thursday"): no direction, so
    a weekday is the nearest one."""
    words = [t for t in line if not t.is_space]
    for t, nxt in pairwise(words):
        if (t.tag_ == "TO" and nxt.tag_ == "VB") or _future_modal(t):
            return "future"
    if any(t.tag_ in ("VBD", "VBN") for t in words):
        return "past"
    return None


def sentence_direction(sent: Span) -> Direction:
    """A fallback cue: "will" anywhere, else any past-tense verb."""
    if any(_future_modal(t) for t in sent):
        return "future"
    if any(t.tag_ in PAST_TAGS for t in sent):
        return "past"
    return None


def modifies_a_noun(span: Span) -> bool:
    """ "Wednesday's ruling", "a June agreement": the expression names a noun's time."""
    return span.root.dep_ in ("poss", "compound") and span.root.head.pos_ in ("NOUN", "PROPN")


def names_a_noun(span: Span) -> bool:
    """ "the May 5 vote" too (a date the parse hangs on a noun as a modifier): the
    expression is a premodifier of a noun (modifies_a_noun leaves this one to the clause
    tense, which tells more of a dated day than nothing)."""
    return modifies_a_noun(span) or (
        span.root.dep_ == "nmod" and span.root.head.pos_ in ("NOUN", "PROPN")
    )


def clause_direction(span: Span) -> Direction:
    """Past, future or unknown from the verb governing a time expression."""
    if modifies_a_noun(span):
        # "Wednesday's ruling", "a June agreement": a modifier of a noun, the clause
        # verb says nothing about it
        return None
    due = span.root.head
    if due.lower_ == "due" and due.pos_ == "ADJ" and due is not span.root:
        # "a ruling is due Thursday", "the report, due Friday": a date set ahead, unless
        # said in the past ("was due Thursday")
        return "past" if due.head.tag_ == "VBD" or past_perfect(due.head) else "future"
    before = span.doc[span.start - 1] if span.start > 0 else None
    if said_on(span):
        # "The firm said Monday it will cut jobs", "said on Monday it expects": the day
        # of the saying, whatever verb of the reported clause the parse hangs it on
        return "past"
    verb = governing_verb(span.root)
    direction = verb_direction(verb) if verb is not None else None
    misread = verb_tagged_noun(span)
    if misread is not None and misread.lemma_ not in REPORTING:
        # "Talks resume Monday": a present verb the tagger took for a noun; the present
        # with a day is an arrangement, as "the leaders meet Monday" (verb_direction)
        verb, direction = None, "future"
    if before is not None and before.lower_ in START_WORDS and before.i == span.root.head.i:
        # "Starting Monday, drivers must pay": a start set ahead, unless told in the past
        main = governing_verb(before.head) if before.head.i != before.i else None
        return "past" if main is not None and verb_direction(main) == "past" else "future"
    if before is not None and before.lower_ == "since":
        return "past"  # "since September"
    if before is not None and before.lower_ == "effective":
        # "an office created, effective Feb. 1", "a pact effective June 1": the day something
        # takes effect, set when it is announced, so ahead unless it lies close behind (the
        # tense slack); the clause's own tense is no cue
        return "future"
    if before is not None and before.lower_ in DEADLINE_WORDS and direction != "past":
        return "future"  # "has until Tuesday", "by Jan. 14"
    if _earliest(span) and not (verb is not None and _past_tensed(verb)):
        # "a vote could come as early as Thursday", even after "rejected the plan Tuesday"
        return "future"
    if (
        before is not None
        and before.lower_ in ("until", "till", "through")
        and verb is not None
        and verb.lemma_ in DEADLINE_VERBS
    ):
        return "future"  # "postponed until Monday", "gave him until noon Thursday"
    if direction == "future" and verb is not None and names_a_reported_event(span, verb):
        return "past"
    return direction


# the parse's clause relations: a noun in one of them heads a clause, as a verb does
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "conj", "advcl", "parataxis"})
# what makes a noun a noun phrase's head: "the report", "its strike", "a one-day strike"
NOUN_MARKS = frozenset({"det", "poss", "amod", "nummod", "case"})
SINGULAR_PRONOUNS = frozenset({"he", "she", "it"})
PLURAL_PRONOUNS = frozenset({"we", "they", "i", "you"})


def verb_tagged_noun(span: Span) -> Token | None:
    """ "Talks resume Monday", "The envoy returns Sunday": a word the small model tags as
    a noun that heads a clause, governs the expression (or stands right before it, with
    at most "on" between), has a verb reading in the lemmatizer's WordNet verb list, and
    agrees in number with a subject before it, is that clause's present-tense verb."""
    root, doc = span.root, span.doc
    gap = 2 if span.start >= 2 and doc[span.start - 1].lower_ == "on" else 1
    before = doc[span.start - gap] if span.start >= gap else None
    head = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "on" else root.head
    for token in (head, before):
        if token is None or token.i == root.i or token.pos_ not in ("NOUN", "PROPN"):
            continue
        if token.dep_ in CLAUSE_DEPS and not _noun_marked(token):
            form = present_form(token)
            if form is not None and _agreeing_subject(token, form):
                return token
    return None


def _noun_marked(token: Token) -> bool:
    """Whether the word has what heads a noun phrase: a determiner, a possessive, an
    adjective. A determiner before a compound is the compound's ("The Senate votes
    Thursday": the parse hangs "The" on "votes")."""
    first_compound = min((c.i for c in token.children if c.dep_ == "compound"), default=None)
    for child in token.children:
        if child.dep_ == "det" and first_compound is not None and child.i < first_compound:
            continue
        if child.dep_ in NOUN_MARKS:
            return True
    return False


def present_form(token: Token) -> str | None:
    """ "VBZ" for "testifies" (the verb's "-s" form), "VBP" for "resume" (its base form),
    when the lemmatizer's verb list holds the base; else None."""
    verbs = _verb_index()
    word = token.lower_
    if not verbs or not word.isalpha():
        return None
    if word in verbs:
        return "VBP"
    stems = (word[:-3] + "y", word[:-2], word[:-1]) if word.endswith("s") else ()
    return "VBZ" if any(s in verbs for s in stems if len(s) > 1) else None


@functools.lru_cache(maxsize=1)
def _verb_index() -> frozenset[str]:
    """The base forms of verbs in the loaded lemmatizer's tables (WordNet's verb list);
    empty when the pipeline has no rule lemmatizer."""
    from sitrep.annotate.nlp import load_nlp

    nlp = load_nlp()
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(lookups.get_table("lemma_index").get("verb", ()))


def _agreeing_subject(verb: Token, form: str) -> bool:
    """A subject before the word (a subject or compound child, as the parse of a noun
    phrase has it) whose number agrees with the verb form: "envoy returns", "talks resume"."""
    for child in verb.children:
        if child.i > verb.i or child.dep_ not in ("nsubj", "compound"):
            continue
        if child.pos_ == "PRON":
            plural = child.lower_ in PLURAL_PRONOUNS
            singular = child.lower_ in SINGULAR_PRONOUNS
        else:
            plural = child.tag_ in ("NNS", "NNPS")
            singular = child.tag_ in ("NN", "NNP")
        if (form == "VBZ" and singular) or (form == "VBP" and plural):
            return True
    return False


def _earliest(span: Span) -> bool:
    """ "as early as Thursday", "as soon as Monday": the earliest time something may
    happen, so a time still ahead, whatever other verb of the sentence is past."""
    words = [t.lower_ for t in span.doc[max(0, span.start - 3) : span.start]]
    return words in (["as", "early", "as"], ["as", "soon", "as"])


def set_for(span: Span) -> bool:
    """ "called a meeting for Friday", "set for Thursday": a day right after "for" is the
    day something is arranged for; arranged in the past, it may fall before or after the
    publication date (as in past_arrangement), so the nearest one is meant."""
    root = span.root
    return (
        span.start > 0
        and span.doc[span.start - 1].lower_ == "for"
        and root.dep_ == "pobj"
        and root.head.i == span.start - 1
    )


# words that may stand between a verb of saying and its day: "said on Monday", "said
# late Monday", "said early on Tuesday"
SAID_GAP = frozenset({"on", "late", "early", "earlier", "later"})
MAX_SAID_GAP = 2  # "late on": no more words between


def said_on(span: Span) -> bool:
    """Whether a past verb of saying stands just before the expression, with at most
    "on", "late" or "early" between. News puts the day of the saying right after the
    verb, before the reported clause, and the parse often hangs that day on the
    reported clause's verb instead ("said on Monday it would cut jobs")."""
    i = span.start - 1
    while i >= 0 and span.start - i <= MAX_SAID_GAP and span.doc[i].lower_ in SAID_GAP:
        i -= 1
    if i < 0:
        return False
    verb = span.doc[i]
    return verb.lemma_ in REPORTING and verb.tag_ == "VBD"


def names_a_reported_event(span: Span, verb: Token) -> bool:
    """ "Deputies are looking into a stabbing Friday night", "the arrest comes after a
    robbery on Sunday": the expression dates a noun (an event reported on), not the verb,
    and the clause is in the present with no future marker. The present is then the
    reporting of an event that took place (TimeML: the event's own time), not an
    arrangement, so the day lies behind."""
    head = _dated_noun(span)
    if head is None or _a_target(head):
        return False
    clause = verb
    while clause.tag_ == "VB" and clause.dep_ == "xcomp" and clause.head.lemma_ in IMPLICATIVE:
        clause = clause.head  # "the arrest seems to follow a robbery on Saturday"
    return _present_main(clause) and clause.lemma_ not in SCHEDULE


# prepositions that place an event at a time; "to", "until", "for", "by" set a target
# ("postponed to Nov. 20", "scheduled for Dec. 3"), which may lie ahead of a past verb
AT_PREPS = frozenset({"on", "in", "at", "during"})


def _dated_verb(span: Span) -> Token | None:
    """The verb an expression dates directly ("mailed Dec. 3", "open on April 2"), or None."""
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in AT_PREPS and head.dep_ == "prep":
        head = head.head
    elif root.dep_ not in ("npadvmod", "tmod", "obl"):
        return None
    return head if head.pos_ in ("VERB", "AUX") else None


def firmly_past(span: Span, telling: bool = True) -> bool:
    """ "The package was mailed Dec. 3", "was found on Oct. 30": the expression modifies a
    past-tense verb itself, so it cannot lie well after the publication date.

    With ``telling`` false a verb of saying does not count: "was told of a cut in
    supplies in December" hangs a bare month on "told" in the parse, yet the month is
    the cut's, which may lie ahead. "Since December" is behind whatever the tense."""
    if span.start > 0 and span.doc[span.start - 1].lower_ == "since":
        return True
    head = _dated_verb(span)
    if head is None or head.lemma_ in SCHEDULE | DEADLINE_VERBS | DATE_SETTING:
        return False
    if not telling and head.lemma_ in TELLING and not before_the_report(span, head):
        return False
    aux = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    past_aux = head.tag_ == "VBN" and any(c.tag_ == "VBD" for c in aux)
    return (
        head.tag_ == "VBD"
        or past_aux
        or _a_finite_participle(head, aux)
        or _perfect(head)
        or _a_reduced_relative(head, aux)
    )


def _a_finite_participle(verb: Token, aux: list[Token]) -> bool:
    """ "The board approved in May ...": a sentence's own verb with a subject and no
    auxiliary is finite, so a participle tag on it is a simple past mistagged."""
    return (
        verb.tag_ == "VBN"
        and not aux
        and verb.dep_ == "ROOT"
        and any(c.dep_ == "nsubj" for c in verb.children)
    )


def _a_reduced_relative(verb: Token, aux: list[Token]) -> bool:
    """ "the summit held in February", "a report released on May 2": a bare participle
    after its noun is a passive told of, not arranged (an arrangement takes "to be" or a
    verb of scheduling, which firmly_past leaves out)."""
    return verb.tag_ == "VBN" and not aux and verb.dep_ == "acl"


def _perfect(verb: Token) -> bool:
    """ "has been found in May", "seems to have been taken in March": the perfect puts
    the event before its reference time, so the day or month it is dated by lies behind
    ("will have finished by June" is left out: a future or modal perfect)."""
    words = _auxiliaries(verb)
    return (
        verb.tag_ == "VBN"
        and bool(words & {"has", "have", "'ve"})
        and not (words & (FUTURE_AUX | MODALS))
    )


def before_the_report(span: Span, verb: Token) -> bool:
    """ "announced in March that it would close": an expression between a verb of saying
    and the clause it reports stands outside that clause, so it dates the saying (one
    after the clause, "said it would close in March", may be the clause's own). One put
    before the verb ("In May, officials said the plant would close") is outside it too."""
    if span.end <= verb.i:
        return True
    report = [c for c in verb.children if c.dep_ == "ccomp"]
    return verb.i < span.start and any(c.left_edge.i >= span.end for c in report)


def dates_a_predicate_noun(span: Span) -> bool:
    """ "The death appears to be a shooting Saturday", "It is an arson Tuesday night": a
    day hung on "be" that has a noun predicate dates that noun's event, which was told
    of, not arranged; the present "be" (or "appears") then says nothing of its side of
    the publication date (present_copula reads "the hearing is Friday", with no noun)."""
    root = span.root
    head = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "on" else root.head
    if root.dep_ not in ("npadvmod", "pobj", "tmod") or head.lemma_ != "be":
        return False
    return any(c.dep_ == "attr" and c.pos_ == "NOUN" for c in head.children)


def firmly_future(span: Span) -> bool:
    """ "The bridge will open on April 2", "talks will resume in January": the expression
    modifies a verb that has "will" or "shall" itself, so it cannot lie well before the
    publication date (the counterpart of firmly_past)."""
    head = _dated_verb(span)
    return head is not None and bool(_auxiliaries(head) & FUTURE_AUX)


def past_arrangement(span: Span) -> bool:
    """ "Farmers planned a march on Saturday", "a vigil planned for Saturday was called off":
    a day arranged in the past lies after the arranging, so neither the past tense nor the
    plan says on which side of the publication date; the nearest such day is meant."""
    if _an_arranged_noun(span) or _an_awaited_noun(span):
        return True
    verb = governing_verb(span.root)
    if verb is None or verb.lemma_ not in ARRANGING or verb.i > span.start:
        return False  # "On Friday, the town planned ...": the day of the planning
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD" or past_perfect(verb) or any(c.tag_ == "VBD" for c in aux):
        return True  # "planned", "had planned", "was scheduled"
    if verb.tag_ != "VBN" or verb.dep_ != "acl":
        return False
    clause = governing_verb(verb.head)  # the verb of the noun the participle modifies
    return clause is not None and verb_direction(clause) == "past"


def _an_arranged_noun(span: Span) -> bool:
    """ "Saturday's planned march", "the scheduled vote on Monday": the day of a noun that
    a participle of arranging marks as set ahead of the telling, on either side of it."""
    root = span.root
    noun = root.head if root.dep_ in ("poss", "compound") else _dated_noun(span)
    if noun is None or noun is root or noun.pos_ != "NOUN":
        return False
    return any(c.dep_ == "amod" and _arranging(c) and c.i < noun.i for c in noun.children)


# words whose "of" or "for" object is an event still to come when they happen: "ahead of
# Sunday's vote", "on the eve of the summit on Friday", "waiting for Friday's report"
AWAITING = frozenset({"ahead", "anticipation", "eve", "advance", "wait", "prepare", "preparation"})


def _an_awaited_noun(span: Span) -> bool:
    """ "Parties held rallies ahead of Sunday's vote", "markets waited for Friday's
    figures": the day dates an event the clause's own event came before, so the clause
    tense does not say on which side of the publication date the day lies."""
    root = span.root
    noun = root.head if root.dep_ in ("poss", "compound") else _dated_noun(span)
    if noun is None and span.start >= 2 and span.doc[span.start - 1].lower_ == "on":
        # "ahead of the vote on Sunday": the parse often hangs "on Sunday" on the verb
        noun = span.doc[span.start - 2]
    if noun is None or noun.i == root.i or noun.pos_ != "NOUN":
        return False
    if noun.dep_ == "dobj":
        return noun.head.lemma_ in ("await", "anticipate")
    if noun.dep_ != "pobj":
        return False
    # not "before": "prices rose before Friday's auction" keeps the clause's past
    return noun.head.head.lemma_ in AWAITING


def _arranging(token: Token) -> bool:
    """ "planned", "scheduled": a participle of arranging, tagged a verb or an adjective (an
    adjective keeps its own form as lemma, so the "-ed" is cut: "planned" -> "plan")."""
    cut = token.lower_.removesuffix("ned") if token.lower_.endswith("nned") else token.lower_
    return token.lemma_ in ARRANGING or cut.removesuffix("d") in ARRANGING


def present_copula(span: Span) -> bool:
    """ "The hearing is on Friday", "He is due in court Thursday": a weekday said of in the
    present tense of "be" is the coming one (a schedule), as with "the leaders meet Monday"."""
    root = span.root
    # the weekday hangs on the verb itself ("is Friday", "is on Friday"); not a noun's
    # modifier ("before Friday's talks")
    head = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "on" else root.head
    verb = head if root.dep_ in ("npadvmod", "attr", "pobj") else None
    return (
        verb is not None
        and verb.lemma_ == "be"
        and verb.tag_ in ("VBZ", "VBP")
        and verb.dep_ not in ("aux", "auxpass")
    )


# what else a copula may carry when the date is its whole predicate: its subject,
# punctuation, a conjunction ("but the vote is in May"), "still" or "now"
_BARE_COPULA_DEPS = frozenset({"nsubj", "punct", "cc", "advmod", "mark"})


def dated_copula(span: Span) -> bool:
    """ "The deadline is Dec. 31", "The election is in November": a date or month that is
    the whole predicate of a present "be" names when something is set to happen, so it
    lies ahead (TimeML reads the tense of the governing verb). Not "sales are up 5% in
    November", where the month dates a figure: the copula has another predicate."""
    root = span.root
    prep = root.head if root.dep_ == "pobj" and root.head.lower_ in ("on", "in") else None
    verb = prep.head if prep is not None else root.head
    if root.dep_ not in ("npadvmod", "attr", "pobj") or verb.i == root.i:
        return False
    if verb.lemma_ != "be" or verb.tag_ not in ("VBZ", "VBP") or verb.dep_ in ("aux", "auxpass"):
        return False
    branch = prep if prep is not None else root
    # spaCy makes a new Token on each access: compare positions, not identity
    return all(c.i == branch.i or c.dep_ in _BARE_COPULA_DEPS for c in verb.children)
