"""Relations between outlets' figures: exact values in one unit, counts out of one
whole, and joins of one value under other nouns. Each test builds its own small story."""

from __future__ import annotations

from sitrep.reconcile import QuantityClaim, reconcile
from tests.support.brief import story


def _conflicts(pairs: list) -> list[list[float]]:
    return [sorted(c.value for c in d.claims if isinstance(c, QuantityClaim)
                   and c.value is not None)
            for d in reconcile(pairs).discrepancies if d.kind == "quantity_conflict"]


def test_unhedged_values_in_one_unit_conflict() -> None:
    pairs = story(
        ("The flight of 11 hours was diverted on Monday.", "2017-03-06"),
        ("The flight of 11.5 hours was diverted on Monday.", "2017-03-06"),
    )
    assert [11.0, 11.5] in _conflicts(pairs)


def test_hedged_values_in_one_unit_agree() -> None:
    pairs = story(
        ("The flight of 11.5 hours was diverted on Monday.", "2017-03-06"),
        ("The flight of about 11 hours was diverted on Monday.", "2017-03-06"),
    )
    assert not _conflicts(pairs)


def test_converted_values_keep_their_rounding() -> None:
    pairs = story(
        ("The 400-pound gorilla was shot by keepers on Saturday.", "2016-05-29"),
        ("The 181-kg gorilla was shot by keepers on Saturday.", "2016-05-29"),
    )
    assert not _conflicts(pairs)


def test_counts_out_of_one_whole_conflict() -> None:
    pairs = story(
        ("The race was halted after 20 of 71 laps on Sunday.", "2016-11-13"),
        ("The race was stopped with 21 of 71 laps completed.", "2016-11-13T17:33:00"),
    )
    assert [20.0, 21.0] in _conflicts(pairs)


def test_counts_out_of_other_wholes_stay_apart() -> None:
    pairs = story(
        ("The race was halted after 20 of 71 laps on Sunday.", "2016-11-13"),
        ("The race was stopped with 21 of 58 laps completed.", "2016-11-13"),
    )
    assert not _conflicts(pairs)


def test_one_value_under_other_nouns_joins_pairs_not_chains() -> None:
    pairs = story(
        ("Hackers stole the data of 143,000 consumers last month.", "2017-09-08"),
        ("Hackers stole the data of 143,000 people last month.", "2017-09-08"),
        ("Hackers reached 143,000 accounts at the bank last month.", "2017-09-08"),
    )
    groups = [g for g in reconcile(pairs).groups if g[0].value == 143000.0]
    assert groups
    assert all(len({c.counted_class for c in g}) <= 2 for g in groups)
