"""The attribution cue lexicon, read from a data file a user may extend."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sitrep import lexicons

LEXICON = "attribution_cues.csv"
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
    """Parse a cue CSV file (``cue,kind,needs``; the one word-list format of sitrep.lexicons)."""
    with path.open(encoding="utf-8", newline="") as fh:
        return cue_lexicon(lexicons.parse(fh, str(path)))


def cue_lexicon(rows: Iterable[lexicons.Row]) -> CueLexicon:
    lexicon = CueLexicon()
    for row in rows:
        lexicon.add(row["cue"], row["kind"].lower(), row.get("needs") or "any")
    return lexicon


@functools.lru_cache(maxsize=4)
def load_cue_lexicon(path: Path | None = None) -> CueLexicon:
    """The lexicon at ``path`` (default: ``attribution_cues.csv`` of sitrep.lexicons), read once."""
    return read_cue_lexicon(path) if path else cue_lexicon(lexicons.rows(LEXICON))
