"""A tiny WordNet database on disk, in the format scripts/build_plover_classes.py reads."""

from __future__ import annotations

from pathlib import Path

_HEADER = "  1 This software and database is being provided to you\n"


def write_wordnet(folder: Path, data_verb: list[str], data_noun: list[str],
                  index_verb: list[str], index_noun: list[str]) -> Path:
    """Write the four data/index files into ``folder`` and return it."""
    for name, lines in (
        ("data.verb", data_verb),
        ("data.noun", data_noun),
        ("index.verb", index_verb),
        ("index.noun", index_noun),
    ):
        (folder / name).write_text(_HEADER + "\n".join(lines) + "\n", encoding="latin-1")
    return folder
