"""Measured figures: a value with a unit (age, height, weight, price, duration, share).

What a measured figure is about comes from the words around it: the noun it
qualifies when it is used as an adjective ("a 3-year-old boy", "the 400-pound
gorilla") or the nearest content word before it ("fell 15 feet", "trading at
$6,156", "a payload of 63.8 tonnes"). Values convert to the dimension's base
unit (``data/unit_scales.csv``) so "400-pound" and "181-kg" compare, allowing
half a unit of the last written digit on each side for the rounding of a
conversion.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sitrep import lexicons
from sitrep.annotate.quantities.unit_words import lexicon
from sitrep.models import Quantity
from sitrep.reconcile.coref import Referent
from sitrep.reconcile.lexicon import (
    TOKEN,
    _pairs,
    _words,
    function_words,
    last_word,
    singular,
)

_DIGITS = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_WINDOW = 4  # tokens read before a figure for its unit: a parsing bound, not a setting
# Words after a figure that end it rather than name what it qualifies.
_ENDS = frozenset({
    "when", "who", "whom", "which", "that", "ago", "after", "before", "later", "earlier",
    "into", "with", "old", "each", "per", "apiece", "while", "since", "until", "during",
    "because", "if", "but", "so", "than", "then", "yet",
    # times: "turned 44 last week", "turning 40 soon" name no noun either
    "last", "next", "this", "soon", "now", "today", "yesterday", "already", "still", "also",
    # verbs: "the 21-year-old said" names no noun the figure qualifies
    "said", "says", "told", "added", "was", "is", "had", "has", "will", "would", "can",
})
# Market measures move all the time: differing values are a series, not a clash.
_VOLATILE = frozenset({"price", "fell", "rose", "fell to", "rose to"})


def is_change(measure: str, dimension: str) -> bool:
    """A market's rise or fall by some amount ("down 22 percent", "lost $795"): its size
    depends on a period the claim seldom states, so two changes are not one figure over
    time. "fell 15 feet" is a height, not a change. Positions and scores are indices too:
    "the 20th lap" and "the 33rd lap", a 9-3 and an 8-8 record name different moments,
    never one figure in two values."""
    if dimension in INDEX_DIMENSIONS:
        return True
    return _market(dimension) and measure in _MOVES


INDEX_DIMENSIONS = frozenset({"position", "score"})


def is_volatile(measure: str, dimension: str) -> bool:
    """A price, or a price's rise or fall: "fell 15 feet" is not volatile."""
    return _market(dimension) and measure in _VOLATILE


# Properties of one thing that hold through a story's coverage: how long a trip is, how
# heavy something is (an age holds for a year too, see ``frames``).
_FIXED = frozenset({"journey", "weight"})


def is_fixed(measure: str, dimension: str) -> bool:
    """A measure that does not develop as a story does: reports of it days apart, or two
    values in one report, are one property told differently, not a change."""
    return dimension == "age" or (measure in _FIXED and not _market(dimension))


def _market(dimension: str) -> bool:
    """A money or percent figure, which markets move."""
    return dimension.startswith("money:") or dimension == "percent"


@dataclass(frozen=True, slots=True)
class Scale:
    dimension: str
    factor: float


@dataclass(frozen=True, slots=True)
class MeasureWords:
    scales: dict[str, Scale]
    measures: dict[str, str]
    skip: frozenset[str]


@functools.cache
def measure_words() -> MeasureWords:
    scales = {r["unit"]: Scale(r["dimension"], float(r["factor"]))
              for r in lexicons.rows("unit_scales.csv")}
    return MeasureWords(scales, _pairs("measure_words.csv"), _words("measure_skip.csv"))


@functools.cache
def _unit_kinds() -> dict[str, str]:
    return {u.name: u.kind for u in lexicon().units.values()}


