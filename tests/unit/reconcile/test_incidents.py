"""Positions compared by the happening their clause tells, and measures by what they
are of. Each test builds its own small multi-outlet story."""

from __future__ import annotations

from collections.abc import Callable

from sitrep.brief import build_brief, check_citations
from sitrep.reconcile import QuantityClaim, reconcile
from sitrep.reconcile.incidents import clause, incident_words, same_incident, telling
from sitrep.reconcile.measures import line_item_mentions
from tests.support.brief import discrepancy_values, story


def _one_figure_of_two_outlets(pairs: list, keep: Callable[[QuantityClaim], bool]) -> bool:
    """The figures ``keep`` picks form one group, stated by two outlets."""
    groups = [g for g in reconcile(pairs).groups if keep(g[0])]
    return len(groups) == 1 and len({c.outlet for c in groups[0]}) == 2


def test_one_crash_on_two_laps_conflicts_whatever_the_days() -> None:
    pairs = story(
        ("Croatia's Pavel Orsic brought the safety car out on lap 22 when he smashed his "
         "Halden into the wall.", "2016-11-13"),
        ("TIMELINE\nLap 23 Pavel Orsic has a heavy smash in his Halden and the safety car "
         "comes out\nLap 30 Ivo Marek spins and the race is halted.", "2016-11-14"),
    )
    assert discrepancy_values(pairs) == [[22.0, 23.0]]
    brief = build_brief(pairs, story_id="s")
    assert check_citations(brief, [a for a, _ in pairs]) == []


def test_laps_of_different_happenings_never_conflict() -> None:
    pairs = story(
        ("Pavel Orsic smashed his Halden on lap 22. Tomas Brink pitted for tyres "
         "on lap 41.", "2016-11-13"),
        ("Ivo Marek smashed his Vireo on lap 30. Tomas Brink passed Luca Ferro "
         "for third place on lap 63.", "2016-11-13"),
    )
    assert discrepancy_values(pairs) == []


def test_timeline_items_are_positions_not_counts_or_years() -> None:
    text = "Lap 23 Orsic crashes\nLap 30 Marek spins\nSince 2016 Apple has grown.\nOn 3 May"
    assert [v for _, _, v in line_item_mentions(text)] == [23.0, 30.0]


def test_an_incident_is_read_from_the_line_of_its_figure() -> None:
    text = "TIMELINE\nLap 23 Orsic smashes his Halden\nLap 30 Marek spins out"
    start = text.index("30")
    span = clause(text, start, start + 2, 0, len(text))
    words = incident_words(text, span, {}, frozenset({"lap"}))
    assert "^marek" in words and "^orsic" not in words and "lap" not in words


def test_words_in_most_reports_tell_no_happening_apart() -> None:
    grand = frozenset({"^grand", "^halden", "crash"})
    other = frozenset({"^grand", "^vireo", "crash"})
    plain = [frozenset({"^grand"})] * 6
    words = telling([grand, other, *plain], [str(i) for i in range(8)])
    assert "^grand" not in words
    assert not same_incident(grand, other, words)
    assert same_incident(grand, frozenset({"^halden", "crash"}), words)


def test_clauses_naming_different_people_tell_different_happenings() -> None:
    a = frozenset({"@marek", "^vireo", "crash"})
    b = frozenset({"@cota", "^vireo", "crash"})
    words = telling([a, b], ["1", "2"])
    assert not same_incident(a, b, words)
    assert same_incident(a, frozenset({"^vireo", "crash"}), words)


def test_chances_of_different_things_are_different_figures() -> None:
    pairs = story(
        ("Okafor gave the rocket a 40 to 60 percent chance of a clean landing on Tuesday.",
         "2018-02-06"),
        ("Forecasts call for a 75 percent chance of calm seas on Tuesday.",
         "2018-02-06"),
    )
    assert reconcile(pairs).discrepancies == []


def test_chances_of_one_thing_still_conflict() -> None:
    pairs = story(
        ("Forecasters gave a 20 percent chance of rain on Tuesday.", "2018-02-06"),
        ("There is a 70 percent chance of rain on Tuesday, forecasters said.", "2018-02-06"),
    )
    assert discrepancy_values(pairs) == [[20.0, 70.0]]


def test_one_open_toll_of_two_outlets_is_one_figure_but_round_floors_are_not() -> None:
    pairs = story(
        ("The rebellion, which began in 2011, has killed more than 12,000 people.",
         "2016-10-13"),
        ("Since it started, the movement has killed more than 12,000 people in Chad.",
         "2016-10-14"),
    )
    assert _one_figure_of_two_outlets(pairs, lambda c: c.predicate == "killed")
    pairs = story(
        ("More than 50 people gathered at the station on Wednesday.", "2016-11-09"),
        ("More than 50 people were hurt in the collision on Wednesday.", "2016-11-09"),
    )
    assert all(len({c.outlet for c in g}) == 1 for g in reconcile(pairs).groups)


def test_one_draft_dated_to_two_years_conflicts() -> None:
    pairs = story(
        ("Mercer, the No. 1-overall pick by Detroit in 2008, retired on Tuesday.",
         "2018-01-02"),
        ("The 36-year-old Mercer was drafted first overall in 2009 by the Detroit Hawks, "
         "and then joined the Otters in 2015.", "2018-01-03"),
    )
    assert discrepancy_values(pairs) == [[2008.0, 2009.0]]
    brief = build_brief(pairs, story_id="s")
    assert not [n for n in brief.numbers if "2008" in n.text]  # years date, they do not count
    assert check_citations(brief, [a for a, _ in pairs]) == []


def test_years_of_different_happenings_or_open_periods_never_conflict() -> None:
    pairs = story(
        ("Mercer began his career at Lakeview State in 1981. The insurgency has displaced "
         "millions since 2009.", "2018-01-02"),
        ("Mercer won Coach of the Year with the Otters in 2014. Since 2011 the rebels have "
         "displaced millions.", "2018-01-02"),
    )
    assert discrepancy_values(pairs) == []


def test_one_boy_told_three_and_four_a_day_apart_is_a_conflict_not_an_update() -> None:
    pairs = story(
        ("A 3-year-old boy fell into the bear pit at the zoo on Saturday.",
         "2016-05-29T10:00"),
        ("The 4-year-old boy climbed through a barrier at the zoo on Saturday.",
         "2016-05-30T12:00"),
    )
    kinds = [d.kind for d in reconcile(pairs).discrepancies]
    assert kinds == ["quantity_conflict"]


def test_ages_of_several_men_in_one_report_are_never_compared() -> None:
    pairs = story(
        ("A 22-year-old man was wounded in Elm Heights on Wednesday. Later a 20-year-old man "
         "was wounded in Cedar Park.", "2015-08-27"),
        ("A 34-year-old man was shot in the leg on Wednesday.", "2015-08-28"),
    )
    assert reconcile(pairs).discrepancies == []


def test_one_small_count_of_one_thing_from_two_outlets_is_one_figure() -> None:
    pairs = story(
        ("In Denver, three top executives sold shares days after the breach was found.",
         "2017-09-08"),
        ("In London, critics noted that three executives sold shares after the breach.",
         "2017-09-09"),
    )
    assert _one_figure_of_two_outlets(pairs, lambda c: c.counted_class == "executive")


def test_a_figures_own_words_tell_no_happening() -> None:
    text = "Brink recovered to secure third place."
    start = text.index("third")
    words = incident_words(text, (0, len(text)), {}, frozenset({"place"}), (start, start + 5))
    assert "third" not in words and "secure" in words
