"""Time expressions as transcripts write them: spelled dates, spelled counts, clock words."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from sitrep.annotate.times.layer import find_times
from tests.support.times import values_at

THURSDAY = date(1998, 3, 5)


def found(nlp: Language, text: str) -> dict[str, str | None]:
    return values_at(nlp, text, THURSDAY)


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("January nineteen eighty-six. A bomb went off.", "January nineteen eighty-six", "1986-01"),
        ("Voters go to the polls on Sunday, March eighth.", "Sunday, March eighth", "1998-03-08"),
        ("The talks ended on the twenty-first of May.", "the twenty-first of May", "1997-05-21"),
        ("It fell in August, two thousand and one.", "August, two thousand and one", "2001-08"),
        ("In the last thirty six hours the peso rose.", "the last thirty six hours", "PT36H"),
        ("The ferry will sail at 5 in the morning.", "5 in the morning", "1998-03-05T05:00"),
        ("The vote closes at 8 in the evening.", "8 in the evening", "1998-03-05T20:00"),
        ("The guns fell silent at 11 o'clock.", "11 o'clock", "1998-03-05T11:00"),
    ],
)
def test_spoken_forms(nlp: Language, text: str, expr: str, value: str) -> None:
    assert found(nlp, text).get(expr) == value


def test_spelled_thousand_years_is_a_count_not_a_year(nlp: Language) -> None:
    text = "Weavers have used this loom design for almost three thousand years."
    assert "3000" not in found(nlp, text).values()


def test_the_past_with_a_count_is_not_the_past_at_large(nlp: Language) -> None:
    assert "the past" not in found(nlp, "Floods hit the valley in the past four winters.")
    assert found(nlp, "In the past, riots were rare.")["the past"] == "PAST_REF"


THURSDAY_1989 = date(1989, 11, 2)


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        # a short decade name: the nearest one, a coming one only when it is about to begin
        ("Growth slowed in the early '90s.", "the early '90s", "199"),
        ("Jazz flourished in the '20s.", "the '20s", "192"),
        # the year after a clock time's date belongs to it
        ("The quake struck at 4:31 a.m. on Jan. 17, 1994.", "4:31 a.m. on Jan. 17, 1994", "1994-01-17T04:31"),
        ("The attack came at 3 o'clock Sunday afternoon.", "3 o'clock Sunday afternoon", "1989-10-29T15:00"),
        ("The offer ends at 5 p.m. Eastern time Monday.", "5 p.m. Eastern time Monday", "1989-11-06T17:00"),
        # "every" with a count: a SET with the count's period
        ("The election is held every four years.", "every four years", "P4Y"),
        ("The board meets every other week.", "every other week", "P2W"),
        ("It pays interest every quarter.", "every quarter", "P1Q"),
        ("Floods return every few years.", "every few years", "PXY"),
    ],
)
def test_clock_decade_and_set_forms(nlp: Language, text: str, expr: str, value: str) -> None:
    found = values_at(nlp, text, THURSDAY_1989)
    assert found.get(expr) == value, found


def test_spelled_decades_months_of_a_named_year_and_counts(nlp: Language) -> None:
    anchor = date(1998, 2, 12)

    def values(text: str) -> dict[str, str | None]:
        return values_at(nlp, text, anchor)

    assert values("The nineteen eighties were a decade of growth.") == {
        "The nineteen eighties": "198"
    }
    assert values("His term ends in January of next year.") == {"January of next year": "1999-01"}
    # a bare "two thousand" counting a noun is a number; a year that names a noun's time stays
    assert values("Two thousand people marched on Sunday.") == {"Sunday": "1998-02-08"}
    assert values("He planned a nineteen eighty-six attack.") == {
        "nineteen eighty-six": "1986"
    }


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("He left a year and a half ago.", "a year and a half ago", "1996-08"),
        ("It opened two and a half years ago.", "two and a half years ago", "1995-08"),
        ("That was a decade and a half ago.", "a decade and a half ago", "1983"),
    ],
)
def test_a_half_ago_counts_in_the_smaller_unit(nlp: Language, text: str, expr: str, value: str) -> None:
    assert values_at(nlp, text, date(1998, 2, 11))[expr] == value


def test_hundreds_are_a_century_and_a_half_of_the_year_is_one_span(nlp: Language) -> None:
    found = values_at(nlp, "It was founded in the late 1800s.", THURSDAY)
    assert found == {"the late 1800s": "18"}
    text = "Sales in the first half of the year rose."
    assert [t.text for t in find_times(nlp(text), THURSDAY)] == ["the first half of the year"]


def test_house_numbers_floors_and_dotted_clock_times(nlp: Language) -> None:
    sunday = date(2015, 9, 27)

    def values(text: str) -> dict[str, str | None]:
        return values_at(nlp, text, sunday)

    assert values("It happened at 2450 W. 31st St. on Sunday.") == {"Sunday": "2015-09-27"}
    assert values("In 1998 Main Street was rebuilt.") == {"1998": "1998"}
    assert values("They were found in a second-floor bedroom.") == {}
    assert values("Bitcoin traded at 6.44am GMT.") == {"6.44am GMT": "2015-09-27T06:44"}
