"""Times of day several outlets give for the story's happening are listed with its figures."""

from __future__ import annotations

from sitrep.brief import build_brief, check_citations
from tests.support.brief import story


def _times(*reports: tuple[str, str]) -> list[list[float]]:
    pairs = story(*reports)
    brief = build_brief(pairs, story_id="s")
    assert check_citations(brief, [a for a, _ in pairs]) == []
    return [[p.low for p in n.points] for n in brief.numbers if n.about == "time of day"]


def test_time_several_outlets_give_is_a_figure() -> None:
    times = _times(
        ("The plane left Denver at 10:48 a.m. on Tuesday and landed in Tokyo.",
         "2017-12-27"),
        ("The flight took off at 10:48am on Tuesday, carrying 200 passengers.",
         "2017-12-27"),
    )
    assert times == [[10.8, 10.8]]


def test_one_outlets_passing_time_is_not() -> None:
    times = _times(
        ("A resident said she heard a crash at 6:15am on Wednesday near the station.",
         "2016-11-09"),
        ("The tram overturned on Wednesday near the station, officials said.", "2016-11-09"),
    )
    assert times == []


def test_times_minutes_apart_are_one_moment() -> None:
    times = _times(
        ("The tram derailed at around 6am on Wednesday, police said.", "2016-11-09"),
        ("The tram derailed at 6:10am on Wednesday, police said.", "2016-11-09"),
        ("The tram left the depot at 11pm on Wednesday, police said.", "2016-11-09"),
    )
    assert times == [[6.0, 6.17]]


def test_syndicated_copies_of_one_report_count_once() -> None:
    copy = "The ferry left Harwich at 9:40 a.m. on Friday with 300 people aboard, police said."
    assert _times((copy, "2019-06-07"), (copy, "2019-06-07")) == []
    assert _times(
        (copy, "2019-06-07"),
        ("Coastguards said the ferry sailed from Harwich at 9:40am on Friday.", "2019-06-07"),
    ) == [[9.67, 9.67]]
