"""The words that tell a figure moving, read once from ``data/quant_movements.csv``.

One lexicon (built from WordNet by scripts/build_quant_movements.py) serves the
three readings of the quantities layer:

- ``moved_before``: a verb or adverb right before a figure says which way it moved
  ("rose 3%", "down 13 pence", "cut 500 jobs", "added 15 cents");
- ``told_re``: any directed word shortly before a change's earlier value says
  which way the change went ("grew from 900 to 1.2 million");
- ``change_re``: any movement word, directed or not, before "from X to Y" makes
  the pair a change rather than a range ("revised from 4 to 3").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from sitrep import lexicons

MOVEMENTS = "quant_movements.csv"


def _words(keep: str) -> dict[str, list[str]]:
    """Surface forms by direction ("up", "down", "none") of the rows ``keep`` selects:
    "moved" (verbs a figure follows as the move, and adverbs), "moved_by" (verbs
    whose move follows "by" or "to"), "directed" (all with a direction), "all"."""
    out: dict[str, list[str]] = {"up": [], "down": [], "none": []}
    for row in lexicons.rows(MOVEMENTS):
        pos, direction, takes = row["pos"], row["direction"], row["takes"]
        if takes == "contest":
            continue
        if keep == "moved" and not (
            direction != "none" and (pos == "adverb" or takes in ("moves", "acts"))
        ):
            continue
        if keep == "moved_by" and not (direction != "none" and takes == "acts_by"):
            continue
        if keep == "directed" and direction == "none":
            continue
        out[direction].append(row["word"])
    return out


def _alternation(words: list[str]) -> str:
    # a never-matching group keeps an empty list from matching everywhere
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) or "(?!)"


def _directed(keep: str, after: str) -> re.Pattern[str]:
    w = _words(keep)
    return re.compile(
        rf"\b(?:(?P<up>{_alternation(w['up'])})|(?P<down>{_alternation(w['down'])})){after}",
        re.IGNORECASE,
    )


@functools.cache
def _moved_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return (
        _directed("moved", r"(?:\s+(?:by|to))?\s+$"),
        _directed("moved_by", r"\s+(?:by|to)\s+$"),
    )


@dataclass(frozen=True, slots=True)
class Move:
    word: str  # the movement word as written ("rose", "down")
    direction: str  # "up" or "down"


def moved_before(text: str, start: int, end: int) -> Move | None:
    """The movement word ending ``text[start:end]`` right before a figure, maybe with
    "by" or "to" between: "rose 3%", "down 13 pence", "raised by 2%"."""
    for pattern in _moved_res():
        m = pattern.search(text, start, end)
        if m is not None:
            up = m.group("up")
            return Move(up or m.group("down"), "up" if up else "down")
    return None


@functools.cache
def contest_nouns() -> frozenset[str]:
    """Nouns naming what is won or lost rather than had ("games", "races", "elections"):
    "lost 3 games" counts defeats, "lost 300 jobs" tells a fall."""
    return frozenset(r["word"] for r in lexicons.rows(MOVEMENTS) if r["takes"] == "contest")


@functools.cache
def told_re() -> re.Pattern[str]:
    """A word telling which way a figure moved, with its direction in group up or down."""
    return _directed("directed", r"\b")


@functools.cache
def change_re() -> re.Pattern[str]:
    """A movement word in the 40 characters of one clause before the end of the text."""
    w = _words("all")
    return re.compile(
        rf"\b(?:{_alternation(w['up'] + w['down'] + w['none'])})\b[^.;]{{0,40}}$",
        re.IGNORECASE,
    )
