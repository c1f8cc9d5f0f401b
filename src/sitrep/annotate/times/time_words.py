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
        words = sorted(self.tables.get(kind, {}), key=len, reverse=True)
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


def normalise_word(word: str) -> str:
    return " ".join(word.lower().replace(".", "").split())


def parse_lexicon(rows: Iterable[lexicons.Row]) -> TimeLexicon:
    tables: dict[str, dict[str, str]] = defaultdict(dict)
    for row in rows:
        tables[row["kind"]][normalise_word(row["word"])] = row["value"]
    return TimeLexicon(dict(tables))


@functools.lru_cache(maxsize=1)
def load_lexicon() -> TimeLexicon:
    return parse_lexicon(lexicons.rows(LEXICON))
