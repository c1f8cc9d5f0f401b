"""The attribution cue lexicon, read from a data file a user may extend."""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_LEXICON = Path(__file__).parents[1] / "data" / "attribution_cues.csv"
KINDS = ("verb", "noun", "prep")


@dataclass(slots=True)
class CueLexicon:
    """Cue words by kind; each maps to True when it needs reported content.

    Verb keys are lemmas, or "lemma particle" for phrasal verbs ("point out").
    Preposition keys are lower-case word tuples (("according", "to")).
    """

    verbs: dict[str, bool] = field(default_factory=dict)
    nouns: dict[str, bool] = field(default_factory=dict)
    preps: dict[tuple[str, ...], bool] = field(default_factory=dict)

    def add(self, cue: str, kind: str, needs: str) -> None:
        cue = " ".join(cue.lower().split())
        need_content = needs.strip().lower() == "content"
        if kind == "verb":
            self.verbs[cue] = need_content
        elif kind == "noun":
            self.nouns[cue] = need_content
        elif kind == "prep":
            self.preps[tuple(cue.split())] = need_content
        else:
            raise ValueError(f"unknown cue kind {kind!r} for {cue!r}; choose from {KINDS}")


def read_cue_lexicon(path: Path) -> CueLexicon:
    """Parse a cue CSV (``cue,kind,needs``; ``#`` starts a comment line)."""
    lexicon = CueLexicon()
    with path.open(encoding="utf-8") as fh:
        rows = (line for line in fh if line.strip() and not line.lstrip().startswith("#"))
        for row in csv.DictReader(rows):
            lexicon.add(row["cue"], row["kind"].strip().lower(), row.get("needs") or "any")
    return lexicon


@functools.lru_cache(maxsize=4)
def load_cue_lexicon(path: Path = DEFAULT_LEXICON) -> CueLexicon:
    """The lexicon at ``path`` (the shipped one by default), read once."""
    return read_cue_lexicon(path)
