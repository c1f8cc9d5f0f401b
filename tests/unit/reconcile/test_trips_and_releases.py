"""A trip's length told by several outlets, and a release counted as none or as some.
Each test builds its own small multi-outlet story."""

from __future__ import annotations

from sitrep.brief import build_brief, check_citations
from sitrep.reconcile import reconcile
from tests.support.brief import discrepancy_values, story

_FLIGHT = ("The plane turned back four hours into the 11-hour flight to Tokyo.", "2017-12-27")
_NONE_RELEASED = ("No captive fighters were released in exchange for the hostages, a source "
                  "said on Thursday.", "2016-10-13")


def test_one_trip_told_as_a_flight_and_a_journey_a_week_apart_conflicts() -> None:
    pairs = story(
        _FLIGHT,
        ("The plane turned back four hours into an 11-and-a-half hour journey to Tokyo. "
         "One passenger posted: 4 hours into an 11 hour flight and the pilot says we go back.",
         "2018-01-07"),
    )
    assert discrepancy_values(pairs) == [[11.0, 11.5]]  # one report's two values are no change
    assert discrepancy_values(pairs, "quantity_update") == []
    brief = build_brief(pairs, story_id="s")
    assert check_citations(brief, [a for a, _ in pairs]) == []


def test_a_hedged_trip_length_agrees() -> None:
    pairs = story(
        _FLIGHT,
        ("The plane turned back during a flight of about 11 and a half hours.", "2017-12-27"),
    )
    assert discrepancy_values(pairs) == []


def test_a_modifier_duration_of_other_things_is_no_trip() -> None:
    pairs = story(
        _FLIGHT,
        ("The airline announced a 5-year plan to renew its fleet.", "2017-12-27"),
    )
    assert discrepancy_values(pairs) == []
    assert [c.value_text for c in reconcile(pairs).quantities if c.dimension == "duration"] \
        == ["four hours", "11-hour"]  # "a 5-year plan" stays a time


def test_none_released_and_four_swapped_conflict() -> None:
    pairs = story(
        _NONE_RELEASED,
        ("The hostages were exchanged for four militants on Thursday, local sources said.",
         "2016-10-13"),
    )
    assert discrepancy_values(pairs) == [[0.0, 4.0]]


def test_none_released_and_four_killed_do_not_conflict() -> None:
    pairs = story(
        _NONE_RELEASED,
        ("Four militants were killed on Thursday in a raid, the army said.", "2016-10-13"),
    )
    assert discrepancy_values(pairs) == []


def test_captives_held_are_not_captives_released() -> None:
    pairs = story(
        ("Four captive fighters were held in the camp on Thursday.", "2016-10-13"),
        ("No captive fighters were released on Thursday.", "2016-10-13"),
    )
    assert discrepancy_values(pairs) == []


def test_one_players_years_and_seasons_with_a_team_conflict() -> None:
    pairs = story(
        ("Owen Mercer spent seven years with the Detroit Hawks, leaving in a dispute "
         "before the 2015 season.", "2018-01-02"),
        ("Mercer was drafted in 2008 by the Detroit Hawks, where he played eight seasons.",
         "2018-01-02"),
    )
    assert discrepancy_values(pairs) == [[7.0, 8.0]]
    brief = build_brief(pairs, story_id="s")
    assert check_citations(brief, [a for a, _ in pairs]) == []


def test_tenures_of_other_people_or_without_a_team_do_not_conflict() -> None:
    pairs = story(
        ("Owen Mercer spent seven years with the Detroit Hawks.", "2018-01-02"),
        ("Dale Hart spent eight seasons with the Detroit Hawks. Hart and Mercer "
         "spent the last five seasons together.", "2018-01-02"),
    )
    assert discrepancy_values(pairs) == []


def test_money_spent_is_no_tenure() -> None:
    pairs = story(
        ("The Hawks spent $5 million on the stadium, Owen Mercer said.", "2018-01-02"),
        ("Owen Mercer spent seven years with the Hawks.", "2018-01-02"),
    )
    keys = {c.key[0] for c in reconcile(pairs).quantities}
    assert "spent" in keys and "tenure @mercer hawks" in keys


def test_all_but_n_of_a_whole_counts_the_rest_and_agrees() -> None:
    pairs = story(
        ("All but three of the 21 hostages were freed on Thursday, officials said.", "2016-10-13"),
        ("Eighteen of the 21 hostages were freed on Thursday, a source said.", "2016-10-13"),
    )
    rec = reconcile(pairs)
    freed = [sorted(c.value or 0.0 for c in g) for g in rec.groups if g[0].predicate == "rescued"
             and g[0].whole]
    assert freed == [[18.0, 18.0]]
    assert {c.value_text for c in rec.quantities if c.value == 18.0} == {"All but three", "Eighteen"}
    assert discrepancy_values(pairs) == []


def test_all_but_n_without_a_whole_counts_nothing() -> None:
    pairs = story(
        ("All but three passengers were rescued on Thursday.", "2016-10-13"),
        ("Three passengers were rescued on Thursday.", "2016-10-13"),
    )
    assert [c.value for c in reconcile(pairs).quantities if c.predicate == "rescued"] == [3.0]
