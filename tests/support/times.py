"""The time expressions of a short text, by their text, for the times-layer tests."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from sitrep.annotate.times.layer import find_times
from sitrep.models import TimeExpr

MONDAY = date(2024, 10, 28)


def times_in(nlp: Language, text: str, anchor: date | None = MONDAY) -> dict[str, TimeExpr]:
    return {t.text: t for t in find_times(nlp(text), anchor)}


def values_at(nlp: Language, text: str, anchor: date | None) -> dict[str, str | None]:
    """The TIMEX3 value of each time expression of ``text``, by its text."""
    return {t.text: t.value for t in find_times(nlp(text), anchor)}
