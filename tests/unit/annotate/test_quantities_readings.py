"""Quantities: scaled values as written, rates over a time symbol, shares of change,
glued "m" before an adjective and its plural noun (issue 18q)."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.annotate.quantities.drafts import scaled
from sitrep.annotate.quantities.layer import find_quantities


def _found(nlp: Any, sentence: str) -> dict[str, Any]:
    return {q.text: q for q in find_quantities(nlp(sentence))}


def test_a_scaled_value_is_the_decimal_written() -> None:
    assert scaled(4.1, 1e9) == 4_100_000_000.0
    assert scaled(0.3, 1e6) == 300_000.0
    assert scaled(7.25, 1.0) == 7.25


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The insurer booked a loss of $4.1 billion.", "$4.1 billion", 4_100_000_000.0),
        ("The ministry spent 2.3 million euros on it.", "2.3 million euros", 2_300_000.0),
    ],
)
def test_scaled_values_are_exact(nlp: Any, sentence: str, text: str, value: float) -> None:
    found = _found(nlp, sentence)
    assert found[text].value == value  # exact: a figure compared as text in a brief


@pytest.mark.parametrize(
    ("sentence", "text", "unit"),
    [
        ("The probe left the planet at 11 km/s last spring.", "11 km/s", "kilometre per second"),
        ("Glaciers there retreat about 40 m/yr on average.", "about 40 m/yr", "metre per year"),
    ],
)
def test_a_rate_over_a_time_symbol(nlp: Any, sentence: str, text: str, unit: str) -> None:
    assert _found(nlp, sentence)[text].unit == unit


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Their exports shrank by a quarter last year.", "a quarter", 0.25),
        ("Attendance grew by a fifth between the two seasons.", "a fifth", 0.2),
        ("The herd fell by more than a third during the drought.", "a third", 1 / 3),
    ],
)
def test_a_share_of_change_before_a_time_phrase(
    nlp: Any, sentence: str, text: str, value: float
) -> None:
    found = _found(nlp, sentence)
    assert any(text in t for t in found), list(found)
    q = next(q for t, q in found.items() if text in t)
    assert q.value == pytest.approx(value)


def test_an_ordinal_before_a_noun_is_no_share(nlp: Any) -> None:
    assert _found(nlp, "The contract went to a third party.") == {}


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("Smog causes 4m early deaths a year, a study says.", "4m", 4e6, None),
        ("The quiz show drew 6m viewers on Sunday.", "6m", 6e6, None),
        ("The hiker slipped and fell 30m onto rocks.", "30m", 30.0, "metre"),
        ("Workers dug 4m deep trenches along the road.", "4m", 4.0, "metre"),
    ],
)
def test_glued_m_counts_a_plural_after_one_adjective(
    nlp: Any, sentence: str, text: str, value: float, unit: str | None
) -> None:
    q = _found(nlp, sentence)[text]
    assert (q.value, q.unit) == (value, unit)


def test_a_model_name_after_a_number_is_still_no_count(nlp: Any) -> None:
    assert "12" not in _found(nlp, "She upgraded to the 12 Mini last year.")


@pytest.mark.parametrize(
    ("sentence", "text", "unit"),
    [
        (
            "Sales were 30 million euros against 26 million euros a year earlier.",
            "26 million euros",
            "euro",
        ),
        ("Its loss was $8 million, from $5 million a quarter ago.", "$5 million", "dollar"),
        ("The nurse earns $60,000 a year.", "$60,000 a year", "dollar per year"),
    ],
)
def test_a_time_ago_is_no_rate(nlp: Any, sentence: str, text: str, unit: str) -> None:
    assert _found(nlp, sentence)[text].unit == unit


@pytest.mark.parametrize(
    "sentence",
    ["The vigil began at 8 p.m. on the square.", "Doors open at 10 a.m Saturday."],
)
def test_a_clock_time_is_no_amount_of_pence(nlp: Any, sentence: str) -> None:
    assert _found(nlp, sentence) == {}


def test_pence_before_a_full_stop_stay_pence(nlp: Any) -> None:
    assert _found(nlp, "The stock ended at 97p. Markets were calm.")["97p"].unit == "penny"


def test_a_nation_before_a_currency_word_is_on_its_line(nlp: Any) -> None:
    found = find_quantities(nlp("Markets, 9 Mar\nBitcoin traded near 7,000 dollars."))
    assert [(q.text, q.unit) for q in found] == [("7,000 dollars", "dollar")]
