"""A long text's parts annotated apart: their spans moved back onto the whole text."""

from __future__ import annotations

from sitrep.annotate.chunks import merge
from sitrep.models import Annotations, Quantity


def test_merge_moves_a_change_s_earlier_value_with_its_part() -> None:
    # "fell from 96 kilograms to 88" in the second part, which starts at character 1000
    q = Quantity(31, 33, "88", 88.0, unit="kilogram", counted_start=None, change="down",
                 old_value=96.0, old_start=15, old_end=27)
    whole = merge([(0, Annotations()), (1000, Annotations(quantities=[q]))])
    (got,) = whole.quantities
    assert (got.start, got.end, got.old_start, got.old_end) == (1031, 1033, 1015, 1027)
    assert got.counted_start is None  # an offset that is not there stays absent
