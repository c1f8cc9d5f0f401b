"""Spans issue 18 left cut short or missed: a half counted back ("half a century ago"),
a bare definite week ("the week's", "for the week,"); "a day earlier", a span
counted from an event."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.support.times import times_in

WINTER = date(2026, 12, 9)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The dam was finished half a century ago.", "half a century ago", "1976"),
        ("The mill shut nearly half a decade ago.", "nearly half a decade ago", "2021"),
        ("The ferry sailed half a year ago.", "half a year ago", "2026-06"),
        # a part of a day counts as none: the publication day
        ("The convoy left half an hour ago.", "half an hour ago", "2026-12-09"),
    ],
)
def test_a_half_counted_back_is_one_date(nlp: Language, text: str, span: str, value: str) -> None:
    found = times_in(nlp, text, WINTER)
    assert found[span].value == value


def test_half_a_unit_without_ago_stays_a_duration(nlp: Language) -> None:
    found = times_in(nlp, "The feud has lasted for half a century.", WINTER)
    assert found["half a century"].value == "P50Y"


@pytest.mark.parametrize(
    "text",
    ["For the week, the bond index slipped 1.2%.", "Trading was the week's thinnest."],
)
def test_a_bare_definite_week_is_an_unnumbered_week(nlp: Language, text: str) -> None:
    assert times_in(nlp, text, WINTER)["the week"].value == "2026-WXX"


@pytest.mark.parametrize(
    "text",
    ["The clinic opens during the week.", "The week of protests ended quietly."],
)
def test_a_week_of_habit_or_of_an_event_is_no_date(nlp: Language, text: str) -> None:
    assert "the week" not in times_in(nlp, text, WINTER)
    assert "The week" not in times_in(nlp, text, WINTER)



@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The barge sank on Monday. A day earlier, its pumps had failed.", "A day earlier", "P1D"),
        ("The ferry had left two hours earlier.", "two hours earlier", "PT2H"),
        # a comparison with the year-ago period stays a date
        ("Exports rose 4% from a year earlier.", "a year earlier", "2025"),
    ],
)
def test_a_short_span_counted_back_from_an_event_is_a_duration(
    nlp: Language, text: str, span: str, value: str
) -> None:
    assert times_in(nlp, text, WINTER)[span].value == value
