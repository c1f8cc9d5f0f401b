"""A count's head noun keys it: a kind word one outlet adds does not split a figure, but
two kinds that differ stay apart. Each test builds its own small multi-outlet story."""

from __future__ import annotations

from sitrep.reconcile import reconcile
from tests.support.brief import discrepancy_values, story

_DAY = "2019-03-04"


def test_an_added_kind_word_joins_the_count() -> None:
    pairs = story(
        ("The navy sent four patrol boats to the flooded valley on Monday.", _DAY),
        ("The navy sent six river patrol boats to the flooded valley on Monday.", _DAY),
    )
    assert discrepancy_values(pairs) == [[4.0, 6.0]]


def test_two_different_kinds_stay_apart() -> None:
    pairs = story(
        ("The navy sent four river boats to the flooded valley on Monday.", _DAY),
        ("The navy sent six patrol boats to the flooded valley on Monday.", _DAY),
    )
    assert discrepancy_values(pairs) == []


def test_a_count_that_fits_two_wider_kinds_stays_apart() -> None:
    pairs = story(
        ("The navy sent four patrol boats to the valley on Monday.", _DAY),
        ("The navy sent six river patrol boats to the valley on Monday.", _DAY),
        ("The navy sent two coastal patrol boats to the valley on Monday.", _DAY),
    )
    keys = {c.key[2] for c in reconcile(pairs).quantities}
    assert keys == {"patrol", "patrol river", "coastal patrol"}
    assert discrepancy_values(pairs) == []


def test_a_none_that_no_deed_qualifies_is_no_figure() -> None:
    pairs = story(
        ("No ferry services were running on Monday after the storm.", _DAY),
        ("No services were running on Monday after the storm.", _DAY),
    )
    assert [c.value for c in reconcile(pairs).quantities] == []


def test_a_kind_one_report_tells_beside_the_whole_is_a_part() -> None:
    pairs = story(
        ("The navy sent 40 boats, among them about 12 patrol boats, on Monday.", _DAY),
        ("The navy sent 30 boats to the valley on Monday.", _DAY),
    )
    assert discrepancy_values(pairs) == [[30.0, 40.0]]
