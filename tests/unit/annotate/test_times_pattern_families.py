"""The time patterns are built family by family from shared atoms; the order of the
families is behaviour (on spans of the same length the pattern listed first wins)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from sitrep.annotate.times.patterns import (
    FAMILIES,
    MARGINS,
    Atoms,
    Patterns,
    compiled_patterns,
    find_candidates,
    shared_atoms,
    trigger_table,
)


def _family(name: str) -> Patterns:
    return next(f for f in FAMILIES if f.__name__ == name)(shared_atoms())


def _rank(family: str) -> int:
    return [f.__name__ for f in FAMILIES].index(family)


def test_families_have_unique_names() -> None:
    names = [f.__name__ for f in FAMILIES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.__name__)
def test_each_family_is_a_non_empty_tuple_of_distinct_patterns(
    family: Callable[[Atoms], Patterns],
) -> None:
    patterns = family(shared_atoms())
    assert isinstance(patterns, tuple) and patterns
    sources = [src for _, src in patterns]
    assert len(sources) == len(set(sources))
    for kind, src in patterns:
        assert kind in MARGINS  # every kind has a trigger window
        re.compile(src, re.IGNORECASE)


def test_no_pattern_is_listed_twice_across_families() -> None:
    pairs = [pair for family in FAMILIES for pair in family(shared_atoms())]
    assert len(pairs) == len(set(pairs))


def test_compiled_patterns_are_the_families_in_order() -> None:
    expected = [pair for family in FAMILIES for pair in family(shared_atoms())]
    got = [(kind, p.pattern) for kind, p in compiled_patterns()]
    assert got == [(kind, rf"\b(?:{src})") for kind, src in expected]
    assert all(p.flags & re.IGNORECASE for _, p in compiled_patterns())


def test_the_atoms_are_built_once() -> None:
    assert shared_atoms() is shared_atoms()


def test_dates_with_a_day_come_before_the_bare_month() -> None:
    kinds = [kind for kind, _ in _family("_date_patterns")]
    assert kinds.index("month") > max(i for i, k in enumerate(kinds) if k == "date")


def test_the_bare_24_hour_clock_is_the_last_reading_of_a_clock_time() -> None:
    # "last: a longer reading above wins ("at 8:15 in the evening")"
    (_, clock), = _family("_clock_patterns")
    assert clock.index(r"in\s+the\s+(?:morning") < clock.index(r"(?<=\bfrom\s)")


def test_a_day_told_from_the_last_date_ranks_before_a_unit_told_from_now() -> None:
    # "the following month": from the last date (anaphor), not a span of the calendar
    assert _rank("_relative_day_patterns") < _rank("_unit_patterns")
    text = "The mill shut down in the spring. The following year the town emptied."
    spans = [(text[c.start : c.end], c.kind) for c in find_candidates(text)]
    assert ("The following year", "anaphor") in spans


def test_a_relative_year_ranks_before_the_year_of_a_report() -> None:
    assert _rank("_unit_patterns") < _rank("_half_and_period_patterns")
    text = "Output should rise in the current year, the board said."
    spans = [(text[c.start : c.end], c.kind) for c in find_candidates(text)]
    assert ("the current year", "relunit") in spans


def test_only_month_and_weekday_names_need_a_capital() -> None:
    table, capital = trigger_table()
    assert capital <= set(table)
    assert {"set"} <= table["mondays"] and "mondays" in capital
    assert "today" not in capital and "relday" in table["today"]