def scale_of(unit: str) -> Scale:
    """The unit's dimension and factor; currencies are their own dimension."""
    found = measure_words().scales.get(unit)
    if found is not None:
        return found
    kind = _unit_kinds().get(unit)
    return Scale(f"money:{unit}" if kind is None else f"{kind}:{unit}", 1.0)


def rounding(value_text: str) -> float:
    """Just under half a unit of the last digit written: "181" -> 0.49, "63.8" -> 0.049
    (so "3" and "4" years still differ)."""
    m = _DIGITS.search(value_text)
    if not m:
        return 0.0
    decimals = len(m.group(1) or "")
    return 0.49 * 10 ** -decimals


@dataclass(frozen=True, slots=True)
class Measure:
    """What a measured figure is about, and the words that say so (their span)."""

    what: str
    span: tuple[int, int] | None
    attributive: bool
    label: str = ""  # how a brief names it, when not ``what`` (a person's name)


def measure_of(
    text: str, q: Quantity, s_start: int, s_end: int,
    names: dict[int, tuple[str, int, str]] | None = None,
) -> Measure | None:
    """The noun a figure qualifies, else the nearest content word before it. ``names``
    maps the start of each person's mention to (entity id, end, name): "the 38-year-old
    Mercer" measures Mercer's age, whatever outlets call him."""
    words = measure_words()
    after = TOKEN.search(text, q.end, s_end)
    if after is not None and after.start() - q.end <= 1 and names and after.start() in names:
        eid, end, name = names[after.start()]
        return Measure(f"@{eid}", (after.start(), end), True, name)
    if after is not None and after.start() - q.end <= 1:
        w = after.group()
        if (w.isalpha() and w.islower() and w not in words.skip and w not in _ENDS
                and not w.endswith("ly")):
            what = words.measures.get(w, stem(w))
            head = _of_what(text, after.end(), s_end)
            if head is None:
                return Measure(what, (after.start(), after.end()), True)
            # "a 40 percent chance of a clean landing", "a 70 percent chance of calm
            # seas": what the measure is of tells two figures apart.
            return Measure(f"{what} of {stem(head.group())}", (after.start(), head.end()), True,
                           text[after.start():head.end()])
    if q.unit == "ordinal" and _WRITTEN_ORDINAL.search(q.text):
        # "from 14th to fourth", "finished 16th": a rank with no noun of its own is a
        # place in a field, whatever word stands before it ("the field", "finished").
        return Measure(RANK, None, False)
    before = list(TOKEN.finditer(text, s_start, q.start))[-_WINDOW:]
    for i in range(len(before) - 1, -1, -1):
        m = before[i]
        w = m.group().lower()
        if not w[0].isalpha() or w in words.skip:
            continue
        if lexicon().unit_for(w) is not None:
            return None  # "2 minutes and 46 seconds": part of a compound figure
        if w in words.measures or (w.isalpha() and (
                m.group().islower() or (q.unit == "ordinal" and i == len(before) - 1
                                        and _heads_line(text, m.start())))):
            what = words.measures.get(w, stem(w))
            if what in _MOVES and _level(before[i:], w):
                what += " to"  # "fell to $5,920" is a level; "fell $1,000" a change
            return Measure(what, (m.start(), m.end()), False)
        return None  # a name or symbol stands between: no measure word in reach
    return None


_MOVES = frozenset({"fell", "rose"})
_THE = re.compile(r"^the\s+", re.IGNORECASE)
RANK = "place"  # what a rank measures ("15th place", "16th position", "from 14th to fourth")
_WRITTEN_ORDINAL = re.compile(
    r"\d(?:st|nd|rd|th)\b|^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$",
    re.IGNORECASE)
# What an attributive measure is of: "of", maybe an article, then lower-case words.
_OF = re.compile(r"\s+of\s+(?:(?:the|a|an|its|their|his|her)\s+)?(?=[a-z])")


