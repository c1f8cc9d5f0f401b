"""The word lists of the time layer, read once from ``times_lexicon.csv`` (sitrep.lexicons)."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sitrep import lexicons

LEXICON = "times_lexicon.csv"


@dataclass(frozen=True, slots=True)
class TimeLexicon:
    """Word -> value tables, one per kind (month, weekday, number, unit, ...)."""

    tables: dict[str, dict[str, str]]

    def get(self, kind: str, word: str) -> str | None:
        return self.tables.get(kind, {}).get(normalise_word(word))

    def alternation(self, kind: str) -> str:
        """A regex alternation of the kind's words, longest first, spaces flexible."""
        return alternation_of(self.tables.get(kind, {}))

    def counts(
        self, *, vague: bool = True, phrases: bool = True, skip: frozenset[str] = frozenset()
    ) -> str:
        """An alternation of the counting words ("two", "a dozen"): without ``vague`` not
        the counts of no number ("few", "several"), without ``phrases`` single words only."""
        return alternation_of(
            w
            for w, v in self.tables.get("number", {}).items()
            if (vague or v != "X") and (phrases or " " not in w) and w not in skip
        )


def alternation_of(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first (the longest reading wins), any
    run of spaces where a word has one."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def normalise_word(word: str) -> str:
    return " ".join(word.lower().replace(".", "").split())


def parse_lexicon(rows: Iterable[lexicons.Row]) -> TimeLexicon:
    tables: dict[str, dict[str, str]] = defaultdict(dict)
    for row in rows:
        tables[row["kind"]][normalise_word(row["word"])] = row["value"]
    return TimeLexicon(dict(tables))


# Number words that count ("two weeks", "a dozen years"); scales other than "hundred"
# and plural amounts ("thousands") are not durations the time layer reads.
COUNTING_KINDS = ("unit", "teen", "ten", "dozen")


def counting_words() -> list[lexicons.Row]:
    """The counting words of ``number_words.csv`` (their one home) as ``number`` rows."""
    return [
        {"kind": "number", "word": row["word"], "value": str(int(float(row["value"])))}
        for row in lexicons.rows("number_words.csv")
        if row["kind"] in COUNTING_KINDS and float(row["value"]) > 0
    ]


@functools.lru_cache(maxsize=1)
def load_lexicon() -> TimeLexicon:
    return parse_lexicon([*counting_words(), *lexicons.rows(LEXICON)])
