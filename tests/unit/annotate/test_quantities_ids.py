"""Quantities: codes that look like numbers (split "No." labels, trunk-prefix phones)."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.annotate.quantities.layer import find_quantities


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Order No. 55120 and a spare box were lost.", "55120"),
        ("For help, ring 0161 555 0192 before noon.", "0161"),
        # a toll-free line with its "1-" trunk is no range from 1 to 888
        ("Tips go to 1-888-555-0147 around the clock.", "1-888"),
    ],
)
def test_codes_are_not_quantities(nlp: Any, sentence: str, code: str) -> None:
    assert code not in [q.text for q in find_quantities(nlp(sentence))]


def test_a_range_from_one_stays_a_range(nlp: Any) -> None:
    found = [q.text for q in find_quantities(nlp("Ratings run 1-100 points on the scale."))]
    assert found == ["1-100 points"]


def test_counts_beside_codes_stay(nlp: Any) -> None:
    found = [
        q.text for q in find_quantities(nlp("Order No. 55120 listed 12 chairs and 0.5 tonnes."))
    ]
    assert "12" in found and "0.5 tonnes" in found