def _of_what(text: str, start: int, end: int) -> re.Match[str] | None:
    """The head of an "of" phrase right after a measure noun: the last of up to two
    lower-case content words ("chance of full success" -> "success"), or None."""
    of = _OF.match(text, start, end)
    if of is None:
        return None
    stop_words = function_words()
    head = None
    for n, m in enumerate(TOKEN.finditer(text, of.end(), end)):
        w = m.group()
        if n >= 2 or not (w.isalpha() and w.islower()) or (head and w in stop_words):
            break
        if w not in stop_words:
            head = m
    return None if head is None or head.group() in _OF_PRONOUNS else head


_OF_PRONOUNS = frozenset({"them", "whom", "which", "those", "these", "this", "that", "all"})
# What may stand between a name and its age: "Mercer, 38", "Lund (49)", "Mercer, who
# turned 38", "Lindgren turned 47".
_NAMED_AGE = re.compile(r"^\s*(?:,|\()?\s*(?:(?:who\s+)?(?:turned|turns|is|was)\s+|aged\s+)?$")
INFERRED = "~"  # marks a measure whose subject is guessed from the nearest name
_COREF_CHARS = 300  # how far back "the 37-year-old driver" may refer to a named person


TENURE = "tenure"  # a person's time with a team or a body: "spent six years with the Harriers"
_WITH_CHARS = 40  # how far after a tenure its organisation may be named ("... with the Harriers")


def tenure_subject(
    measure: Measure, text: str, q: Quantity, s_start: int,
    names: dict[int, tuple[str, int, str]], orgs: Sequence[tuple[int, int, str]],
) -> Measure:
    """Whose time with which organisation a tenure is: the person named last before it in
    its sentence ("Mercer spent six years", the "he" of "Mercer was signed by the
    Harriers, where he played five seasons"), read from a capitalised word when the names
    layer missed them, and the organisation named right after it, else last before it.
    Without both, a guess never contradicted ("spent five seasons together")."""
    org = next((o for o in orgs if q.end <= o[0] <= q.end + _WITH_CHARS), None) or next(
        (o for o in reversed(orgs) if o[1] <= q.start), None)
    person = _subject_before(text, q.start, s_start, names, orgs)
    if person is None or org is None:
        return Measure(TENURE + INFERRED, measure.span, False, measure.label)
    # Labelled by the sentence's words ("Mercer's time with Harriers"), keyed by surnames.
    label = f"{person}'s time with {last_word(text[org[0]:org[1]])}"
    return Measure(f"{TENURE} @{person.lower()} {last_word(org[2]).lower()}", measure.span,
                   False, label)


def _subject_before(
    text: str, end: int, s_start: int, names: dict[int, tuple[str, int, str]],
    orgs: Sequence[tuple[int, int, str]],
) -> str | None:
    """The surname of the person named last in ``text[s_start:end]``: a names-layer mention,
    else the last capitalised word outside an organisation's name."""
    people = [(start, v) for start, v in sorted(names.items()) if s_start <= start and v[1] <= end]
    if people:
        start, (_, stop_at, _) = people[-1]
        return last_word(text[start:stop_at]) or None
    stop = function_words()
    for m in reversed(list(TOKEN.finditer(text, s_start, end))):
        w = m.group()
        if (w[0].isupper() and w.isalpha() and len(w) > 2 and w.lower() not in stop
                and not any(a <= m.start() < b for a, b, _ in orgs)):
            return w
    return None


