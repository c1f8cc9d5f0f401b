"""Reading numbers written in digits or in English words.

Pure string functions, no language model: ``parse_digits("15,000")`` and
``word_numbers("twenty-three thousand")`` give the values; the word list lives
in the word list ``number_words.csv`` (sitrep.lexicons) so a user can extend it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from sitrep import lexicons

_SEPARATORS = re.compile(r"[,\u00a0\u202f ]")


@dataclass(frozen=True, slots=True)
class NumberWord:
    value: float
    kind: str  # unit, teen, ten, scale, dozen, fraction, vague


@functools.cache
def number_words() -> dict[str, NumberWord]:
    """The number-word lexicon, lower-cased word -> value and kind."""
    return {
        row["word"].lower(): NumberWord(float(row["value"]), row["kind"])
        for row in lexicons.rows("number_words.csv")
    }


def parse_digits(s: str) -> float:
    """Value of a digit string with thousands separators: "15,000" -> 15000."""
    return float(_SEPARATORS.sub("", s))


@dataclass(frozen=True, slots=True)
class WordNumber:
    """One number read from a run of number words; offsets relative to the run."""

    value: float
    start: int
    end: int


_WORD = re.compile(r"[A-Za-z]+")

# Which kind may follow which inside one number ("twenty-three", "two hundred").
_FOLLOWS = {
    None: {"unit", "teen", "ten", "scale", "dozen"},
    "unit": {"scale", "dozen"},
    "teen": {"scale", "dozen"},
    "ten": {"unit", "scale", "dozen"},
    "scale": {"unit", "teen", "ten", "scale"},
    "dozen": set(),
}


def word_numbers(run: str) -> list[WordNumber]:
    """Numbers in a run of number words, split where English would not join them.

    "two hundred and fifty" -> 250; "one two" -> 1, 2; "a dozen" -> 12.
    "and" joins only after a scale word ("hundred and five").
    """
    lexicon = number_words()
    out: list[WordNumber] = []
    total = current = 0.0
    last: str | None = None
    last_big = float("inf")  # the last scale above a hundred in this number
    start = end = -1
    pending_a = -1  # offset of an "a"/"an" that may open the next number

    def flush() -> None:
        nonlocal total, current, last, last_big
        if last is not None:
            out.append(WordNumber(total + current, start, end))
        total = current = 0.0
        last = None
        last_big = float("inf")

    for m in _WORD.finditer(run):
        w = m.group().lower()
        if w in ("a", "an"):
            flush()
            pending_a = m.start()
            continue
        if w == "and":
            if last != "scale":
                flush()
            continue
        entry = lexicon.get(w)
        if entry is None or entry.kind in ("fraction", "vague"):
            flush()
            pending_a = -1
            continue
        kind, value = entry.kind, entry.value
        if kind not in _FOLLOWS[last] or (kind == "scale" and value > 100 and value >= last_big):
            flush()
        if last is None:
            opened_by_a = pending_a >= 0 and kind in ("scale", "dozen")
            if kind in ("scale", "dozen") and not opened_by_a:
                continue  # a bare "hundred" or "dozen" ("a baker's dozen") counts nothing
            start = pending_a if opened_by_a else m.start()
        pending_a = -1
        end = m.end()
        if kind == "dozen":
            current = (current or 1.0) * 12
        elif kind == "scale" and value == 100:
            current = (current or 1.0) * 100
        elif kind == "scale":
            total += (current or 1.0) * value
            current = 0.0
            last_big = value
        else:
            current += value
        last = kind
    flush()
    return out
