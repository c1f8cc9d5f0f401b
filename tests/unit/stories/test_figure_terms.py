"""Figures as story terms: every value a report gives, a change's earlier one too."""

from __future__ import annotations

from sitrep.models import Annotations, Quantity
from sitrep.stories.features import occurrences
from tests.support.store import make_article


def test_a_change_gives_both_its_values_as_figures() -> None:
    text = "The herd fell from 640 head to 410 over the winter."
    old, new = text.index("640"), text.index("410")
    q = Quantity(new, new + 3, "410", 410.0, unit="head", change="down", old_value=640.0,
                 old_start=old, old_end=old + len("640 head"))
    figures = [(start, term) for start, term, kind in
               occurrences(make_article(text), Annotations(quantities=[q])) if kind == "n"]
    assert figures == [(old, "n:640:head"), (new, "n:410:head")]
