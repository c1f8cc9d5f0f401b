"""top_terms ranks a vector's terms by idf-weighted value, ties by term."""

from __future__ import annotations

from sitrep.store import Store
from sitrep.stories import Tuning
from sitrep.stories.vectors import Idf, top_terms


def test_top_terms_ranks_as_a_sort_by_weight_then_term(store: Store) -> None:
    idf = Idf(store, Tuning().idf_power)
    idf.prepare([])
    idf.n = 50
    idf.df.update({"w:quay": 2, "w:tide": 2, "w:boat": 30, "n:12": 1})
    vec = {"w:tide": 0.5, "w:boat": 0.9, "w:quay": 0.5, "n:12": 0.1, "w:unread": 0.2}
    idf("w:tide")  # one weight known before, the others worked out on the way
    expected = [t for t, _ in sorted(vec.items(), key=lambda kv: (-kv[1] * idf(kv[0]), kv[0]))]
    assert top_terms(vec, idf, 10) == expected
    assert top_terms(vec, idf, 2) == ["w:quay", "w:tide"]  # equal weights: by term
    assert top_terms({}, idf, 3) == []
