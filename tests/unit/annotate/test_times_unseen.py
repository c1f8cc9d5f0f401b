"""Values the times layer got plainly wrong on current news (issue 18, ``18t2``): read off
the layer's output on story texts, fixed as general forms. Invented sentences."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.support.times import values_at

THURSDAY = date(2026, 3, 12)  # a March publication: December and January lie close by


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Crews cleared the road this past Tuesday.", "this past Tuesday", "2026-03-10"),
        (
            "Officials decided to close the bridge this past Monday.",
            "this past Monday",
            "2026-03-09",
        ),
        ("The board meets this coming Friday.", "this coming Friday", "2026-03-13"),
    ],
)
def test_this_past_and_this_coming_set_the_side(
    nlp: Language, text: str, span: str, value: str
) -> None:
    # "this past Tuesday" is last Tuesday whatever the verb ("decided to close" would
    # look ahead), "this coming Friday" next Friday
    assert values_at(nlp, text, THURSDAY)[span] == value


def test_a_date_naming_a_known_noun_takes_the_year_told_before(nlp: Language) -> None:
    # the first mention is dated by its past verb; "the September accord" and "the
    # September 14 accord" are the same one, though the clause of the second is a
    # condition (no tense that says which side)
    text = (
        "The rival parties signed an accord on 14 September. The September accord "
        "set a timetable. Critics say that if the September 14 accord cannot be "
        "carried out, new talks are needed."
    )
    found = values_at(nlp, text, date(2026, 4, 20))
    assert found["14 September"] == "2025-09-14"
    assert found["September"] == "2025-09"
    assert found["September 14"] == "2025-09-14"


def test_a_possessive_month_refers_back(nlp: Language) -> None:
    # "October's expiry" is the October the text gave, not the nearest past one
    text = (
        "The treaty is due to expire in October. Both sides hope to agree on a new "
        "one before October's expiry."
    )
    found = [v for k, v in values_at(nlp, text, THURSDAY).items() if k == "October"]
    assert found == ["2026-10"]


def test_a_month_without_an_earlier_mention_keeps_its_tense_reading(nlp: Language) -> None:
    # nothing to refer back to: "the November verdict" said in a past clause is the
    # nearest November behind
    text = "A clerk said the November verdict had not been appealed."
    assert values_at(nlp, text, THURSDAY)["November"] == "2025-11"


@pytest.mark.parametrize(
    ("text", "first", "value"),
    [
        ("Visitors came from May through July last year.", "May", "2025-05"),
        ("Sales fell from February to June 2023.", "February", "2023-02"),
        ("Prices rose between March 3 and April 9, 2022.", "March 3", "2022-03-03"),
        # the first month after the second: the year before
        ("The strike ran from November to February 2024.", "November", "2023-11"),
    ],
)
def test_a_range_shares_the_year_said_after_it(
    nlp: Language, text: str, first: str, value: str
) -> None:
    assert values_at(nlp, text, THURSDAY)[first] == value


def test_a_fronted_month_dates_the_saying(nlp: Language) -> None:
    # "In May, officials said ...": the month stands before the verb of saying, outside
    # the clause it reports, so a past saying puts it behind (May is close ahead)
    text = "In May, officials said the plant would close."
    assert values_at(nlp, text, THURSDAY)["May"] == "2025-05"


def test_a_reported_clause_keeps_its_own_month(nlp: Language) -> None:
    text = "Officials said the plant would close in May."
    assert values_at(nlp, text, THURSDAY)["May"] == "2026-05"


def test_a_bare_participle_after_its_noun_is_past(nlp: Language) -> None:
    # "the summit held in April" was told of, so April lies behind (the nearest April,
    # a month ahead, is ruled out); an arranged one ("to be held") stays ahead
    text = "Relations soured after the summit held in April."
    assert values_at(nlp, text, THURSDAY)["April"] == "2025-04"
    text = "Tickets for the summit to be held in April are gone."
    assert values_at(nlp, text, THURSDAY)["April"] == "2026-04"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Exports rose 12% in 2024 from the year before.", "the year before", "2023"),
        ("The plant opened in 2019. The year after, it doubled.", "The year after", "2020"),
        ("He was seized on May 4, 2025. The day before, he hid.", "The day before", "2025-05-03"),
    ],
)
def test_the_unit_before_or_after_counts_from_the_focus(
    nlp: Language, text: str, span: str, value: str
) -> None:
    assert values_at(nlp, text, THURSDAY)[span] == value


def test_the_day_before_an_event_is_no_anaphor(nlp: Language) -> None:
    assert values_at(nlp, "He fled the day before the vote.", THURSDAY) == {}


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The dam was built a half-century ago.", "a half-century ago", "1976"),
        ("The mill closed a quarter-century ago.", "a quarter-century ago", "2001"),
        ("The feud lasted a half-century.", "a half-century", "P50Y"),
        ("The meeting ran a half hour.", "a half hour", "PT30M"),
    ],
)
def test_a_half_or_quarter_of_a_unit(nlp: Language, text: str, span: str, value: str) -> None:
    assert values_at(nlp, text, THURSDAY)[span] == value


def test_a_fall_from_something_is_no_season(nlp: Language) -> None:
    assert values_at(nlp, "The fall from the record high was steep.", THURSDAY) == {}
    assert values_at(nlp, "Classes resume in the fall.", THURSDAY) == {"fall": "2026-FA"}


def test_a_school_year_before_its_letters_is_no_clock(nlp: Language) -> None:
    # "a 2014 UTC alumna": a year and a school, not a clock ("at 0735 GMT" stays)
    found = values_at(nlp, "The mayor, a 2014 UTC alumna, spoke.", THURSDAY)
    assert found == {"2014": "2014"}
    found = values_at(nlp, "The blast came at 0735 GMT on Tuesday.", THURSDAY)
    assert found == {"0735 GMT on Tuesday": "2026-03-10T07:35"}


def test_noon_in_a_street_name_is_no_time(nlp: Language) -> None:
    text = "The parade turned onto Midnight Lane and stopped by the old mill."
    assert values_at(nlp, text, THURSDAY) == {}
