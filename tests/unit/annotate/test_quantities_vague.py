"""Vague magnitudes: "several hundred", "a few dozen", "tens of thousands of tonnes"."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.annotate.quantities.layer import find_quantities


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("Several hundred thousand voters stayed away.", 200_000.0, 1_000_000.0),
        ("A few dozen kayaks crossed the bay.", 24.0, 120.0),
        ("Tens of thousands of commuters were stranded.", 10_000.0, 100_000.0),
        ("Hundreds of farms lost their wells.", 100.0, 1000.0),
    ],
)
def test_a_vague_magnitude_spans_its_scale(
    nlp: Any, sentence: str, low: float, high: float
) -> None:
    (q,) = find_quantities(nlp(sentence))
    assert (q.value, q.low, q.high, q.approx) == (None, low, high, True)


def test_a_couple_of_a_scale_is_about_twice_it(nlp: Any) -> None:
    (q,) = find_quantities(nlp("A couple of hundred cyclists rode past."))
    assert (q.value, q.approx, q.counted) == (200.0, True, "cyclists")


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("A few hundred million euros went to the port.", "euro"),
        ("Tens of millions of dollars were wired abroad.", "dollar"),
        ("The council spent thousands of Hong Kong dollars on the fence.", "hong kong dollar"),
    ],
)
def test_a_vague_count_of_a_currency_is_money(nlp: Any, sentence: str, unit: str) -> None:
    (q,) = find_quantities(nlp(sentence))
    assert q.unit == unit and q.counted is None


def test_a_vague_count_of_a_pronoun_or_a_noun_counts(nlp: Any) -> None:
    found = find_quantities(nlp("Dozens of them left, and thousands of ferries sailed."))
    assert [(q.unit, q.counted) for q in found] == [(None, None), (None, "ferries")]


def test_a_vague_count_of_a_measure_counts_it(nlp: Any) -> None:
    (q,) = find_quantities(nlp("The ash cloud drifted for hundreds of kilometres."))
    assert (q.unit, q.counted) == (None, "kilometres")
