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


def test_candidates_rank_as_a_full_sort_by_summed_weight_then_id() -> None:
    from sitrep.stories.assign import ranked_candidates

    weight = {"w:quay": 0.1, "w:tide": 0.2, "e:harbour": 0.3, "n:40": 0.7}
    hits = {"story-c": ["w:quay", "w:tide", "n:40"], "story-a": ["e:harbour"],
            "story-b": ["w:tide", "w:quay"], "story-d": ["e:harbour"], "story-e": ["n:40"]}
    full = sorted(hits, key=lambda s: (-sum(weight[q] for q in hits[s]), s))
    assert ranked_candidates(hits, weight, 10) == full
    assert ranked_candidates(hits, weight, 3) == full[:3]
    assert ranked_candidates({}, weight, 3) == []


def test_a_count_is_weighed_clamped_to_the_stored_total(store: Store) -> None:
    idf = Idf(store, Tuning().idf_power)
    idf.prepare([])
    idf.n = 50
    weights = [idf.of_count(d) for d in (-3, 0, 7, 50, 80)]
    assert weights[0] == weights[1] and weights[3] == weights[4] == 1.0
    assert weights[1] > weights[2] > weights[3]