def age_subject(
    text: str, q: Quantity, s_start: int, s_end: int,
    names: dict[int, tuple[str, int, str]] | None = None,
    referents: Sequence[Referent] | None = None,
) -> Measure:
    """Whose age a figure gives: the person named next to it ("Mercer, 38"; "the
    36-year-old Mercer"), else the person last named before it in its sentence or just
    before ("Virtanen crashed. The 37-year-old Finnish driver ..."), else the noun it
    qualifies ("a 3-year-old boy"). ``referents``: pronouns and epithets naming a person
    (see ``coref``): "the 21-year-old" and "the comedian, 47" give that person's age.
    Ages compare by person, whatever each outlet says."""
    people = sorted(names.items()) if names else []
    for r in referents or ():
        if (r.start <= q.start and q.end <= r.end) or (
                r.end <= q.start and _NAMED_AGE.match(text[r.end:q.start])):
            # "the 21-year-old said", "The singer, 52,": the epithet's person, compared
            # only when a cue of theirs matched (see ``coref``).
            key = _person_key(r.name, r.entity_id)
            return Measure(key if r.matched else key + INFERRED,
                           _within((r.start, r.end), s_start, s_end), r.matched,
                           _THE.sub("", text[r.start:r.end]))
    for start, (eid, end, name) in people:
        adjacent_after = q.end <= start <= q.end + 1
        adjacent_before = end <= q.start and bool(_NAMED_AGE.match(text[end:q.start]))
        if adjacent_after or adjacent_before:
            # Labelled by the words the sentence uses, so the label stays in its citation.
            return Measure(_person_key(name, eid), _within((start, end), s_start, s_end),
                           True, text[start:end])
    before = [(start, v) for start, v in people
              if v[1] <= q.start and (start >= s_start or q.start - v[1] <= _COREF_CHARS)]
    if before:
        start, (eid, end, name) = before[-1]
        # Inferred from proximity: kept apart from ages stated by name, never contradicted,
        # and labelled by the figure's own words (the name may stand outside its sentence).
        return Measure(_person_key(name, eid) + INFERRED, _within((start, end), s_start, s_end),
                       False, _noun_after(text, q.end, s_end) or "person")
    noun = _noun_after(text, q.end, s_end)
    if noun:
        return Measure(stem(noun), None, True, noun)
    return Measure("", None, False, "someone")


def _noun_after(text: str, end: int, s_end: int) -> str:
    """The lower-case word right after a figure ("a 3-year-old boy" -> "boy"), or ""."""
    after = TOKEN.search(text, end, s_end)
    if after is not None and after.start() - end <= 1 and after.group().isalpha() \
            and after.group().islower() and after.group() not in _ENDS:
        return after.group()
    return ""


def _person_key(name: str, eid: str) -> str:
    """A person by surname: outlets name one person "Tomas Brink", "Brink" and
    their mentions may resolve to different entities."""
    surname = last_word(name)
    return f"@{surname.lower()}" if surname else f"@{eid}"


_AGE_CUES = re.compile(
    r"(?:(?<=[\w.]),\s+|\((?=\d{1,3}\)))(\d{1,3})(?=,|\))"  # "Lindgren, 47," "Lund (49)"
    r"|\b(?:turned|turning|turns|aged)\s+(\d{1,3})\b(?!\s*(?:%|per|-|million|years?\s+ago))",
    re.IGNORECASE)


def age_mentions(text: str) -> list[tuple[int, int]]:
    """Spans of ages written without a unit: an appositive ("Lindgren, 47, said") or
    after a cue ("turned 38", "aged 60")."""
    out = []
    for m in _AGE_CUES.finditer(text):
        group = 1 if m.group(1) else 2
        value = int(m.group(group))
        if 0 < value < 111:
            out.append((m.start(group), m.end(group)))
    return out


def _within(span: tuple[int, int], start: int, end: int) -> tuple[int, int] | None:
    """A span to cite only when it lies in the figure's sentence."""
    return span if start <= span[0] and span[1] <= end else None


