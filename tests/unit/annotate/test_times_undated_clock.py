"""A time of day on no known day keeps its clock (TimeML's underspecified date)."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from sitrep.annotate.times.layer import find_times
from sitrep.annotate.times.resolve import Context, resolve


def _values(nlp: Language, text: str, anchor: date | None) -> dict[str, str | None]:
    return {t.text: t.value for t in find_times(nlp(text), anchor)}


def test_an_undated_page_gives_the_clock_with_an_unknown_date(nlp: Language) -> None:
    found = _values(nlp, "Neighbours heard two bangs shortly after 2 a.m. and called police.",
                    None)
    assert found["2 a.m."] == "XXXX-XX-XXT02:00"
    assert _values(nlp, "The ferry docked at 9:45 p.m. with all aboard.", None)[
        "9:45 p.m."] == "XXXX-XX-XXT21:45"


def test_a_dated_page_still_gives_the_full_value(nlp: Language) -> None:
    found = _values(nlp, "The ferry docked at 9:45 p.m. with all aboard.", date(2024, 8, 2))
    assert found["9:45 p.m."] == "2024-08-02T21:45"


def test_the_resolver_keeps_noon_and_midnight_without_an_anchor() -> None:
    assert resolve("noon", "time", Context(None))[1] == "XXXX-XX-XXT12:00"
    assert resolve("midnight", "time", Context(None))[1] == "XXXX-XX-XXT24:00"
    assert resolve("25:10", "time", Context(None))[1] is None
