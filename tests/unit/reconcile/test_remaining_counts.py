"""What is left of a group ("two climbers still stranded", "the remaining 30 hostages") is
told after the group's own count: it does not contradict it, though it may update it.
Each test builds its own small multi-outlet story."""

from __future__ import annotations

from tests.support.brief import discrepancy_values, story


def test_those_still_trapped_do_not_contradict_those_trapped() -> None:
    pairs = story(
        ("Firefighters said they were working to free three people still trapped in the "
         "collapsed car park in Lindholm.", "2021-03-02"),
        ("Firefighters labored for hours to free six people trapped in the collapsed car "
         "park in Lindholm.", "2021-03-02"),
    )
    assert discrepancy_values(pairs) == []
    assert discrepancy_values(pairs, "quantity_update") == []


def test_counts_of_what_is_left_still_conflict_with_each_other() -> None:
    pairs = story(
        ("Officials in Lindholm said nine miners remain missing underground.", "2021-03-02"),
        ("Officials in Lindholm said 14 miners remain missing underground.", "2021-03-02"),
    )
    assert discrepancy_values(pairs) == [[9.0, 14.0]]


def test_what_is_left_develops_across_days() -> None:
    pairs = story(
        ("The rebels still hold 40 hostages in the Lindholm compound, police said.",
         "2021-03-02"),
        ("The remaining 32 hostages are held in the Lindholm compound, police said.",
         "2021-03-05"),
    )
    assert discrepancy_values(pairs, "quantity_update") == [[32.0, 40.0]]


def test_what_is_left_updates_the_whole_count_of_an_earlier_day() -> None:
    pairs = story(
        ("Twelve fishermen were missing after the storm hit Lindholm, officials said.",
         "2021-03-02"),
        ("Nine fishermen remain missing after the storm hit Lindholm, officials said.",
         "2021-03-04"),
    )
    assert discrepancy_values(pairs) == []
    assert discrepancy_values(pairs, "quantity_update") == [[9.0, 12.0]]
