"""The word lists of the time layer, read once from ``data/times_lexicon.csv``."""

from __future__ import annotations

import csv
import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

LEXICON_PATH = Path(__file__).parents[1] / "data" / "times_lexicon.csv"


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


def parse_lexicon(lines: list[str]) -> TimeLexicon:
    tables: dict[str, dict[str, str]] = defaultdict(dict)
    rows = (ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#"))
    for row in csv.reader(rows):
        if len(row) >= 3:
            tables[row[0].strip()][normalise_word(row[1])] = row[2].strip()
    return TimeLexicon(dict(tables))


@functools.lru_cache(maxsize=1)
def load_lexicon() -> TimeLexicon:
    return parse_lexicon(LEXICON_PATH.read_text(encoding="utf-8").splitlines())
