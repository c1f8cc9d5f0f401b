"""Word lists for claims, read once through sitrep.lexicons: predicates, counted classes,
cues."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from sitrep import lexicons

TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


@dataclass(frozen=True, slots=True)
class ClaimLexicon:
    predicates: dict[str, str]
    classes: dict[str, str]
    generic: frozenset[str]
    plan_cues: frozenset[str]


def _pairs(name: str) -> dict[str, str]:
    """A two-column list as lower-cased word -> value."""
    pairs = (list(row.values()) for row in lexicons.rows(name))
    return {p[0].lower(): p[1] for p in pairs if len(p) >= 2}


def _words(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in lexicons.column(name, "word") if w)


@functools.cache
def claim_lexicon() -> ClaimLexicon:
    return ClaimLexicon(
        _pairs("claim_predicates.csv"),
        _pairs("counted_classes.csv"),
        _words("generic_modifiers.csv"),
        _words("plan_cues.csv"),
    )


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def last_word(name: str) -> str:
    """The last word of a name as written ("Tomas Brink" -> "Brink",
    "Riverton Harriers" -> "Harriers"), "" when it has none."""
    words = [w for w in TOKEN.findall(name) if w[:1].isalpha()]
    return words[-1] if words else ""


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


@functools.cache
def function_words() -> frozenset[str]:
    """Words that say nothing of what a figure is about: the brief's salience list and
    the story profiles' news words (spaCy's list would cost a second to import)."""
    return lexicons.stop_words("salience") | lexicons.stop_words("news")
