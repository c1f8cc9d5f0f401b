"""Revised counts: a verb-less count given another value on a later day is an update,
never a conflict. Each test builds its own small multi-outlet story."""

from __future__ import annotations

from sitrep.brief import build_brief, check_citations
from sitrep.reconcile import reconcile
from tests.support.brief import story


def _revisions(pairs: list) -> list:
    return [d for d in reconcile(pairs).discrepancies if d.about.endswith("over time")]


def test_a_count_given_anew_weeks_later_is_an_update() -> None:
    pairs = story(
        (
            "The leak may have exposed the files of 210 million customers, the bank said.",
            "2019-03-04",
        ),
        ("Investigators say the files of 210 million people were taken.", "2019-03-06"),
        ("The bank now says the files of 228 million people were in the stolen set.", "2019-04-15"),
    )
    found = _revisions(pairs)
    assert len(found) == 1 and found[0].kind == "quantity_update"
    values = [c.value for c in found[0].claims]
    assert values[0] == 210e6 and values[-1] == 228e6  # in time order
    assert not [d for d in reconcile(pairs).discrepancies if d.kind == "quantity_conflict"]
    brief = build_brief(pairs, story_id="s")
    assert check_citations(brief, [a for a, _ in pairs]) == []


def test_same_day_different_values_are_not_an_update() -> None:
    pairs = story(
        (
            "The leak may have exposed the files of 210 million customers, the bank said.",
            "2019-03-04",
        ),
        ("Hackers took the files of 228 million customers, analysts said.", "2019-03-04"),
    )
    assert not _revisions(pairs)


def test_counts_of_other_magnitudes_or_groups_stay_apart() -> None:
    pairs = story(
        ("About 40,000 Canadian residents had their files exposed, the bank said.", "2019-03-04"),
        ("The bank said 52,000 British residents had their files exposed.", "2019-04-02"),
        ("Some 900,000 residents in all may be affected, the bank said.", "2019-04-20"),
    )
    assert not _revisions(pairs)


def test_small_counts_never_form_a_revision() -> None:
    pairs = story(
        ("Rescuers found 12 passengers in the wreck on Monday.", "2019-03-04"),
        ("Rescuers had found 17 passengers by Wednesday.", "2019-03-06"),
    )
    assert not _revisions(pairs)


def test_a_report_telling_an_earlier_figure_makes_an_update() -> None:
    pairs = story(
        (
            "The bank previously said up to 50,000 Irish clients may have been hit. "
            "It now says the files of about 3,000 Irish customers were taken.",
            "2019-05-02",
        ),
    )
    found = _revisions(pairs)
    assert len(found) == 1
    assert [c.value_text for c in found[0].claims] == ["up to 50,000", "about 3,000"]


def test_without_words_of_an_earlier_figure_one_report_makes_no_update() -> None:
    pairs = story(
        (
            "The bank said up to 50,000 Irish clients may have been hit. "
            "The files of about 3,000 Irish customers were taken from one server.",
            "2019-05-02",
        ),
    )
    assert not _revisions(pairs)
