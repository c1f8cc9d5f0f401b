"""Word lists for claims, read once from ``data/``: predicates, counted classes, cues."""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data"
TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


@dataclass(frozen=True, slots=True)
class ClaimLexicon:
    predicates: dict[str, str]
    classes: dict[str, str]
    generic: frozenset[str]
    plan_cues: frozenset[str]


def _pairs(name: str) -> dict[str, str]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        rows = csv.reader(line for line in fh if not line.startswith("#"))
        next(rows)  # header
        return {r[0].strip().lower(): r[1].strip() for r in rows if len(r) >= 2}


def _words(name: str) -> frozenset[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


@functools.cache
def claim_lexicon() -> ClaimLexicon:
    return ClaimLexicon(
        _pairs("claim_predicates.csv"),
        _pairs("counted_classes.csv"),
        _words("generic_modifiers.txt"),
        _words("plan_cues.txt"),
    )


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def singular(word: str) -> str:
    """A plural folded by spelling alone ("troops" -> "troop", "casualties" -> "casualty")."""
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def counted_class(head: str) -> str:
    """The class a counted head noun belongs to; unknown heads are their own class."""
    lex = claim_lexicon()
    w = head.lower()
    return lex.classes.get(w) or lex.classes.get(singular(w)) or singular(w)
