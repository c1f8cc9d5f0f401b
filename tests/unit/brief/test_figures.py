"""Figures reconciled across outlets, actors an analyst would name, no page chrome.

Each test builds its own small multi-outlet story and checks the brief built from it.
"""

from __future__ import annotations

from sitrep.brief import brief_to_json, build_brief, check_citations
from sitrep.reconcile import reconcile
from tests.support.brief import story


def test_units_convert_and_agree_within_rounding() -> None:
    pairs = story(
        ("The zoo said the 400-pound gorilla was shot on Saturday after the boy fell.",
         "2016-05-29"),
        ("Keepers shot the 181-kg gorilla on Saturday to save the child.",
         "2016-05-29"),
    )
    rec = reconcile(pairs)
    gorilla = [c for c in rec.quantities if c.predicate == "gorilla"]
    assert {c.dimension for c in gorilla} == {"mass"}
    assert len(gorilla) == 2
    assert not [d for d in rec.discrepancies if d.about.startswith("gorilla")]
    agree = [a for a in rec.agreements if any(c in gorilla for c in a.claims)]
    assert agree and agree[0].count == 2


def test_conflict_shows_both_sides_with_numbers() -> None:
    pairs = story(
        ("A 3-year-old boy climbed into the gorilla enclosure on Saturday.",
         "2016-05-29"),
        ("A 4-year-old boy fell into the gorilla enclosure on Saturday.",
         "2016-05-29"),
    )
    brief = build_brief(pairs, story_id="s")
    conflicts = [d for d in brief.discrepancies if d.kind == "quantity_conflict"]
    assert len(conflicts) == 1 and conflicts[0].about.startswith("boy")
    claims = brief_to_json(brief)["discrepancies"][0]["claims"]
    assert sorted(c["value"] for c in claims) == [3.0, 4.0]
    assert {c["unit"] for c in claims} == {"year of age"}
    assert {c["outlet"] for c in claims} == {"Alpha News", "Beta Post"}
    # "on Saturday" in reports of Sunday 29 May: the figure holds as of the 28th.
    assert all(c["as_of"] == "2016-05-28" and c["citation"]["end"] > 0 for c in claims)
    assert check_citations(brief, [a for a, _ in pairs]) == []


def test_fall_heights_in_feet_and_metres_conflict() -> None:
    pairs = story(
        ("The boy fell 15 feet into a moat, the zoo director said on Sunday.",
         "2016-05-29"),
        ("The boy fell 10 to 12 feet into a moat, witnesses said on Sunday.",
         "2016-05-29"),
        ("The boy fell 4.5 metres into a moat, police said on Sunday.",
         "2016-05-29"),
    )
    rec = reconcile(pairs)
    falls = [d for d in rec.discrepancies if d.about.startswith("fell")]
    assert len(falls) == 1 and falls[0].kind == "quantity_conflict"
    # 15 ft (4.57 m) and 4.5 m agree within rounding; 10-12 ft stands against both.
    texts = {c.value_text for c in falls[0].claims}  # type: ignore[attr-defined]
    assert "10 to 12 feet" in texts


def test_toll_rising_over_days_is_an_update() -> None:
    pairs = story(
        ("At least 30 people were killed in the attack in Quetta, police said.",
         "2024-11-09T08:00:00Z"),
        ("At least 50 people were killed in the attack in Quetta, officials said.",
         "2024-11-11T08:00:00Z"),
    )
    brief = build_brief(pairs, story_id="s")
    kinds = {d.kind for d in brief.discrepancies}
    assert kinds == {"quantity_update"}
    series = [n for n in brief.numbers if n.developing]
    assert series and [p.date for p in series[0].points] == ["2024-11-09", "2024-11-11"]


def test_different_incidents_are_never_one_figure() -> None:
    pairs = story(
        ("Five people were killed in a bombing in Quetta, Pakistan, police said.",
         "2024-11-09"),
        ("Sixteen people were killed in an attack in Mogadishu, Somalia, police said.",
         "2024-11-09"),
    )
    rec = reconcile(pairs)
    assert not [d for d in rec.discrepancies if d.kind.startswith("quantity")]


def test_partitive_is_not_a_count() -> None:
    pairs = story(
        ("Some 197 girls remain captive, the government said.",
         "2016-10-13"),
        ("One of the girls was freed with her baby, the government said.",
         "2016-10-13"),
    )
    assert not reconcile(pairs).discrepancies


def test_actors_leave_out_credits_publishers_and_bare_places() -> None:
    text_a = ("Zoo director Marta Kellner said the bear was sedated. "
              "Photo: Jon Reyes/AP Images\n"
              "Kellner told CNN the decision was hard. The zoo is in Denver.")
    text_b = ("Marta Kellner said the zoo made the right call, CNN reported. "
              "Denver police are investigating. The zoo is in Denver.")
    pairs = story(
        (text_a,
         "2016-05-30"),
        (text_b,
         "2016-05-30"),
        outlets=("www.cnn.com", "www.bbc.com"),
    )
    brief = build_brief(pairs, story_id="s")
    names = [a.name for a in brief.actors]
    assert "Marta Kellner" in names
    assert names.count("Marta Kellner") == 1 and "Kellner" not in names  # merged
    assert not [n for n in names if "/" in n or "Reyes" in n]
    assert all(a.articles == 1 for a in brief.actors if a.name == "CNN")  # not its own page


