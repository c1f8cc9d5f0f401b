"""Gallery counters and clock suffixes, read once for the drafts and the filter."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.annotate.quantities.chrome import (
    CLOCK_AFTER,
    DOTTED_MERIDIEM,
    counter_line,
    counter_word,
    titled_counter,
)
from sitrep.annotate.quantities.layer import find_quantities


def test_the_word_opening_a_counter_before_its_series_length() -> None:
    text = "Frame 3 of 16 A ferry docks."
    assert counter_word(text, text.index("16")) == "Frame"
    assert titled_counter(text, text.index("16"))
    won = "They won 3 of 16 bouts."
    assert counter_word(won, won.index("16")) == "won"
    assert not titled_counter(won, won.index("16"))


def test_a_counter_on_its_own_line() -> None:
    text = "Slideshow\n7 of 30\nThe pier at dusk."
    assert counter_line(text, text.index("30"))
    assert not counter_line("Only 7 of 30 boats came back.", 5)


@pytest.mark.parametrize("after", [" p.m.", " a.m.", "P.M.", " PM", "am", " o'clock", " GMT"])
def test_clock_suffixes(after: str) -> None:
    assert CLOCK_AFTER.match(after)


def test_only_dotted_meridiems_stop_a_unit() -> None:
    assert DOTTED_MERIDIEM.match(" p.m.") and not DOTTED_MERIDIEM.match(" pm")


@pytest.mark.parametrize(
    "sentence",
    ["Frame 3 of 16 A ferry docks at noon.", "The vote closes at 8 p.m. and the count follows."],
)
def test_counters_and_clock_times_are_no_amounts(nlp: Any, sentence: str) -> None:
    assert find_quantities(nlp(sentence)) == []
