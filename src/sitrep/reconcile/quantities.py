"""Quantity claims: a figure, what it counts and what happened to it, when, and who says so.

The key a figure is compared by is (predicate, counted class, descriptive
modifiers, planned or actual, scope): "rescued 190 passengers" and "354
passengers were freed" share one; "33 terrorists killed" and "1,250
terrorists killed in the last 15 months" do not (the scope differs).
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from itertools import pairwise
from typing import Any

from sitrep.annotate.quantities.changes import moved_to_level, split_changes
from sitrep.annotate.quantities.number_words import number_words
from sitrep.models import Quantity, Span
from sitrep.reconcile.chrome_text import is_chrome
from sitrep.reconcile.claims import Citation, ClaimKey, QuantityClaim
from sitrep.reconcile.context import ArticleContext
from sitrep.reconcile.incidents import clause, incident_words
from sitrep.reconcile.lexicon import TOKEN, claim_lexicon, counted_class, singular
from sitrep.reconcile.measures import (
    TENURE,
    Measure,
    age_mentions,
    age_subject,
    line_item_mentions,
    measure_of,
    measure_words,
    ordinal_mentions,
    rounding,
    scale_of,
    score_key,
    score_mentions,
    stem,
    tenure_subject,
)
from sitrep.reconcile.timeref import granularity, is_since, long_duration

# Tokens read around a figure for what it counts: parsing bounds of a noun phrase's
# reach, not settings (a user tunes what is kept, not how a figure is read).
_WINDOW_BEFORE = 4
_WINDOW_AFTER = 7
_NEAR_APPROX = re.compile(r"^(nearly|almost|close to|just|roughly|about)\b", re.IGNORECASE)
_CLAUSE_BREAK = frozenset({"and", "but", "while", "whereas"})
_PARTITIVE = re.compile(r"\s+of\s+(?:the|them|those|these|whom|its|their|our)\b", re.I)
# "20 of 71 laps": a count out of a stated whole; the whole names what is counted.
_OF_WHOLE = re.compile(r"\s+of\s+(?:the\s+)?(\d[\d,]*)\s", re.I)
_NUMBERISH = re.compile(r"^(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten)$", re.I)


def quantity_claims(ctx: ArticleContext, tolerance: float) -> list[QuantityClaim]:
    claims = []
    chrome: dict[int, bool] = {}  # sentence start -> is chrome (a caption's figure)
    # "fell from 96 kilograms to 88" is one quantity; each value is a claim of its own
    figures = _without_moves(ctx.article.text, split_changes(ctx.article.text,
                                                             ctx.ann.quantities))
    for q in [*figures, *_bare_ages(ctx, figures), *_indices(ctx, figures), *_zeros(ctx),
              *_duration_modifiers(ctx, figures), *_seasons(ctx, figures)]:
        claim = _claim(ctx, q, tolerance)
        if claim is None:
            continue
        s = claim.sentence
        if s.start not in chrome:
            chrome[s.start] = is_chrome(ctx.article.text[s.start:s.end])
        if not chrome[s.start]:
            claims.append(claim)
    return claims


def _without_moves(text: str, figures: list[Quantity]) -> list[Quantity]:
    """The figures but the amount of a move told with the level it reached ("exports
    increased by $4 billion to $52 billion"): the level is the figure reports give and
    compare; the move is only its distance from an earlier level, a second figure that
    would push others out of a brief's list."""
    moves = {id(move) for move, level in pairwise(figures) if moved_to_level(text, move, level)}
    return [q for q in figures if id(q) not in moves]


def _bare_ages(ctx: ArticleContext, figures: list[Quantity]) -> list[Quantity]:
    """Ages the quantities layer leaves without a unit ("Lindgren, 47, said")."""
    measured = [(q.start, q.end) for q in figures if q.unit]
    text = ctx.article.text
    return [
        Quantity(s, e, text[s:e], float(text[s:e]), unit="year of age")
        for s, e in age_mentions(text)
        if not any(a < e and s < b for a, b in measured)
    ]


# "an 11-hour flight", "a two-week trip": a duration written as a modifier, which the
# quantities layer leaves to the time layer ("a five-year plan" is no count).
_DURATION_MODIFIER = re.compile(
    r"^([\d.]+|[a-z]+)-(second|minute|hour|day|week|month|year)$", re.IGNORECASE)


def _duration_modifiers(ctx: ArticleContext, figures: list[Quantity]) -> list[Quantity]:
    """Durations the time layer read as a modifier of a measured noun after them ("the
    11-hour flight" measures the flight), compared like "11 hour flight"; a term of
    other things ("a five-year programme") stays a time."""
    text = ctx.article.text
    taken = [(q.start, q.end) for q in figures]
    measured = measure_words().measures
    out = []
    for t in ctx.ann.times:
        m = _DURATION_MODIFIER.match(t.text)
        noun = TOKEN.match(text, t.end + 1)
        if m is None or not (t.value or "").startswith("P") or text[t.end:t.end + 1] != " " \
                or noun is None or noun.group() not in measured \
                or any(a < t.end and t.start < b for a, b in taken):
            continue
        value = _small_number(m.group(1))
        if value is not None:
            out.append(Quantity(t.start, t.end, t.text, value, unit=m.group(2).lower()))
    return out


def _small_number(number: str) -> float | None:
    """A number written in digits ("11", "11.5") or as one number word ("eight")."""
    word = number_words().get(number.lower())
    if word is not None and word.kind in ("unit", "teen", "ten"):
        return word.value
    return float(number) if number.replace(".", "", 1).isdigit() else None


_SEASONS = re.compile(r"\b(\d{1,2}|[a-z]+)\s+seasons?\b", re.IGNORECASE)


def _seasons(ctx: ArticleContext, figures: list[Quantity]) -> list[Quantity]:
    """Counts of seasons ("played eight seasons"), which the layers read as a time
    word, not a figure: measured in seasons, kept when they are someone's tenure."""
    text = ctx.article.text
    taken = [(q.start, q.end) for q in figures if q.unit or q.counted]
    out = []
    for m in _SEASONS.finditer(text):
        value = _small_number(m.group(1))
        if value is not None and not any(a < m.end() and m.start() < b for a, b in taken):
            out.append(Quantity(m.start(), m.end(), m.group(), value, unit="season"))
    return out


def _indices(ctx: ArticleContext, figures: list[Quantity]) -> list[Quantity]:
    """Positions ("the 28th lap", "third place") and scores ("a 26-24 win"), which the
    quantities layer does not count: figures of a unit of their own, never inside a
    number or a time expression the layers found."""
    text = ctx.article.text
    taken = [(q.start, q.end) for q in figures]
    taken += [(t.start, t.end) for t in ctx.ann.times]
    found = [Quantity(s, e, text[s:e], v, unit="ordinal") for s, e, v in ordinal_mentions(text)]
    found += [Quantity(s, e, text[s:e], float(parts[0]), unit="score")
              for s, e, parts in score_mentions(text)]
    found = [q for q in found if not any(a < q.end and q.start < b for a, b in taken)]
    # A timeline's "Lap 14 ..." may be read as a bare number, which counts nothing.
    counted = [(q.start, q.end) for q in figures if q.unit or q.counted]
    counted += [(t.start, t.end) for t in ctx.ann.times]
    found += [Quantity(s, e, text[s:e], v, unit="ordinal") for s, e, v in line_item_mentions(text)
              if not any(a < e and s < b for a, b in counted)]
    found += [Quantity(s, e, text[s:e], v, unit="ordinal") for s, e, v in series_positions(text)
              if not any(a < e and s < b for a, b in counted)]
    return found


# "on lap 20", "in round 7": a whole number after a noun and a preposition names one of
# a series, counting nothing. The quantities layer drops most of these as labels, so
# they are read here from the text; a figure the layer measures or counts there, or a
# time expression, wins.
_NUMBERED = re.compile(
    r"\b(?i:on|in|at|during|from|after|before|until)\s+(?:the\s+)?([a-z]{3,})\s+"
    r"(\d{1,4})(?![\d,.:/]\d|[\w%$£€°-])")
_NOT_SERIES = frozenset({"them", "those", "these", "which", "whom", "all", "only", "just",
                         "total", "some", "nearly", "about", "around", "over", "under",
                         "than", "least", "most", "another", "other", "every", "each",
                         "top", "bottom"})


def series_positions(text: str) -> list[tuple[int, int, float]]:
    """(start, end, value) of each number naming one of a series after a preposition
    and a noun ("crashed on lap 20"); not after a verb form or a function word."""
    out = []
    for m in _NUMBERED.finditer(text):
        noun = m.group(1)
        if noun in _NOT_SERIES or noun.endswith(("ed", "ing", "ly")) \
                or noun in claim_lexicon().predicates:
            continue
        out.append((m.start(2), m.end(2), float(m.group(2))))
    return out


# "no captive fighters were released": a count of none, told by a plural noun and verb.
_NONE = re.compile(
    r"\b[Nn]o\s+((?:[\w-]+\s+){0,4}?[a-z][\w-]*[a-z]s)\s+(?=(?:were|are|have\s+been|had\s+been)\s)")


def _zeros(ctx: ArticleContext) -> list[Quantity]:
    """Counts stated as none, which the quantities layer does not read as numbers."""
    text = ctx.article.text
    return [Quantity(m.start(), m.start() + 2, text[m.start():m.start() + 2], 0.0,
                     counted=m.group(1), counted_start=m.start(1), counted_end=m.end(1))
            for m in _NONE.finditer(text)]


def interval(q: Quantity, tolerance: float) -> tuple[float, float | None]:
    """The values a qualified figure allows: "up to X" [0, X], "more than X" [X, inf),
    "around X" X±tolerance, a range [low, high], "nearly X" [X - tolerance, X]."""
    value = q.value
    if q.bound == "lower":
        base = q.low if q.low is not None else value
        return (base or 0.0, None)
    if q.bound == "upper":
        top = q.high if q.high is not None else value
        if top is None:
            return (0.0, None)
        near = bool(_NEAR_APPROX.match(q.text.strip()))
        return (top * (1 - tolerance) if near else 0.0, top)
    if q.low is not None and q.high is not None:
        return (q.low, q.high)
    if value is None:
        return (0.0, None)
    if q.approx:
        return (value * (1 - tolerance), value * (1 + tolerance))
    return (value, value)


def overlaps(a: tuple[float, float | None], b: tuple[float, float | None]) -> bool:
    a_hi = math.inf if a[1] is None else a[1]
    b_hi = math.inf if b[1] is None else b[1]
    return a[0] <= b_hi + 1e-9 and b[0] <= a_hi + 1e-9


def agree(a: QuantityClaim, b: QuantityClaim) -> bool:
    """Two figures that can both hold. The rounding slack of ``span`` is for unit
    conversions ("400-pound", "181-kg"); in one unit a figure allows only what its
    words allow ("11 hours" is not "11.5 hours" unless hedged: "about 11 hours")."""
    if a.unit and a.unit == b.unit and a.unit != "score" and a.high is not None \
            and b.high is not None:
        return overlaps((a.low, a.high), (b.low, b.high))
    return overlaps(a.span, b.span)


def _claim(ctx: ArticleContext, q: Quantity, tolerance: float) -> QuantityClaim | None:
    if "\n" in q.text:
        return None  # read across a line break ("9 Mar\nEther"): not one figure
    if q.unit:  # ages, distances, prices: a measurement, not a count
        return _measured(ctx, q, tolerance)
    narrowed = _group_counted(ctx.article.text, q)
    if narrowed is None:
        return None
    q, part = narrowed
    if not q.counted or q.counted_start is None or q.counted_end is None:
        return None
    counted_words = [w for w in TOKEN.findall(q.counted) if w[0].isalnum()]
    if not counted_words:
        return None
    sent = ctx.sentence_at(q.start)
    predicate, cue_span, plan = _count_predicate(ctx, q, counted_words, sent)
    if not predicate and q.value == 0 and q.text.lower() == "no":
        return None  # "no buses were running": a none that no deed qualifies counts nothing
    return _count_claim(ctx, q, tolerance, counted_words, (predicate, cue_span, plan), part)


def _group_counted(text: str, q: Quantity) -> tuple[Quantity, re.Match[str] | None] | None:
    """The count ``q`` makes of its group: what is left of "all but 3 of the crew", the
    part of "14 of the students" (with the "of" match); None for a member ("one of the
    rescued hikers") or an exception that leaves no count."""
    all_but = _ALL_BUT.search(text, max(0, q.start - 16), q.start)
    if all_but is not None:
        rest = _all_but(text, q, all_but)
        if rest is None:
            return None
        q = rest
    part = _PARTITIVE.match(text, q.end)
    if part is None:
        return q, None
    # "one of the rescued hikers": a member, not a count of the group; "14 of the
    # students": a count of part of the group.
    subset = _subset(text, q, part.end())
    return None if subset is None else (subset, part)


def _count_predicate(
    ctx: ArticleContext, q: Quantity, counted_words: list[str], sent: Span
) -> tuple[str, tuple[int, int] | None, bool]:
    """What happened to the counted (predicate, its cue span, whether planned): the
    clause's verb, or a deed the counted noun phrase names itself."""
    predicate, cue_span, plan = _predicate(ctx, q, sent.start, sent.end)
    lex = claim_lexicon()
    inner = [lex.predicates[w.lower()] for w in counted_words if w.lower() in lex.predicates]
    if inner and not (inner[0] in _STATES and predicate in _RELEASES):
        # "injured people", "passengers hostage": the noun phrase says it all; but
        # "captive fighters were released" counts a release, not a captivity.
        return inner[0], None, False
    return predicate, cue_span, plan


def _count_claim(
    ctx: ArticleContext, q: Quantity, tolerance: float, counted_words: list[str],
    found: tuple[str, tuple[int, int] | None, bool], part: re.Match[str] | None,
) -> QuantityClaim:
    """The claim of a count whose predicate is ``found``, keyed by what it counts."""
    assert q.counted and q.counted_start is not None and q.counted_end is not None
    text = ctx.article.text
    sent = ctx.sentence_at(q.start)
    predicate, cue_span, plan = found
    head, kind_words = counted_words[-1], counted_words[:-1]
    if claim_lexicon().predicates.get(head.lower()) == "held":
        head, kind_words = "hostage", []
    affiliation = {
        e.entity_id for e in ctx.ann.entities
        if q.end <= e.start and e.end <= q.counted_end
    }
    ent_spans = [(e.start, e.end) for e in ctx.ann.entities if q.end <= e.start < q.counted_end]
    modifiers = _modifiers(ctx, q, kind_words, ent_spans)
    if cue_span and cue_span[0] > q.counted_end:
        modifiers |= _degree(text, q.counted_end, cue_span)
    whole = _OF_WHOLE.match(text, q.end)
    if whole is not None:  # "18 of 62 scheduled laps", "19 of 62 laps": one whole
        modifiers = {f"of {whole.group(1).replace(',', '')}"}
    scope, time_ref, time_text = _time(ctx, q, sent.start, sent.end)
    cls = counted_class(head)
    low, high = interval(q, tolerance)
    start = min(q.start, cue_span[0]) if cue_span else q.start
    end = max(q.counted_end, cue_span[1]) if cue_span else q.counted_end
    claim = QuantityClaim(
        **_where(ctx, q, ctx.cite(start, end), sent, low, high),
        counted=q.counted,
        counted_class=cls,
        predicate=predicate,
        key=ClaimKey(predicate, cls,
                     " ".join(sorted(modifiers | ({"part of"} if part else set()))),
                     "planned" if plan else "actual", scope),
        part=part is not None,
        whole=whole is not None,
        remaining=_remaining(text, q),
        affiliation=frozenset(affiliation),
        time_ref=time_ref,
        time_text=time_text,
        scope=scope,
        cmp_low=low,
        cmp_high=high,
    )
    if whole is None:
        return claim
    # Out of a stated whole, the whole places the count; an article's places do not.
    return replace(claim, places=ctx.places_in(sent.start, sent.end, fallback=False))


_STATES = frozenset({"held", "arrested"})  # what counted people are ("captive", "jailed")
_RELEASES = frozenset({"rescued"})  # what ends that state ("released", "freed", "swapped")


# "all but two of the 17 miners": the rest of a stated whole, not the three left out.
_ALL_BUT = re.compile(r"\b(?:all|everyone|everybody)\s+(?:but|except)\s+$", re.IGNORECASE)


def _all_but(text: str, q: Quantity, m: re.Match[str]) -> Quantity | None:
    """The count "all but N of M" states (M - N, read from "all" on); without a stated
    whole ("all but two were wearing helmets") it counts nothing comparable."""
    whole = _OF_WHOLE.match(text, q.end)
    if whole is None or q.value is None or q.bound or q.low is not None:
        return None
    rest = float(whole.group(1).replace(",", "")) - q.value
    if rest <= 0:
        return None
    return replace(q, start=m.start(), text=text[m.start():q.end], value=rest, approx=False)


def _subset(text: str, q: Quantity, start: int) -> Quantity | None:
    """A part of a group ("14 of the more than 90 abducted students") counted by the
    group's plural noun, within a few words; a member ("one of the girls") or a group
    named by a pronoun ("21 of them") counts nothing comparable."""
    if q.value is None or q.value < 2 or text[q.end:start].split()[-1].lower() in _PRONOUN_OF:
        return None
    for i, m in enumerate(TOKEN.finditer(text, start, min(len(text), start + 80))):
        w = m.group()
        if i >= 6 or not w[0].isalnum():
            return None
        if w.isalpha() and w.islower() and len(w) > 3 and w.endswith("s") \
                and not w.endswith("ss"):
            return replace(q, counted=w, counted_start=m.start(), counted_end=m.end())
    return None


_PRONOUN_OF = frozenset({"them", "whom"})


def _where(
    ctx: ArticleContext, q: Quantity, cite: Citation, sent: Span, low: float, high: float | None
) -> dict[str, Any]:
    """What every figure's claim says of where it stands and who gives it."""
    return {
        **ctx.stated(cite, sent, ctx.article.text[cite.start:cite.end],
                     ctx.voice_at(q.start, q.end)),
        "value_text": q.text,
        "value": q.value,
        "low": low,
        "high": high,
        # A count of victims belongs where its report is; a measure (an age, a price, a
        # height) only where its sentence says.
        "places": ctx.places_in(sent.start, sent.end, fallback=not q.unit),
    }


# Digits and one capital letter glued on name a gate, a pad or a seat far more often than
# they measure in a unit of one capital letter (amperes, volts, watts); a temperature
# is written so ("17C").
_LABEL = re.compile(r"\d+[A-Z]")


def _measured(ctx: ArticleContext, q: Quantity, tolerance: float) -> QuantityClaim | None:
    """A figure with a unit, keyed by its dimension and what it measures."""
    if q.unit is None or (q.value is None and q.low is None and q.high is None):
        return None
    scale = scale_of(q.unit)
    if _LABEL.fullmatch(q.text) and not scale.dimension.startswith("temperature"):
        return None  # "gate 47B", "pad 26B": a name, not 47 amperes ("17C" is warm)
    text = ctx.article.text
    sent = ctx.sentence_at(q.start)
    if scale.dimension == "age":
        measure = age_subject(text, q, sent.start, sent.end, ctx.person_starts,
                              list(ctx.referents.values()))
    else:
        found = measure_of(text, q, sent.start, sent.end, ctx.person_starts)
        if found is None and q.unit == "score":
            found = Measure("result", None, False)  # "Mercer was 41-27-2": a record
        if found is not None and found.what == TENURE:
            found = _tenure(ctx, found, q, sent, scale.dimension)
        elif q.unit == "season":
            return None  # a count of seasons is a figure as someone's time somewhere
        if found is None:
            return None
        measure = found
    scope, time_ref, time_text = _time(ctx, q, sent.start, sent.end)
    if scale.dimension == "duration":
        scope = "current"  # a duration is its own period: a year beside it is no scope
    low, high = interval(q, tolerance)
    slack = rounding(q.text)
    cmp_low = max(0.0, (low - slack) * scale.factor) if low else 0.0
    cmp_high = None if high is None else (high + slack) * scale.factor
    if q.unit == "score":  # compared whole: "26-24" is not "26-10"
        cmp_low = cmp_high = score_key(tuple(int(p) for p in re.findall(r"\d+", q.text)))
    start = min(q.start, measure.span[0]) if measure.span else q.start
    end = max(q.end, measure.span[1]) if measure.span else q.end
    return QuantityClaim(
        **_where(ctx, q, ctx.cite(start, end), sent, low, high),
        # A person's age reads as their name ("Mercer (age)"), compares by their entity.
        counted=measure.label or measure.what,
        counted_class=measure.what,
        predicate=measure.what,
        key=ClaimKey(measure.what, scale.dimension, "", "actual", scope),
        time_ref=time_ref,
        time_text=time_text,
        scope=scope,
        unit=q.unit,
        dimension=scale.dimension,
        cmp_low=cmp_low,
        cmp_high=cmp_high,
        incident=_incident(ctx, q, measure, sent) if scale.dimension == "position"
        else frozenset(),
    )


def _tenure(ctx: ArticleContext, found: Measure, q: Quantity, sent: Span,
            dimension: str) -> Measure:
    """A time with someone ("spent six years with the Harriers"), keyed by whose and
    where; "spent $5 million" is no time with anyone: its verb is its own measure."""
    text = ctx.article.text
    if dimension != "duration" or found.span is None:
        return replace(found, what=stem(text[slice(*found.span)]) if found.span else "")
    orgs = [(e.start, e.end, e.name) for e in ctx.ann.entities
            if e.type == "ORG" and sent.start <= e.start and e.end <= sent.end]
    return tenure_subject(found, text, q, sent.start, ctx.person_starts, orgs)


def _incident(ctx: ArticleContext, q: Quantity, measure: Measure, sent: Span) -> frozenset[str]:
    """Who and what a position's clause tells: "lap 13" of which crash."""
    text = ctx.article.text
    span = clause(text, q.start, q.end, sent.start, sent.end)
    return incident_words(text, span, ctx.subject_starts, frozenset({measure.what}),
                          (q.start, q.end))


def _modifiers(
    ctx: ArticleContext, q: Quantity, words: list[str], ents: list[tuple[int, int]]
) -> set[str]:
    lex = claim_lexicon()
    assert q.counted_start is not None
    inside = ctx.article.text[q.counted_start:q.counted_end]
    named = {w.lower() for s, e in ents for w in TOKEN.findall(ctx.article.text[s:e])}
    out = set()
    for w in words:
        lw = w.lower()
        if lw in lex.generic or lw in lex.predicates or lw in named or not w[0].isalpha():
            continue
        if w[0].isupper() and inside.find(w) > 0 and w.isupper():
            continue  # an acronym naming a group ("BLA fighters"): affiliation, not kind
        out.add(singular(lw))
    return out


# What is left of a group at the moment of telling ("two climbers still stranded", "112 students
# remain captive", "the remaining 112 students"): told later than the group's own count
# ("five climbers stranded"), which it does not contradict.
_REMAINING_AFTER = re.compile(
    r"\s+(?:(?:who|that|which)\s+)?(?:(?:are|were|is|was)\s+)?(?:still|remain(?:s|ed|ing)?)\b",
    re.I)
# "the remaining 30", "still hold 40"
_REMAINING_BEFORE = re.compile(
    r"\b(?:remaining|still)\s+(?:[a-z]+\s+)?(?:some\s+|about\s+|around\s+)?$", re.I)


def _remaining(text: str, q: Quantity) -> bool:
    assert q.counted_end is not None
    return bool(_REMAINING_AFTER.match(text, q.counted_end)
                or _REMAINING_BEFORE.search(text, max(0, q.start - 32), q.start))


def _degree(text: str, start: int, cue: tuple[int, int]) -> set[str]:
    """How badly, before a predicate after the figure: "eight people have serious
    injuries", "three of whom were badly hurt" count a part of the injured."""
    out = set()
    words = TOKEN.findall(text, start, cue[0])
    for i, w in enumerate(words):
        lw = w.lower()
        if lw.endswith("ly") and len(lw) > 4 and w.isalpha():
            out.add(lw[:-2].removesuffix("i") if lw.endswith("ily") else lw[:-2])
        elif i == len(words) - 1 and text[cue[0]:cue[1]].lower().endswith("ies") and (
                w.replace("-", "").isalpha() and w.islower() and lw not in _AUX):
            out.add(lw)  # "serious injuries", "minor injuries"
    return out


_AUX = frozenset({"have", "has", "had", "were", "was", "are", "is", "been", "be", "with",
                  "suffered", "suffering", "sustained", "from", "of", "and", "or"})


def _predicate(
    ctx: ArticleContext, q: Quantity, s_start: int, s_end: int
) -> tuple[str, tuple[int, int] | None, bool]:
    """The nearest predicate word around the figure, its span, and whether it is planned."""
    lex = claim_lexicon()
    text = ctx.article.text
    assert q.counted_end is not None
    before = [m for m in TOKEN.finditer(text, s_start, q.start)][-_WINDOW_BEFORE:]
    after = _after_tokens(text, q.counted_end, s_end)
    best: tuple[int, re.Match[str]] | None = None
    for dist, m in enumerate(reversed(before), start=1):
        if m.group().lower() in lex.predicates:
            best = (dist, m)
            break
    for dist, m in enumerate(after[:_WINDOW_AFTER], start=1):
        if m.group().lower() in lex.predicates:
            if best is None or dist < best[0]:
                best = (dist, m)
            break
    if best is None:
        return "", None, False
    m = best[1]
    pred = lex.predicates[m.group().lower()]
    lead = [t.group().lower()
            for t in TOKEN.finditer(text, max(s_start, m.start() - 40), m.start())]
    # "agreed to send", "envisages sending", "will deploy"; not "claimed to be holding".
    plan = bool(lead) and (lead[-1] == "to" or any(
        w in lex.plan_cues and w != "to" for w in lead[-3:]))
    return pred, (m.start(), m.end()), plan


def _after_tokens(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Tokens after the counted noun, skipping an ", including ..." aside."""
    toks = list(TOKEN.finditer(text, start, end))
    out: list[re.Match[str]] = []
    i = 0
    while i < len(toks):
        t = toks[i].group()
        if t == "," and i + 1 < len(toks) and toks[i + 1].group().lower() in ("including", "among"):
            i += 2
            while i < len(toks):
                if toks[i].group() == "," and not (
                    i + 1 < len(toks) and _NUMBERISH.match(toks[i + 1].group())
                ):
                    break
                i += 1
            i += 1
            continue
        if t in (";", ":", ".") or (t == "," and out) or t.lower() in _CLAUSE_BREAK:
            break  # "stranding six people and injuring 25": the next verb is another figure's
        out.append(toks[i])
        i += 1
    return out


def _time(
    ctx: ArticleContext, q: Quantity, s_start: int, s_end: int
) -> tuple[str, str | None, str | None]:
    """(scope, day-level reference, its words) from the nearest time expression in the sentence."""
    text = ctx.article.text
    near = sorted(
        (t for t in ctx.ann.times if s_start <= t.start and t.end <= s_end and t.value
         and not (t.start < q.end and q.start < t.end)),  # not the figure itself ("7 years")
        key=lambda t: abs(t.start - q.start),
    )
    for t in near:
        assert t.value is not None
        grain = granularity(t.value)
        if grain is None:
            continue
        if is_since(text, t.start):
            # "since last fall": a running total up to now.
            word = text[max(s_start, t.start - 12):t.start].split()[-1:]
            return "current", None, " ".join([*word, t.text])
        if grain in ("day", "week"):
            return "current", t.value, t.text
        if grain == "duration":
            if long_duration(t.value):
                return t.value, None, t.text
            continue
        return t.value, None, t.text  # a month, season or year the figure covers
    return "current", None, None
