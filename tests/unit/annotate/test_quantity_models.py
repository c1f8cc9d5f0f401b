"""A name glued to a number names a model: it is not what a count counts."""

from __future__ import annotations

from typing import Any

from sitrep.annotate.quantities.layer import find_quantities


def test_a_model_name_before_its_number_is_not_counted(nlp: Any) -> None:
    found = find_quantities(nlp("Officials said it was three Orion 7 rockets strapped together."))
    three = [q for q in found if q.value == 3]
    assert three and three[0].counted is None


def test_a_plain_counted_name_still_counts(nlp: Any) -> None:
    found = find_quantities(nlp("The firm flew three Cessna planes to the island on Monday."))
    assert [(q.value, q.counted) for q in found if q.value == 3] in ([(3, "Cessna planes")],
                                                                  [(3, "planes")])


def test_a_name_and_a_compound_noun_before_a_plural_are_counted(nlp: Any) -> None:
    found = find_quantities(nlp("The 38 OECD member countries signed the pledge."))
    assert [(q.value, q.counted) for q in found] == [(38, "OECD member countries")]
    found = find_quantities(nlp("The airline flies 12 Airbus cargo jets."))
    assert [q.value for q in found] == [12]
