"""A change told with both values is one quantity: the new value, the old one, a direction."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.annotate.quantities.changes import split_changes
from sitrep.annotate.quantities.layer import find_quantities
from sitrep.models import Quantity


def found(nlp: Any, text: str) -> list[Quantity]:
    return find_quantities(nlp(text))


@pytest.mark.parametrize(
    ("sentence", "value", "old", "change", "unit"),
    [
        # the unit written once, on either value
        ("Her weight dropped from 80 kilograms to 72 within a year.", 72, 80, "down", "kilogram"),
        ("Output climbed from 40 to 55 tonnes a day.", 55, 40, "up", "tonne per day"),
        # a date and a rate's denominator between the two values
        (
            "The fare went from $30 per ticket in March to $42 in June.",
            42,
            30,
            "up",
            "dollar per ticket",
        ),
        # the earlier value shares the later one's scale
        ("Debt grew from 2.5 to 3.1 billion dollars.", 3.1e9, 2.5e9, "up", "dollar"),
        # no verb, but a fall is no range
        ("Staff numbers, from 90 to 60 since spring, worry the union.", 60, 90, "down", None),
    ],
)
def test_change_is_one_quantity(
    nlp: Any, sentence: str, value: float, old: float, change: str, unit: str | None
) -> None:
    qs = found(nlp, sentence)
    assert len(qs) == 1, [q.text for q in qs]
    q = qs[0]
    assert (q.value, q.old_value, q.change, q.unit) == (
        pytest.approx(value),
        pytest.approx(old),
        change,
        unit,
    )
    assert q.old_start is not None and q.old_end is not None and q.old_end <= q.start


def test_a_range_without_change_stays_a_range(nlp: Any) -> None:
    qs = found(nlp, "Tickets range from $20 to $45.")
    assert [(q.low, q.high, q.old_value) for q in qs] == [(20, 45, None)]


def test_a_range_changed_into_a_range_keeps_both_ranges(nlp: Any) -> None:
    qs = found(nlp, "They cut the forecast from 6 to 8 percent to 2 to 4 percent.")
    assert [(q.low, q.high, q.unit) for q in qs] == [
        (6, 8, "percentage"),
        (2, 4, "percentage"),
    ]


def test_the_earlier_value_takes_the_scale_and_unit_of_a_later_range(nlp: Any) -> None:
    qs = found(nlp, "Sales should increase from 12.5 to 14-15 billion euros.")
    assert (qs[0].value, qs[0].unit) == (pytest.approx(12.5e9), "euro")


@pytest.mark.parametrize(
    ("sentence", "old", "change"),
    [
        # the verb says it rose: not a fall from 700 million
        ("Club membership grew from 700 to 1.4 million within a decade.", 700, "up"),
        # the verb says it fell, and in euros the earlier figure carries the scale too
        ("The shortfall was cut from 14 to 11 billion euros.", 14e9, "down"),
        ("Revenue shrank from $6 to $5 billion in the slump.", 6e9, "down"),
        # no verb: numbers of one magnitude share it, far apart they do not
        ("Visitor numbers went from 4 to 6 million in ten years.", 4e6, "up"),
        ("Attendance went from 850 to 1.3 million visitors in ten years.", 850, "up"),
    ],
)
def test_the_scale_word_is_shared_only_where_it_reads_so(
    nlp: Any, sentence: str, old: float, change: str
) -> None:
    q = next(q for q in found(nlp, sentence) if q.old_value is not None)
    assert (q.old_value, q.change) == (pytest.approx(old), change)


@pytest.mark.parametrize(
    "sentence",
    [
        # no verb of change before "from": a range only rises, so a fall in the later
        # number's scale is a change, and the earlier number takes that scale
        "Its budget, from $9 to $7 million this year, angers the staff.",
        "Net debt from 3.4 to 2.9 billion euros is the plan for 2030.",
    ],
)
def test_a_pair_falling_in_one_scale_is_a_change_not_a_range(nlp: Any, sentence: str) -> None:
    q = next(q for q in found(nlp, sentence) if q.old_value is not None or q.low is not None)
    assert (q.low, q.change) == (None, "down")
    assert q.old_value is not None and q.value is not None
    assert q.old_value > q.value > 1e6


def test_a_qualified_earlier_value_is_not_folded(nlp: Any) -> None:
    qs = found(nlp, "Turnout rose from about 40 percent to 52 percent.")
    assert [q.value for q in qs] == [40, 52]


def test_two_clauses_are_two_changes(nlp: Any) -> None:
    qs = found(nlp, "Exports rose from 10 to 12 tonnes and imports fell from 9 to 7 tonnes.")
    assert [(q.old_value, q.value) for q in qs] == [(10, 12), (9, 7)]


def test_split_changes_gives_each_value_its_own_span() -> None:
    text = "Her weight dropped from 80 kilograms to 72."
    s, o = text.index("72"), text.index("80")
    q = Quantity(s, s + 2, "72", 72.0, unit="kilogram", change="down", old_value=80.0,
                 old_start=o, old_end=o + len("80 kilograms"))
    old, new = split_changes(text, [q])
    assert (old.text, old.value, old.unit, new) == ("80 kilograms", 80.0, "kilogram", q)


@pytest.mark.parametrize(
    ("sentence", "texts"),
    [
        # a move with its unit, then the level reached: two figures, not a range
        ("Tin fell $40 to $19,200 a tonne.", ["$40", "$19,200 a tonne"]),
        ("The index gained 85 points to 7,410 points.", ["85 points", "7,410 points"]),
        # a range of the move writes its unit once; a range with no move stays one
        ("Wages rose 2 to 3 percent.", ["2 to 3 percent"]),
        ("Wages will rise 2% to 3%.", ["2% to 3%"]),
        ("A bill of $2 million to $4 million is likely.", ["$2 million to $4 million"]),
    ],
)
def test_a_move_and_the_level_reached_are_no_range(
    nlp: Any, sentence: str, texts: list[str]
) -> None:
    assert [q.text for q in found(nlp, sentence)] == texts


@pytest.mark.parametrize(
    ("sentence", "changes"),
    [
        ("Copper rose 3 percent on Tuesday.", ["up"]),
        ("The index was down 19 points by noon.", ["down"]),
        ("Profit increased by $2 million.", ["up"]),
        ("The stock slid 40 cents to $12.10.", ["down", "down"]),
        ("The rate fell to 4 percent.", ["down"]),
        ("Tin +0.4% and zinc +1.2% at the close.", ["up", "up"]),
        # what is shed is lost: a share of value or a count of what one had
        ("The bank's shares shed 4.5% by the close.", ["down"]),
        ("The carmaker shed 900 staff over the winter.", ["down"]),
        # what is cut, lost or shed falls; what is added or created rises
        ("The plant cut 450 jobs and lost 30 contracts.", ["down", "down"]),
        ("Factories added 12,000 jobs and created 80 posts in May.", ["up", "up"]),
        ("The carrier lost 2.5% in early trade.", ["down"]),
        ("The shares added 6 cents.", ["up"]),
        # money raised is collected, a rate raised to a level moves
        ("The charity raised $2 million at the gala.", [None]),
        ("Rates were raised to 5 percent.", ["up"]),
        ("The target was revised upward by 3 percent.", ["up"]),
        # a number that counts things moves nothing, nor one that counts contests lost
        ("The club lost 3 games and signed 2 players.", [None, None]),
        ("The party lost two elections in a row.", [None]),
        ("Air defences shot down 12 drones overnight.", [None]),
        ("About 40 people attended.", [None]),
    ],
)
def test_direction_of_a_figure_told_as_a_move(
    nlp: Any, sentence: str, changes: list[str | None]
) -> None:
    assert [q.change for q in found(nlp, sentence)] == changes
