"""Positions of a deed told as a repetition ("stopped for a second time", "another
stoppage"): the same repetition in two outlets is one happening, whoever else the clauses
name. Each test builds its own small multi-outlet story."""

from __future__ import annotations

from sitrep.reconcile.incidents import incident_words, same_repetition, telling
from tests.support.brief import discrepancy_values, story


def _words(text: str) -> frozenset[str]:
    return incident_words(text, (0, len(text)), {}, frozenset({"lap"}))


def test_one_repeated_stoppage_on_two_laps_conflicts() -> None:
    pairs = story(
        ("The Harbour Cup was stopped for a second time on lap 35, with some drivers, "
         "including leader Tom Jansen, saying the track was safe.", "2019-05-04"),
        ("TIMELINE\nLap 12 Ola Berg spins into the gravel.\nLap 36 Fans jeer as steward "
         "Paul Okafor stops the race once more.", "2019-05-05"),
    )
    assert discrepancy_values(pairs) == [[35.0, 36.0]]


def test_the_same_repetition_on_the_same_lap_agrees() -> None:
    pairs = story(
        ("The Harbour Cup was stopped for a second time on lap 35, with leader Tom Jansen "
         "saying the track was safe.", "2019-05-04"),
        ("Lap 35 Steward Paul Okafor stops the race once more.", "2019-05-04"),
    )
    assert discrepancy_values(pairs) == []


def test_repetitions_of_different_deeds_are_different_happenings() -> None:
    a = _words("Lap 12 Ola Berg spins again at the hairpin")
    b = _words("Lap 30 Tom Jansen pits again for fresh tyres")
    assert "+n" in a and "+n" in b
    assert not same_repetition(a, b, telling([a, b], ["1", "2"]))


def test_a_second_and_a_third_time_are_different_repetitions() -> None:
    a = _words("the race was stopped for a second time as Jansen complained")
    b = _words("the race was stopped for a third time as Okafor waved the flag")
    assert not same_repetition(a, b, telling([a, b], ["1", "2"]))
    c = _words("Okafor stopped the race once more")
    assert same_repetition(a, c, telling([a, c], ["1", "2"]))


def test_one_deed_repeated_on_laps_far_apart_is_two_deeds() -> None:
    pairs = story(
        ("Ola Berg crashed again at the hairpin on lap 12.", "2019-05-04"),
        ("Tom Jansen crashed again at the hairpin on lap 40.", "2019-05-04"),
    )
    assert discrepancy_values(pairs) == []
