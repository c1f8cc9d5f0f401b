"""Figures the quantities layer leaves out: positions, scores and records, counts of
none. Each test builds its own small multi-outlet story."""

from __future__ import annotations

from sitrep.brief import build_brief, check_citations
from sitrep.reconcile import reconcile
from sitrep.reconcile.measures import ordinal_mentions, score_mentions
from sitrep.reconcile.quantities import series_positions
from tests.support.brief import story


def test_ordinals_are_positions_but_not_dates_or_names() -> None:
    text = ("He crashed in the 28th lap and finished in third place. The 20th century "
            "ended; the 2nd Battalion moved.")
    found = [(text[s:e], v) for s, e, v in ordinal_mentions(text)]
    assert found == [("28th", 28.0), ("third", 3.0)]


def test_scores_need_a_result_word_and_ranges_are_left_alone() -> None:
    text = "A 26-24 win. Smith went 9-3 in relief. It fell 10-12 feet. Aged 30-40."
    found = [parts for _, _, parts in score_mentions(text)]
    assert found == [(26, 24), (9, 3)]


def test_one_score_told_by_two_outlets_is_one_figure() -> None:
    pairs = story(
        ("The Hawks closed the season with a 26-24 win at Denver on Sunday.", "2018-01-01"),
        ("Sunday's 26-24 victory over Denver ended the Hawks' season.", "2018-01-01"),
    )
    brief = build_brief(pairs, story_id="s")
    scores = [n for n in brief.numbers if "26-24" in n.text]
    assert len(scores) == 1 and scores[0].sources == 2
    assert check_citations(brief, [a for a, _ in pairs]) == []


def test_different_positions_and_records_never_conflict() -> None:
    pairs = story(
        ("The race was stopped in the 20th lap. The Hawks had a 9-3 record in 2012.",
         "2016-11-13"),
        ("The race was stopped again in the 28th lap. The Hawks had an 8-8 record in 2017.",
         "2016-11-13"),
    )
    rec = reconcile(pairs)
    assert {c.dimension for c in rec.quantities} >= {"position", "score"}
    assert rec.discrepancies == []


def test_a_count_of_none_conflicts_with_a_count() -> None:
    pairs = story(
        ("Officials said four detained militants were released on Wednesday.", "2017-05-08"),
        ("A source said no detained militants were released on Wednesday.", "2017-05-08"),
    )
    rec = reconcile(pairs)
    conflicts = [d for d in rec.discrepancies if d.kind == "quantity_conflict"]
    assert len(conflicts) == 1
    assert sorted(c.value for c in conflicts[0].claims) == [0.0, 4.0]  # type: ignore[attr-defined]


def test_one_rank_of_different_things_is_not_one_figure() -> None:
    pairs = story(
        ("The safety car came in after the 3rd lap on Sunday.", "2016-11-13"),
        ("Smith finished in 3rd place on Sunday.", "2016-11-13"),
    )
    rec = reconcile(pairs)
    assert len({c.predicate for c in rec.quantities if c.dimension == "position"}) == 2
    brief = build_brief(pairs, story_id="s")
    assert not [n for n in brief.numbers if n.sources > 1]


def test_a_numbered_item_of_a_series_is_a_position() -> None:
    pairs = story(
        ("Orsic crashed on lap 13. Militants killed 20 in the attack.", "2016-11-13"),
        ("The race was suspended on lap 20 on Sunday.", "2016-11-13"),
    )
    rec = reconcile(pairs)
    laps = {c.value for c in rec.quantities if c.dimension == "position"}
    assert laps == {13.0, 20.0}
    assert rec.discrepancies == []


def test_a_label_of_digits_and_a_capital_is_no_measurement() -> None:
    pairs = story(("The rocket stood on pad 41A at dawn in 17C heat, and the crew boarded "
                   "at gate 12V after a 12-volt battery was replaced.", "2031-05-02"))
    values = {c.value_text for c in reconcile(pairs).quantities}
    assert not values & {"41A", "12V"}
    assert "17C" in values


def test_series_positions_are_read_from_the_text() -> None:
    text = "He pitted on lap 31, sat in row 4 at the gala and paid in total 80 for it."
    found = [(text[s:e], v) for s, e, v in series_positions(text)]
    assert found == [("31", 31.0), ("4", 4.0)]


def test_a_position_the_layer_no_longer_counts_is_still_compared() -> None:
    pairs = story(
        ("The rally car left the road on stage 7 in the fog.", "2022-03-05"),
        ("The rally car left the road on stage 9 in the fog.", "2022-03-05"),
    )
    stages = {c.value for c in reconcile(pairs).quantities if c.dimension == "position"}
    assert stages == {7.0, 9.0}
