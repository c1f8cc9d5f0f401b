"""Incidents: which happening a position figure belongs to.

"Lap 22" and "lap 23" are different moments of a race unless both reports tell the same
happening: "Orsic ... on lap 22 when he put his Halden into the wall" and "Lap 23 Pavel
Orsic crashes his Halden hard" name one person and one deed, so their laps
cannot both hold. An incident is read from the figure's clause (its sentence, cut at
line breaks, as timelines and live blogs put one happening a line): the surnames of
the people it names and the stems of its other content words.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from sitrep.reconcile.lexicon import TOKEN, function_words
from sitrep.reconcile.measures import stem

NAME = "@"  # marks a person's surname among an incident's words
OTHER_NAME = "^"  # marks another capitalised word (a team, a car, an unrecognised person)
REPEAT = "+"  # marks a deed told as a repetition: "+2" its second time, "+n" one more
_MIN_SHARED_WORDS = 1  # besides a shared name: one deed or object in common
_WORD = re.compile(r"[A-Za-z][\w'-]*")
_CUE_WORDS = frozenset({"another", "again", "time", "once", "more", "second", "third",
                        "fourth", "fifth"})  # stems of the cues: no deed of their own
_ORDINAL_TIMES = {"second": "2", "third": "3", "fourth": "4", "fifth": "5"}
_REPEATED = re.compile(
    r"\b(?:(?P<nth>second|third|fourth|fifth) time|another|again|once more)\b", re.I)


def clause(text: str, start: int, end: int, s_start: int, s_end: int) -> tuple[int, int]:
    """The figure's sentence cut to the line holding ``text[start:end]``."""
    lo = text.rfind("\n", s_start, start) + 1 or s_start
    hi = text.find("\n", end, s_end)
    return max(lo, s_start), (s_end if hi < 0 else hi)


def incident_words(
    text: str, span: tuple[int, int], people: Mapping[int, tuple[str, int, str]],
    skip: frozenset[str] = frozenset(), figure: tuple[int, int] | None = None,
) -> frozenset[str]:
    """The names (``@surname``; other capitalised words inside the clause, as entity
    types are often wrong: "Halden" a person, "Orsic" none) and content stems of
    ``text[span]``; ``skip`` holds words saying what the figure measures ("lap"), and
    ``figure`` the figure's own span ("third" of "secure third place" tells no deed)."""
    lo, hi = span
    out: set[str] = set()
    named: list[tuple[int, int]] = []
    for start, (_, end, name) in people.items():
        words = _WORD.findall(name)
        if lo <= start and end <= hi and words:
            out.add(NAME + words[-1].lower())
            named.append((start, end))
    stop = function_words()
    for n, m in enumerate(TOKEN.finditer(text, lo, hi)):
        word = m.group()
        if any(a <= m.start() < b for a, b in named) or (
                figure is not None and figure[0] <= m.start() < figure[1]):
            continue
        if word[0].isupper() and n > 0 and _WORD.fullmatch(word):
            if len(word) >= 4 and word.lower() not in stop:
                out.add(OTHER_NAME + word.lower())
            continue
        # "1-overall", "first-round": each part of a compound is a word of its own
        for part in word.lower().split("-"):
            if len(part) >= 4 and part.isalpha() and part not in stop \
                    and (s := stem(part)) not in skip:
                out.add(s)
    out.update(_repetitions(text, lo, hi))
    return frozenset(out)


def _repetitions(text: str, lo: int, hi: int) -> set[str]:
    """How the clause tells its deed as a repetition: "for a second time" (``+2``),
    "another stoppage", "stopped again" (``+n``: one more, which one unsaid)."""
    out = set()
    for m in _REPEATED.finditer(text, lo, hi):
        nth = m.group("nth")
        out.add(REPEAT + (_ORDINAL_TIMES[nth.lower()] if nth else "n"))
    return out


def telling(incidents: Sequence[frozenset[str]], articles: Sequence[str]) -> frozenset[str]:
    """Words that tell happenings apart: not in the clauses of more than a quarter (and
    more than two) of the articles ("Kestrel Grand Prix" is in every lap's report)."""
    seen: dict[str, set[str]] = defaultdict(set)
    for words, article in zip(incidents, articles, strict=True):
        for w in words:
            seen[w].add(article)
    most = max(2.0, len(set(articles)) / 4)
    return frozenset(w for w, arts in seen.items() if len(arts) <= most)


def same_incident(a: frozenset[str], b: frozenset[str], telling: frozenset[str]) -> bool:
    """Both clauses name one person or thing and share a deed or object besides, in
    words that tell happenings apart. Clauses that both name people but no one in
    common tell different happenings ("after Virtanen crashed", "including the
    winner Okafor"), whatever else they share (but see ``same_repetition``)."""
    shared = a & b & telling
    if _people(a) and _people(b) and not _people(shared):
        return False
    names = _names(shared)
    return bool(names) and len(shared - names) >= _MIN_SHARED_WORDS


def same_repetition(a: frozenset[str], b: frozenset[str], telling: frozenset[str]) -> bool:
    """Both clauses tell the same repetition of one deed ("halted for a second time",
    "halts the match with another delay"), whoever else they name: the people beside
    a repeated deed may be its bystanders. Weaker than ``same_incident``: callers also
    ask for positions near each other."""
    shared = a & b & telling
    return _same_repetition(a, b) and bool(shared - _repeats(shared) - _names(shared)
                                           - _CUE_WORDS)


def _people(words: frozenset[str]) -> set[str]:
    return {w for w in words if w.startswith(NAME)}


def _names(words: frozenset[str]) -> set[str]:
    return {w for w in words if w[0] in (NAME, OTHER_NAME)}


def _repeats(words: frozenset[str]) -> set[str]:
    return {w for w in words if w.startswith(REPEAT)}


def _same_repetition(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both clauses tell a repeated deed, and no stated ordinals differ ("a second
    time" and "a third time" are different repetitions; "another" may be either)."""
    nth_a, nth_b = _repeats(a), _repeats(b)
    if not nth_a or not nth_b:
        return False
    told_a, told_b = nth_a - {REPEAT + "n"}, nth_b - {REPEAT + "n"}
    return not told_a or not told_b or bool(told_a & told_b)