def test_chrome_and_teasers_stay_out_of_sentences() -> None:
    text_a = ("The flight landed back in Denver at 6:48 p.m. on Tuesday, the airline said.\n"
              "READ MORE: Storm delays pile up at the northern hub\n"
              "FILE - In this March 4, 2016 file photo, the singer waves at a gala.\n"
              "The airline apologised to the 188 passengers on Wednesday.")
    text_b = ("The plane flew back to Denver at 6:48 p.m. on Tuesday, the airline said.\n"
              "The airline apologised on Wednesday to all passengers.")
    pairs = story(
        (text_a,
         "2017-12-27"),
        (text_b,
         "2017-12-27"),
    )
    brief = build_brief(pairs, story_id="s")
    shown = [i.text for i in [*brief.summary, *brief.facts, *brief.timeline]]
    assert shown
    assert not [t for t in shown if "READ MORE" in t or "file photo" in t or "\n" in t]
    assert not set(i.text for i in brief.summary) & set(i.text for i in brief.facts)


def test_time_values_read_as_human_dates() -> None:
    from sitrep.reconcile.timeref import human

    assert human("2024-W25") == "week of 17 June 2024"
    assert human("2024-06") == "June 2024"
    assert human("2024-FA") == "fall 2024"
    assert human("P15M") == "15 months"
    assert human("2024-06-17") == "17 June 2024"


def test_summary_gives_a_toll_once_and_sources_count_only_who_states_it() -> None:
    pairs = story(
        ("At least five people were killed when a tram derailed in Millbrook on "
             "Wednesday, police said. The driver was detained on the spot by officers.",
         "2019-03-13T12:00:00Z"),
        ("Five people have died after a tram tipped over in Millbrook on Wednesday "
             "morning, officials said. Ms Adeyemo, who lives nearby, heard the crash.",
         "2019-03-13T13:00:00Z"),
    )
    brief = build_brief(pairs, story_id="s")
    tolls = [i for i in brief.summary if "killed" in i.text or "died" in i.text]
    assert len(tolls) == 1
    for item in brief.facts:
        assert item.sources == len({c.article for c in item.citations})
    assert all("Ms" not in a.roles for a in brief.actors)


def test_datelines_are_stripped_from_sentences() -> None:
    pairs = story(
        ("SEOUL, South Korea — South Korea launched a satellite into orbit on Wednesday, "
             "officials said.",
         "2013-01-30"),
        ("WASHINGTON (Reuters) - South Korea launched its first satellite into orbit on "
             "Wednesday, officials said.",
         "2013-01-30"),
    )
    brief = build_brief(pairs, story_id="s")
    texts = [i.text for i in [*brief.summary, *brief.timeline]]
    assert texts and all(t.startswith("South Korea launched") for t in texts)
    assert check_citations(brief, [a for a, _ in pairs]) == []


def test_a_falling_toll_is_not_one_developing_figure() -> None:
    pairs = story(
        ("Sixteen militants were killed in a raid in Balochistan, the army said.",
         "2024-11-09T08:00:00Z"),
        ("Six militants were killed in a raid in Balochistan, the army said.",
         "2024-11-12T08:00:00Z"),
    )
    brief = build_brief(pairs, story_id="s")
    assert not [d for d in brief.discrepancies if d.kind == "quantity_update"]
    assert not [n for n in brief.numbers if n.developing]


def test_ages_of_one_person_compare_by_the_person() -> None:
    pairs = story(
        ("The 36-year-old Owen Mercer announced his retirement on Tuesday.",
         "2018-01-02"),
        ("The 35-year-old Owen Mercer said on Tuesday he would retire.",
         "2018-01-02"),
    )
    rec = reconcile(pairs)
    ages = [d for d in rec.discrepancies if d.kind == "quantity_conflict"]
    assert len(ages) == 1 and ages[0].about == "Owen Mercer (age)"


def test_a_price_and_a_market_value_are_not_one_figure() -> None:
    pairs = story(
        ("Bitcoin fell to $6,000 on Tuesday, traders said.", "2018-02-06"),
        ("The market fell to $282 billion on Tuesday, traders said.", "2018-02-06"),
        ("Bitcoin fell to $5,920 on Tuesday, traders said.", "2018-02-06"),
    )
    rec = reconcile(pairs)
    for group in rec.groups:
        values = {c.value for c in group}
        assert not (values & {6000.0, 5920.0} and 282e9 in values)
    moves = [d for d in rec.discrepancies if d.about.startswith("fell to")]
    assert len(moves) == 1 and {c.value for c in moves[0].claims} == {6000.0, 5920.0}  # type: ignore[attr-defined]