def stem(word: str) -> str:
    """A crude stem so "turned", "turning" and "turns" name one measure."""
    w = singular(word.lower())
    for suffix in ("ing", "ed"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            w = w[: -len(suffix)]
            # "running" -> "run", "transferred" -> "transfer"; not "fall", "pass"
            if w[-1] == w[-2] and w[-1] not in "lsaeiou":
                w = w[:-1]
            return w
    return w


def _level(tokens: list[re.Match[str]], word: str) -> bool:
    """Whether a rise or fall names the level reached ("to", "at", "a low of") rather
    than the size of the move."""
    between = {t.group().lower() for t in tokens[1:]}
    return word in ("low", "high") or bool(between & {"to", "at", "as", "below", "above"})


# Ordinals written in digits ("the 33rd lap", "15th place"), and spelled ones that name a
# rank ("third place"); "first" and "second" are left out, being mostly "the first time"
# and a unit of time.
_ORDINAL = re.compile(
    r"\b(\d{1,3})(?:st|nd|rd|th)\b(?![-‐]\w)"
    r"|\b(third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?=\s+(?:place|position|spot)\b)",
    re.IGNORECASE)
_ORDINAL_WORDS = {"third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
                  "ninth": 9, "tenth": 10}
# An ordinal of a period or a calendar is a time, not a position ("20th century").
_NOT_POSITION = frozenset({"century", "centuries", "anniversary", "birthday", "amendment"})


def _heads_line(text: str, start: int) -> bool:
    """A word at the start of a line: "Lap 23 Orsic crashes" in a timeline."""
    return start == 0 or text[start - 1] == "\n"


# A timeline's entry: "Lap 23 Pavel Orsic crashes his Halden", "Day 3 Talks resume".
_LINE_ITEM = re.compile(r"(?m)^[A-Z][a-z]{2,}[ \t]+(\d{1,3})(?=[ \t]+[A-Z])")


def line_item_mentions(text: str) -> list[tuple[int, int, float]]:
    """Numbered items heading a line, which name one of a series, not a count."""
    return [(m.start(1), m.end(1), float(m.group(1))) for m in _LINE_ITEM.finditer(text)]


def ordinal_mentions(text: str) -> list[tuple[int, int, float]]:
    """Positions and ranks: (start, end, value) of "28th lap", "14th position", "third
    place"; not "20th century", "the 2nd Battalion" (a name) or "1st-degree"."""
    out = []
    for m in _ORDINAL.finditer(text):
        after = TOKEN.search(text, m.end(), m.end() + 30)
        if after is None or after.start() - m.end() > 1:
            continue
        word = after.group()
        if word[0].isupper() or word.lower() in _NOT_POSITION or not word[0].isalpha():
            continue
        value = float(m.group(1)) if m.group(1) else float(_ORDINAL_WORDS[m.group(2).lower()])
        out.append((m.start(), m.end(), value))
    return out


# A score or a record: "a 26-24 win", "went 9-3", "a 41-27-3 record".
_SCORE = re.compile(r"(?<![\w.$£€-])(\d{1,3})-(\d{1,3})(?:-(\d{1,3}))?(?![\w.%-])")
_RESULT_NOUNS = frozenset({
    "win", "wins", "victory", "victories", "loss", "losses", "defeat", "defeats", "draw",
    "tie", "record", "mark", "season", "lead", "score", "triumph", "rout", "home", "road",
    "overtime", "decision", "vote",
})
_RESULT_VERBS = frozenset({"went", "was", "were", "finished", "won", "lost", "beat", "beating",
                           "trailed", "led", "leading", "trailing", "is"})


def score_mentions(text: str) -> list[tuple[int, int, tuple[int, ...]]]:
    """Scores and win-loss records, told by a result noun after them or a verb before
    them; a bare "10-12" is a range, and is left to the quantities layer."""
    out = []
    for m in _SCORE.finditer(text):
        after = TOKEN.search(text, m.end(), m.end() + 30)
        before = list(TOKEN.finditer(text, max(0, m.start() - 20), m.start()))
        noun = after is not None and after.start() - m.end() <= 1 and \
            after.group().lower() in _RESULT_NOUNS
        verb = bool(before) and before[-1].group().lower() in _RESULT_VERBS
        if noun or verb:
            out.append((m.start(), m.end(), tuple(int(g) for g in m.groups() if g is not None)))
    return out


def score_key(parts: tuple[int, ...]) -> float:
    """One number per score, so only the same score compares equal ("26-24" != "26-10")."""
    key = 0.0
    for p in parts:
        key = key * 1000 + p
    return key
