"""One loader for every word list and lookup table sitrep ships.

Each list is a UTF-8 CSV file in the ``data/`` folder of the package that uses it
(sitrep.annotate, sitrep.extract, sitrep.reconcile); file names are unique across
them. One format for all:

- lines whose first non-blank character is ``#`` are comments, blank lines are
  skipped (anywhere in the file);
- the first other line is the header: it names the columns;
- cells are stripped; a missing cell reads as "".

A file of the same name in the settings' ``[lexicons] folder`` ($SITREP_LEXICONS)
replaces the packaged one: copy the packaged file there and edit the copy.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from sitrep import config
from sitrep.errors import SitrepError

PACKAGES = ("sitrep.annotate", "sitrep.extract", "sitrep.reconcile")

Row = dict[str, str]
STOP_WORDS = "stop_words.csv"  # every stop-word list, one per user (column ``list``)


def packaged(name: str) -> Traversable:
    """The packaged file ``name`` (searched in each package's ``data/`` folder)."""
    for package in PACKAGES:
        found = resources.files(package).joinpath("data", name)
        if found.is_file():
            return found
    raise SitrepError(f"no word list named {name!r} ships with sitrep")


def location(name: str) -> Traversable:
    """Where ``name`` is read from: the override folder if it holds it, else the package."""
    folder = config.current().lexicons.folder
    if folder:
        mine = Path(folder).expanduser() / name
        if mine.is_file():
            return mine
    return packaged(name)


def rows(name: str) -> list[Row]:
    """The rows of word list ``name``, keyed by its header (see the module docstring)."""
    where = location(name)
    try:
        text = where.read_text(encoding="utf-8")
    except OSError as err:
        raise SitrepError(f"cannot read word list {where}: {err.strerror}") from err
    return parse(text.splitlines(keepends=True), str(where))


def column(name: str, key: str) -> list[str]:
    """One column of word list ``name``, in file order."""
    return [row[key] for row in rows(name)]


@functools.cache
def street_words() -> frozenset[str]:
    """Street kinds of quant_street_words.csv, lower-cased ("road", "st", "avenue"):
    what tells a house number from a year or a figure, read once."""
    return frozenset(w.lower() for w in column("quant_street_words.csv", "word"))


@functools.cache
def stop_words(name: str) -> frozenset[str]:
    """Stop-word list ``name`` of stop_words.csv (its ``list`` column), read once."""
    found = frozenset(row["word"] for row in rows(STOP_WORDS) if row["list"] == name)
    if not found:
        raise SitrepError(f"{STOP_WORDS} has no list named {name!r}")
    return found


def parse(lines: Iterable[str], source: str) -> list[Row]:
    """Rows of CSV ``lines`` in the one format; ``source`` names them in errors."""
    reader = csv.reader(line for line in lines if not _skipped(line))
    header = [cell.strip() for cell in next(reader, [])]
    if not header or not all(header):
        raise SitrepError(f"word list {source} needs a header row naming its columns")
    found = []
    for cells in reader:
        cells = [cell.strip() for cell in cells]
        found.append(dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=False)))
    return found


def _skipped(line: str) -> bool:
    """Blank lines and comments (first non-blank character ``#``)."""
    return not line.strip() or line.lstrip().startswith("#")
