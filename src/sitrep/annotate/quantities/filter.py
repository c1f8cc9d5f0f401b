"""Numbers that are not quantities: years, dates, times, names, ids, list markers.

These checks need the parsed Doc (entity labels, parts of speech) and only
apply to bare numbers: "$2019" or "2019 tonnes" is a quantity whatever it looks like.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.annotate.quantities.chrome import CLOCK_AFTER, counter_line, counter_word
from sitrep.annotate.quantities.unit_words import lexicon, measure_nouns

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from sitrep.annotate.quantities.drafts import Draft

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?"
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\.?,?\s+(?:the\s+)?$")
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s*(?:of\s+)?,?\s*{_MONTH}\b\.?")
_CALENDAR = re.compile(rf"\b(?:{_MONTH}|{_WEEKDAY})\b|\b1\d{{3}}\b|\b20\d\d\b|\d0s\b")
_YEAR_LEAD = frozenset(
    [
        "in",
        "since",
        "by",
        "until",
        "till",
        "of",
        "from",
        "to",
        "between",
        "and",
        "before",
        "after",
        "during",
        "early",
        "late",
        "mid",
        "year",
        "years",
        "fiscal",
        "circa",
        "around",
        "the",
        "this",
        "that",
        "last",
        "next",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "season",
        "class",
        "vintage",
        "'s",
    ]
)
_LIST_MARKER = re.compile(r"(?:^|\n)[ \t]*(?:\(|#)?$")
_LIST_AFTER = re.compile(r"[.)]\s")
# a North American number may open with its trunk "1-" ("1-800-555-0199")
_PHONE = re.compile(
    r"(?:(?:\+\d{1,3}|(?<![\d,.])1(?=[.-]\d{3}[.-]))[\s.-]?)?\(?\d{2,4}\)?[\s.-]\d{3}[.-]\d{3,4}\b"
    r"|\+\d{1,3}(?:[\s.-]\d{2,5}){2,}"
    r"|(?<![\d,.])0\d{2,4}(?:\s\d{3,4}){1,2}\b"  # a trunk prefix: "0161 496 0000"
    r"|(?<![\d,.])1\s\d{3}\s\d{3}\s\d{4}\b"  # a North American number spaced: "1 800 555 0199"
    r"|(?<![\d,.$€£-])[2-9]\d{2}-(?:\d{4}|[A-Z]{4})\b(?!-\d)"  # a local one: "555-0142"
)
# a range is written in round figures ("300-1000"); a local phone number's last four
# digits are not
_ROUND_ENDS = 50
_NAME_ENTS = frozenset(
    {"PERSON", "ORG", "PRODUCT", "FAC", "WORK_OF_ART", "LAW", "EVENT", "GPE", "LOC", "NORP"}
)
_RANK_TIERS = frozenset({"top", "bottom"})
_ID_DIGITS = 10  # a run of ten digits or more, unseparated, is an id or a timestamp
_SOFT_LABELS = frozenset({"week", "season", "round", "game", "match", "year", "day"})
_DURATION_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute"})


def phone_spans(text: str) -> list[tuple[int, int]]:
    if not any(ch in text for ch in "+-.(0"):
        return []
    return [m.span() for m in _PHONE.finditer(text) if not _round_range(m.group())]


_LOCAL_DIGITS = re.compile(r"(\d{3})-(\d{4})")


def _round_range(found: str) -> bool:
    """ "300-1000", "250-1500": a range of round figures, not a local phone number."""
    m = _LOCAL_DIGITS.fullmatch(found)
    if m is None:
        return False
    low, high = int(m.group(1)), int(m.group(2))
    return high % _ROUND_ENDS == 0 and low < high


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _calendar_number(text: str, d: Draft, first: Token) -> bool:
    """A day of the month, a year, a clock time or a date written in a DATE entity."""
    atom = d.atoms[0]
    if _MONTH_BEFORE.search(text, max(0, atom.start - 14), atom.start):
        return True
    if _short_year(text, atom.start, atom.end):
        return True
    last = d.atoms[-1]
    if last.value is not None and last.value <= 31 and _MONTH_AFTER.match(text, last.end):
        return True
    if CLOCK_AFTER.match(text, last.end):
        return True
    if first.ent_type_ in ("DATE", "TIME"):
        ent = _entity_of(first)
        if ent is not None and _CALENDAR.search(ent.text):
            return True
    return False


def _short_year(text: str, start: int, end: int) -> bool:
    """ "in '98", "the class of ’04": two digits after an apostrophe that stands for the century."""
    return (
        end - start == 2
        and start >= 1
        and text[start - 1] in "'’"
        and (start < 2 or not text[start - 2].isalnum())
    )


def _entity_of(tok: Token) -> Span | None:
    """The entity around ``tok``, walked through IOB tags (no pass over doc.ents)."""
    doc = tok.doc
    if not tok.ent_type_:
        return None
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _year(text: str, d: Draft, first: Token, has_counted: bool) -> bool:
    """ "in 2019", "the 2019 season", "1700 and 1850": a plain four-digit year."""
    atoms = [a for a in d.atoms if a.plain and a.value is not None and 1000 <= a.value < 2200]
    if not atoms or any(text[a.start : a.end].__len__() != 4 for a in atoms):
        return False
    prev = first.doc[first.i - 1].lower_ if first.i > 0 else ""
    return not has_counted or prev in _YEAR_LEAD or first.ent_type_ == "DATE"


def _named(text: str, tok: Token, prev: Token | None, d: Draft, counted_head: Token | None) -> bool:
    """ "iPhone 11", "S&P 500", "category 4", "787 Dreamliner", "Morlaix, 58,": not amounts."""
    if tok.ent_type_ in _NAME_ENTS and tok.ent_type_ != "NORP" and not _bare_count_entity(tok):
        return True
    if tok.pos_ == "PROPN" and d.atoms[0].kind == "words":
        return True
    if _names_noun_before(tok):
        return True
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if d.atoms[0].plain and nxt is not None and _model_name_after(tok, nxt):
        return True
    if d.atoms[0].plain and _headed_name(tok):
        return True
    if prev is None:
        return False
    if prev.pos_ == "PROPN" and prev.whitespace_ and prev.ent_type_ != "NORP":
        # "S&P 500 index", "Game 7 win": a count above one agrees with a plural noun
        return (
            counted_head is None or counted_head.pos_ == "PROPN" or _singular_noun(counted_head, d)
        )
    if _label_before(prev) and prev.pos_ not in ("VERB", "AUX"):
        # "category 4 hurricane" is a label; "the past week 5 people died" is not; a label
        # is a noun, so "the rooms measure 120 sq yds" and "they train 500 troops" count
        soft = prev.lower_ in _SOFT_LABELS and not prev.text[:1].isupper()
        return not (soft and counted_head is not None and counted_head.tag_ == "NNS")
    if _series_length(text, tok):
        return True
    if _series_position(tok, prev, d, counted_head):
        return True
    if prev.text == "," and prev.i > 0 and doc[prev.i - 1].pos_ == "PROPN":
        return counted_head is None and (nxt is None or nxt.text in (",", ")", ";", "."))
    return False


# tags of a noun before a label's number: the parse may tag "lap" as a base verb, which
# never follows a preposition; a gerund does ("after removing four" counts)
_POSITION_NOUN_TAGS = frozenset({"NN", "VB"})


def _series_position(tok: Token, prev: Token, d: Draft, counted_head: Token | None) -> bool:
    """ "on lap 12", "in row 5", "at exit 3": a whole number the parse hangs on the
    singular noun just before it, which a preposition takes, names one of a series (a
    count comes before what it counts); a noun of a property or an amount takes its
    value after it ("at age 85", "at magnitude 6"). reconcile reads such positions from
    the text itself (``reconcile.quantities.series_positions``)."""
    if counted_head is not None or d.value is None or d.value != int(d.value):
        return False
    if not (d.atoms[0].plain or d.atoms[0].kind == "words") or len(d.atoms) > 1:
        return False
    if tok.head.i != prev.i or prev.tag_ not in _POSITION_NOUN_TAGS or not prev.is_lower:
        return False
    if not prev.is_alpha or prev.lower_ in measure_nouns():
        return False
    doc = tok.doc
    k = prev.i - 1
    if k > 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 0 and doc[k].tag_ == "IN"


# verbs whose object is a number to reach someone at: "called 911", "dial 999"
_DIAL_VERBS = frozenset({"call", "dial", "contact", "ring", "phone", "text"})


def _dialled(tok: Token, counted_head: Token | None) -> bool:
    """ "a woman called 911", "text 8080": a bare number that a verb of calling takes
    as its object is the number called, not an amount ("called 12 witnesses" counts)."""
    return (
        counted_head is None
        and tok.dep_ in ("dobj", "pobj", "npadvmod", "attr")
        and tok.head.pos_ == "VERB"
        and tok.head.lemma_.lower() in _DIAL_VERBS
    )


def _bare_count_entity(tok: Token) -> bool:
    """ "sources, 104 passengers": a name entity made of digits alone, on a number that
    counts the plural noun after it, is the tagger's slip; "Apollo 11 crews" names."""
    ent = _entity_of(tok)
    return (
        ent is not None
        and tok.dep_ == "nummod"
        and tok.head.tag_ == "NNS"
        and tok.head.i > tok.i
        and all(t.like_num and not t.is_alpha for t in ent)
    )


