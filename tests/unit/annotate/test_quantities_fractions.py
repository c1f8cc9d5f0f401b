"""Quantities: fractions joined to scale words, mixed numbers, units shared by a bare number."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.annotate.quantities.layer import find_quantities


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Some one and a half million voters stayed home.", "Some one and a half million", 1.5e6),
        ("The army sent two and a half thousand reservists.", "two and a half thousand", 2500),
        ("A quarter of a million farmers signed the letter.", "A quarter of a million", 250000),
        ("The hikers walked 3 1/2 miles before dusk.", "3 1/2 miles", 3.5),
        ("The pipe is 1 3/4 inches wide.", "1 3/4 inches", 1.75),
    ],
)
def test_fraction_joins(nlp: Any, sentence: str, text: str, value: float) -> None:
    found = {q.text: q for q in find_quantities(nlp(sentence))}
    assert text in found, list(found)
    assert found[text].value == pytest.approx(value)


def test_mixed_number_needs_a_measure_denominator(nlp: Any) -> None:
    found = [q.text for q in find_quantities(nlp("The club met 6 9/11 families on Monday."))]
    assert "6 9/11" not in found


@pytest.mark.parametrize(
    ("sentence", "bare", "unit"),
    [
        ("Gold rose 3 percent and silver gained 2 as well.", "2", "percentage"),
        ("Range grew from 210 miles to 260 after the update.", "260", "mile"),
        # a noun phrase without its head takes the unit before it
        ("She served 30 years, including the last eight as chief.", "eight", "year"),
    ],
)
def test_bare_number_shares_the_unit_before_it(
    nlp: Any, sentence: str, bare: str, unit: str
) -> None:
    found = {q.text: q for q in find_quantities(nlp(sentence))}
    assert found[bare].unit == unit


def test_unit_not_carried_across_sentences(nlp: Any) -> None:
    found = {q.text: q for q in find_quantities(nlp("It fell 3 percent. Then 40 left."))}
    assert found["40"].unit is None


@pytest.mark.parametrize(
    ("sentence", "bare"),
    [
        # a figure of another thing in the same clause keeps no unit
        (
            "In the last two years we have hired more than 9,000 across the region.",
            "more than 9,000",
        ),
        ("A 41-year-old nurse and mother of three was hurt.", "three"),
        ("Rescuers searched for 30 hours, and found six of the climbers.", "six"),
        # the level reached after a move in percent is a price, not a percentage
        ("The stock jumped 6% to 4.75 on the news.", "4.75"),
    ],
)
def test_unit_not_carried_to_a_figure_of_something_else(nlp: Any, sentence: str, bare: str) -> None:
    found = {q.text: q for q in find_quantities(nlp(sentence))}
    assert found[bare].unit is None


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Ridership dropped by more than half.", "more than half"),
        ("The crop shrank by about half, and prices soared.", "about half"),
        # an approximator or a bound before a lone "half" that stands as subject
        ("Almost half stayed away from the polls.", "Almost half"),
        ("More than half were under thirty.", "More than half"),
    ],
)
def test_half_alone_as_the_share_of_a_change(nlp: Any, sentence: str, text: str) -> None:
    found = {q.text: q for q in find_quantities(nlp(sentence))}
    assert text in found, list(found)
    assert found[text].value == 0.5


def test_half_of_a_game_or_a_year_is_no_share(nlp: Any) -> None:
    assert find_quantities(nlp("Both sides scored in the second half.")) == []
    assert find_quantities(nlp("They were level at almost half-time.")) == []


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        # an article before the fraction belongs to the noun after it
        ("The bill needs a three-fifths vote in the chamber.", "three-fifths", 0.6),
        # singular denominators beyond a fifth, before "of"
        ("The screw sits an eighth of an inch deep.", "an eighth", 0.125),
        ("About a sixth of the wells ran dry.", "About a sixth", 1 / 6),
    ],
)
def test_fractions_after_an_article_and_in_eighths(
    nlp: Any, sentence: str, text: str, value: float
) -> None:
    found = {q.text: q for q in find_quantities(nlp(sentence))}
    assert text in found, list(found)
    assert found[text].value == pytest.approx(value)


def test_an_ordinal_without_of_is_no_fraction(nlp: Any) -> None:
    found = [q.text for q in find_quantities(nlp("It was his sixth win and a fourth title."))]
    assert found == []
