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
        ("Sweden's Marcus Ericsson brought the safety car out on lap 13 when he smashed his "
         "Sauber into the barriers.", "2016-11-13"),
        ("TIMELINE\nLap 14 Marcus Ericsson has a big smash in his Sauber and the safety car "
         "is deployed\nLap 20 Kimi Raikkonen spins and the race is stopped.", "2016-11-14"),
    )
    assert discrepancy_values(pairs) == [[13.0, 14.0]]
    brief = build_brief(pairs, story_id="s")
    assert check_citations(brief, [a for a, _ in pairs]) == []


def test_laps_of_different_happenings_never_conflict() -> None:
    pairs = story(
        ("Marcus Ericsson smashed his Sauber on lap 13. Max Verstappen pitted for tyres "
         "on lap 44.", "2016-11-13"),
        ("Kimi Raikkonen smashed his Ferrari on lap 20. Max Verstappen passed Sergio Perez "
         "for third place on lap 69.", "2016-11-13"),
    )
    assert discrepancy_values(pairs) == []


def test_timeline_items_are_positions_not_counts_or_years() -> None:
    text = "Lap 14 Ericsson crashes\nLap 20 Raikkonen spins\nSince 2016 Apple has grown.\nOn 3 May"
    assert [v for _, _, v in line_item_mentions(text)] == [14.0, 20.0]


def test_an_incident_is_read_from_the_line_of_its_figure() -> None:
    text = "TIMELINE\nLap 14 Ericsson smashes his Sauber\nLap 20 Raikkonen spins out"
    start = text.index("20")
    span = clause(text, start, start + 2, 0, len(text))
    words = incident_words(text, span, {}, frozenset({"lap"}))
    assert "^raikkonen" in words and "^ericsson" not in words and "lap" not in words


def test_words_in_most_reports_tell_no_happening_apart() -> None:
    grand = frozenset({"^grand", "^sauber", "crash"})
    other = frozenset({"^grand", "^ferrari", "crash"})
    plain = [frozenset({"^grand"})] * 6
    words = telling([grand, other, *plain], [str(i) for i in range(8)])
    assert "^grand" not in words
    assert not same_incident(grand, other, words)
    assert same_incident(grand, frozenset({"^sauber", "crash"}), words)


def test_clauses_naming_different_people_tell_different_happenings() -> None:
    a = frozenset({"@raikkonen", "^ferrari", "crash"})
    b = frozenset({"@hamilton", "^ferrari", "crash"})
    words = telling([a, b], ["1", "2"])
    assert not same_incident(a, b, words)
    assert same_incident(a, frozenset({"^ferrari", "crash"}), words)


def test_chances_of_different_things_are_different_figures() -> None:
    pairs = story(
        ("Musk gave the rocket a 50 to 70 percent chance of full success on Tuesday.",
         "2018-02-06"),
        ("Forecasts call for an 80 percent chance of favorable conditions on Tuesday.",
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
        ("The insurgency, which began in 2009, has killed more than 20,000 people.",
         "2016-10-13"),
        ("Since it started, the group has killed more than 20,000 people in Nigeria.",
         "2016-10-14"),
    )
    assert _one_figure_of_two_outlets(pairs, lambda c: c.predicate == "killed")
    pairs = story(
        ("More than 50 people gathered at the station on Wednesday.", "2016-11-09"),
        ("More than 50 people were injured in the crash on Wednesday.", "2016-11-09"),
    )
    assert all(len({c.outlet for c in g}) == 1 for g in reconcile(pairs).groups)


def test_one_draft_dated_to_two_years_conflicts() -> None:
    pairs = story(
        ("Palmer, the No. 1-overall pick by Cincinnati in 2002, retired on Tuesday.",
         "2018-01-02"),
        ("The 38-year-old Palmer was drafted first overall in 2003 by the Cincinnati Bengals, "
         "and then joined the Cardinals in 2013.", "2018-01-03"),
    )
    assert discrepancy_values(pairs) == [[2002.0, 2003.0]]
    brief = build_brief(pairs, story_id="s")
    assert not [n for n in brief.numbers if "2002" in n.text]  # years date, they do not count
    assert check_citations(brief, [a for a, _ in pairs]) == []


def test_years_of_different_happenings_or_open_periods_never_conflict() -> None:
    pairs = story(
        ("Arians began his career at Virginia Tech in 1975. The insurgency has displaced "
         "millions since 2009.", "2018-01-02"),
        ("Arians won Coach of the Year with the Colts in 2012. Since 2011 Boko Haram has "
         "displaced millions.", "2018-01-02"),
    )
    assert discrepancy_values(pairs) == []


def test_one_boy_told_three_and_four_a_day_apart_is_a_conflict_not_an_update() -> None:
    pairs = story(
        ("A 3-year-old boy fell into the gorilla enclosure at the zoo on Saturday.",
         "2016-05-29T10:00"),
        ("The 4-year-old boy climbed through a barrier at the zoo on Saturday.",
         "2016-05-30T12:00"),
    )
    kinds = [d.kind for d in reconcile(pairs).discrepancies]
    assert kinds == ["quantity_conflict"]


def test_ages_of_several_men_in_one_report_are_never_compared() -> None:
    pairs = story(
        ("A 22-year-old man was wounded in Park Manor on Wednesday. Later a 20-year-old man "
         "was wounded in Brighton Park.", "2015-08-27"),
        ("A 34-year-old man was shot in the leg on Wednesday.", "2015-08-28"),
    )
    assert reconcile(pairs).discrepancies == []


def test_one_small_count_of_one_thing_from_two_outlets_is_one_figure() -> None:
    pairs = story(
        ("In Atlanta, three top executives sold shares days after the hack was found.",
         "2017-09-08"),
        ("In London, critics noted that three executives sold shares after the hack.",
         "2017-09-09"),
    )
    assert _one_figure_of_two_outlets(pairs, lambda c: c.counted_class == "executive")


def test_a_figures_own_words_tell_no_happening() -> None:
    text = "Verstappen recovered to secure third place."
    start = text.index("third")
    words = incident_words(text, (0, len(text)), {}, frozenset({"place"}), (start, start + 5))
    assert "third" not in words and "secure" in words