def _series_length(text: str, tok: Token) -> bool:
    """ "Photo 3 of 12", "page 2 of 5": the number after "of" that follows a label's
    number is the length of the series that label numbers, part of the label."""
    doc = tok.doc
    if tok.i < 3 or counter_word(text, tok.idx) is None:
        return False
    return _label_before(doc[tok.i - 3]) or _names_noun_before(doc[tok.i - 2])


def _label_before(prev: Token) -> bool:
    """A label word before the number; "No." and "Vol." may be split from their stop."""
    labels = lexicon().labels
    if prev.lower_ in labels:
        return True
    if prev.text != "." or prev.i == 0:
        return False
    word = prev.doc[prev.i - 1]
    return not word.whitespace_ and word.lower_ + "." in labels


def _names_noun_before(tok: Token) -> bool:
    """ "USB 3.0", "iPhone 12", "Photo 5 of 12": a number the parse attaches to the name just
    before it labels that name; a count comes before what it counts. Lower-case nouns are
    left to the label words: "age 85" and "magnitude 5.9" measure."""
    head = tok.head
    return (
        tok.dep_ == "nummod"
        and head.i == tok.i - 1
        and (head.pos_ == "PROPN" or (head.pos_ == "NOUN" and head.text[:1].isupper()))
        and tok.like_num
        and not tok.is_alpha
    )


