"""Which reports state one figure: ages by person, one value in other words, and what a
brief lists. Each test builds its own small multi-outlet story."""

from __future__ import annotations

from sitrep.brief import build_brief, check_citations
from sitrep.reconcile import reconcile
from tests.support.brief import story


def _ages(pairs: list) -> dict[str, set[float]]:
    rec = reconcile(pairs)
    out: dict[str, set[float]] = {}
    for c in rec.quantities:
        if c.dimension == "age" and c.value is not None:
            out.setdefault(c.predicate, set()).add(c.value)
    return out


def test_appositive_ages_are_ages_of_the_named_person() -> None:
    pairs = story(
        ("Nora Lindgren, 47, said on Monday that the couple had split.", "2017-11-13"),
        ("The comic Nora Lindgren (47) announced the split on Monday.", "2017-11-13"),
        ("Lindgren turned 47 last year, before the couple split.", "2017-11-13"),
    )
    ages = _ages(pairs)
    assert ages.get("@lindgren") == {47.0}
    brief = build_brief(pairs, story_id="s")
    listed = [n for n in brief.numbers if n.about.startswith("Nora Lindgren")]
    assert listed and listed[0].sources >= 2
    assert not brief.discrepancies
    assert check_citations(brief, [a for a, _ in pairs]) == []


def test_ages_of_one_person_by_surname_conflict() -> None:
    pairs = story(
        ("Zainab Musa, 19, was found by soldiers in the bush on Tuesday.", "2016-05-19"),
        ("The army said Musa, 21, was found in the bush on Tuesday.", "2016-05-19"),
    )
    brief = build_brief(pairs, story_id="s")
    conflicts = [d for d in brief.discrepancies if d.kind == "quantity_conflict"]
    assert len(conflicts) == 1 and "Musa" in conflicts[0].about
    assert sorted(c.value for c in conflicts[0].claims) == [19.0, 21.0]  # type: ignore[attr-defined]


def test_an_age_guessed_from_a_nearby_name_never_conflicts() -> None:
    pairs = story(
        ("Mika Lahtinen crashed on lap 20. The 37-year-old driver was unhurt.", "2016-11-13"),
        ("Mika Lahtinen crashed out early. The 36-year-old driver walked away.", "2016-11-13"),
    )
    rec = reconcile(pairs)
    assert not [d for d in rec.discrepancies if "age" in d.about]
    assert {c.predicate for c in rec.quantities if c.dimension == "age"} == {"@lahtinen~"}
    # The name stands in another sentence: the brief neither lists the differing ages
    # as one figure nor names the person outside the cited sentence.
    brief = build_brief(pairs, story_id="s")
    assert not [n for n in brief.numbers if "age" in n.about]
    assert check_citations(brief, [a for a, _ in pairs]) == []


def test_one_price_in_other_words_is_one_figure() -> None:
    pairs = story(
        ("The rocket has a price tag of $90 million, the company said.",
         "2018-02-06"),
        ("Each launch sells commercially for $90 million, the company says.", "2018-02-06"),
    )
    rec = reconcile(pairs)
    money = [g for g in rec.groups if g[0].dimension.startswith("money")]
    assert len(money) == 1 and len({c.outlet for c in money[0]}) == 2
    brief = build_brief(pairs, story_id="s")
    assert [n.sources for n in brief.numbers if "$90 million" in n.text] == [2]


def test_same_value_of_other_predicates_stays_apart() -> None:
    pairs = story(
        ("Seven people were killed in the crash in Millbrook on Wednesday.", "2016-11-09"),
        ("Seven people were injured in the crash in Millbrook on Wednesday.", "2016-11-09"),
    )
    rec = reconcile(pairs)
    preds = sorted({g[0].predicate for g in rec.groups if len(g) == 1})
    assert preds == ["injured", "killed"]
    assert not rec.discrepancies


def test_small_counts_of_one_noun_are_not_joined_by_coincidence() -> None:
    pairs = story(
        ("Two neighbouring countries signed the pact in Geneva on Friday.", "2017-09-08"),
        ("Officials from two rival countries met in Geneva to discuss the pact.",
         "2017-09-08"),
    )
    rec = reconcile(pairs)
    countries = [g for g in rec.groups if g[0].counted_class == "country"]
    assert len(countries) == 2 and all(len(g) == 1 for g in countries)


def test_brief_lists_precise_lead_figures_not_vague_ones() -> None:
    pairs = story(
        ("The storm left 1,200 homes without power in Galveston on Monday. "
         "Hundreds of people gathered at shelters.", "2020-08-03"),
        ("Forecasters said the storm weakened over Texas on Monday.", "2020-08-03"),
    )
    brief = build_brief(pairs, story_id="s")
    texts = " | ".join(n.text for n in brief.numbers)
    assert "Hundreds" not in texts
    assert check_citations(brief, [a for a, _ in pairs]) == []