def _headed_name(tok: Token) -> bool:
    """ "the sp 500 is set", "Form 10": a number that heads a noun compound names a thing;
    a count modifies its noun instead ("the 10 players")."""
    return any(
        c.dep_ == "compound" and c.i < tok.i and c.pos_ in ("NOUN", "PROPN") for c in tok.children
    )


def _singular_noun(head: Token, d: Draft) -> bool:
    """A count above one before a singular noun, unless hyphen-glued ("a two-car train")."""
    glued = head.i > 0 and head.doc[head.i - 1].text == "-"
    return head.tag_ == "NN" and not glued and d.value is not None and abs(d.value) > 1


def _model_name_after(tok: Token, nxt: Token) -> bool:
    """ "787 Dreamliner", "12 Mini": a capitalised word glued to a plain number names a model."""
    return (
        tok.whitespace_ != ""
        and nxt.text[:1].isupper()
        and nxt.is_alpha
        and nxt.ent_type_ not in ("NORP", "GPE")
        and not nxt.is_sent_start
        and not _counts_named_things(tok, nxt)
    )


def _counts_named_things(tok: Token, nxt: Token) -> bool:
    """ "40 Lisbon dockers", "12 Labour councillors", "the 27 EU member states": a name
    between a number and a plural noun (maybe through the compound nouns that the parse
    hangs on it) qualifies what is counted; in "three more 320 Neo planes" a count comes
    before."""
    doc = tok.doc
    k = nxt.i
    while k < len(doc) and doc[k].is_alpha and (doc[k].text[:1].isupper() or _compound(doc[k])):
        k += 1
    if k >= len(doc) or doc[k].tag_ != "NNS":
        return False
    return not any(t.like_num for t in doc[max(0, tok.i - 3) : tok.i])


def _compound(tok: Token) -> bool:
    """A noun the parse hangs on a later noun as a compound ("member" in "member states")."""
    return tok.dep_ == "compound" and tok.pos_ == "NOUN" and tok.head.i > tok.i


_ONE_PRONOUN_LEAD = frozenset(
    [
        "the",
        "same",
        "each",
        "every",
        "this",
        "that",
        "any",
        "no",
        "which",
        "another",
        "only",
        "little",
        "such",
    ]
)


_ONE_ADJ_LEAD = _ONE_PRONOUN_LEAD | {"a", "an"}


def _pronoun_one(tok: Token) -> bool:
    """ "the same one", "each one", "one 52,000-barrel refinery": not the number 1."""
    doc = tok.doc
    if tok.pos_ not in ("NUM", "DET"):
        return True
    if tok.dep_ == "nummod" and tok.head.pos_ == "NOUN" and tok.head.i == tok.i + 1:
        return False  # "only one person died": it counts the noun after it
    if tok.i > 0 and doc[tok.i - 1].lower_ in _ONE_PRONOUN_LEAD:
        return True
    if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "another":
        return True  # "against one another": a reciprocal pronoun
    if tok.i > 1 and doc[tok.i - 1].pos_ == "ADJ" and doc[tok.i - 2].lower_ in _ONE_ADJ_LEAD:
        return True  # "the old one", "a bigger one"
    return tok.i + 1 < len(doc) and doc[tok.i + 1].like_num


def _address(doc_tok: Token) -> bool:
    """ "10 Downing Street", "482 Elmwood Road"."""
    doc = doc_tok.doc
    streets = lexicon().streets
    for k in range(doc_tok.i + 1, min(len(doc), doc_tok.i + 5)):
        tok = doc[k]
        if tok.lower_ in streets and tok.text[:1].isupper() and k > doc_tok.i + 1:
            return True
        if not (tok.text[:1].isupper() or tok.text[:1].isdigit() or tok.text in ("-", ".")):
            return False
    return False


def is_quantity(
    text: str,
    d: Draft,
    first: Token,
    counted_head: Token | None,
    phones: list[tuple[int, int]],
) -> bool:
    """Whether draft ``d`` (whose first number token is ``first``) is a real quantity."""
    if "score" in d.flags:
        return False
    if (
        d.unit_kind == "time"
        and text[d.atoms[-1].end : d.atoms[-1].end + 1] == "-"
        and (d.unit in _DURATION_UNITS)
    ):
        return False  # "a five-year plan": a modifier, left to the time layer
    if not d.bare or d.atoms[0].kind in ("vague", "fraction"):
        return True
    if _in_spans(d.atoms[0].start, phones) or counter_line(text, d.atoms[0].start):
        return False
    lone_one = text[d.atoms[0].start : d.atoms[0].end].lower() == "one"  # not "one million"
    if lone_one and _pronoun_one(first):
        return False
    if _calendar_number(text, d, first) or _year(text, d, first, counted_head is not None):
        return False
    prev = first.doc[first.i - 1] if first.i > 0 else None
    if _named(text, first, prev, d, counted_head):
        return False
    if counted_head is None and prev is not None and prev.lower_ in _RANK_TIERS:
        return False  # "slipped into the bottom three": a place in a ranking, no count
    if _dialled(first, counted_head):
        return False
    atom = d.atoms[0]
    if atom.plain and atom.end - atom.start >= _ID_DIGITS:
        return False  # "1449075600": a timestamp or an id; amounts this big get separators
    if (
        atom.plain
        and _LIST_MARKER.search(text, max(0, atom.start - 3), atom.start)
        and (_LIST_AFTER.match(text, atom.end))
    ):
        return False
    if (
        atom.plain
        and text[atom.start - 1 : atom.start] == "("
        and text[atom.end : atom.end + 1] == ")"
    ):
        return False
    last_tok = first.doc.char_span(d.atoms[-1].start, d.atoms[-1].end, alignment_mode="expand")
    return not (atom.plain and last_tok is not None and _address(last_tok[-1]))