def test_market_changes_over_unstated_periods_are_not_a_series() -> None:
    pairs = story(
        ("Bitcoin was down 22 percent on Tuesday, traders said.", "2018-02-06T08:00:00Z"),
        ("Bitcoin was down 14 percent on Tuesday after a volatile night.",
         "2018-02-06T20:00:00Z"),
    )
    rec = reconcile(pairs)
    assert not [d for d in rec.discrepancies if "percent" in d.about]


def test_displaced_in_other_words_is_an_update_over_months() -> None:
    pairs = story(
        ("The insurgency has displaced 2.6 million people from their homes since 2009.",
         "2016-10-14"),
        ("It has led to the displacement of 2.3 million others since 2009.", "2017-05-09"),
    )
    rec = reconcile(pairs)
    found = [d for d in rec.discrepancies if "displaced" in d.about]
    assert len(found) == 1 and found[0].kind == "quantity_update"


def test_a_large_count_given_exactly_by_two_outlets_is_one_figure() -> None:
    pairs = story(
        ("The breach may have affected 143 million consumers, the company said.",
         "2017-09-08"),
        ("Hackers stole the records of 143 million people, the company said.", "2017-09-08"),
        ("Officials said 143 soldiers and 143 million dollars were involved.", "2017-09-08"),
    )
    rec = reconcile(pairs)
    joined = [g for g in rec.groups if {c.counted_class for c in g} >= {"consumer", "people"}]
    assert len(joined) == 1
    assert not [g for g in rec.groups if "soldier" in {c.counted_class for c in g}
                and len(g) > 1]


def test_a_report_giving_both_values_makes_them_a_change() -> None:
    pairs = story(
        ("Okafor went into the race 19 points clear of Cota.", "2016-11-13"),
        ("Okafor was 19 points clear of Cota before the race; after it he has a lead "
         "of 12 points.", "2016-11-13"),
        ("Okafor is now 12 points ahead of Cota in the standings.", "2016-11-13"),
    )
    rec = reconcile(pairs)
    leads = [d for d in rec.discrepancies if d.about.startswith("lead")]
    assert leads and all(d.kind == "quantity_update" for d in leads)


def test_same_day_values_of_one_measure_still_conflict() -> None:
    pairs = story(
        ("The gorilla weighed 400 pounds, the zoo said on Sunday.", "2016-05-29"),
        ("The gorilla weighed 450 pounds, keepers said on Sunday.", "2016-05-29"),
    )
    rec = reconcile(pairs)
    assert [d.kind for d in rec.discrepancies] == ["quantity_conflict"]


def test_a_measure_in_reports_about_other_places_is_still_one_figure() -> None:
    pairs = story(
        ("The gorilla weighed 400 pounds, zoo officials said. "
         "Cincinnati police in Ohio are reviewing the Cincinnati case.", "2016-05-29"),
        ("The gorilla weighed 450 pounds, a keeper told reporters. "
         "London zoos in England have similar rules, London officials said.", "2016-05-29"),
    )
    rec = reconcile(pairs)
    weights = [g for g in rec.groups if g[0].predicate == "weight"]
    assert len(weights) == 1 and len(weights[0]) == 2


def test_part_of_a_group_is_counted_but_never_contradicted() -> None:
    pairs = story(
        ("Militants freed 21 of the schoolgirls on Thursday, officials said.", "2016-10-13"),
        ("The militants freed 21 schoolgirls on Thursday, the government said.",
         "2016-10-13"),
        ("Militants freed 15 of the schoolgirls on Thursday, a local leader said.",
         "2016-10-13"),
    )
    rec = reconcile(pairs)
    parts = [c for c in rec.quantities if c.part]
    assert sorted(c.value or 0.0 for c in parts) == [15.0, 21.0]
    joined = [g for g in rec.groups if {c.value for c in g} >= {21.0} and len(g) >= 2]
    assert joined and {c.outlet for c in joined[0] if c.value == 21.0} == {
        "alpha news", "beta post"}
    assert not [d for d in rec.discrepancies if any(getattr(c, "part", False)
                                                    for c in d.claims)]


def test_a_move_told_with_its_level_claims_the_level_only() -> None:
    pairs = story(("Exports increased by $4 billion to $52 billion last year, officials said.", "2021-03-05"))
    assert [c.value for c in reconcile(pairs).quantities] == [52e9]


def test_a_move_in_another_unit_than_its_level_is_a_figure_too() -> None:
    pairs = story(("Copper rose 2% to $9,120 a tonne on Friday.", "2021-03-05"))
    values = sorted(c.value for c in reconcile(pairs).quantities if c.value is not None)
    assert values == [2.0, 9120.0]
