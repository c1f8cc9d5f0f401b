"""TimeML classes read by ``times.periods`` (issue 18, recognition): fiscal-year and
half-year codes, day-first numeric dates, a lone day of the month, frequencies and
spelled or hedged centuries; and the shares and verbs that look like durations."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from sitrep.annotate.times.periods import full_year, resolve_period
from sitrep.annotate.times.resolve import Context
from tests.support.times import times_in

SUMMER = date(2031, 7, 16)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The miller expects FY2030 output to shrink.", "FY2030", "2030"),
        ("Ferry fares rose in FY 29 after the refit.", "FY 29", "2029"),
        ("The levy applies from fiscal year 2032 onward.", "fiscal year 2032", "2032"),
        ("Orchard sales climbed in H1 2031 on dry weather.", "H1 2031", "2031-H1"),
        ("The glassworks lost money in H2 FY30.", "H2 FY30", "2030-H2"),
        ("The brewer posted weak H1 results on Monday.", "H1", "2031-H1"),
        ("Hauliers filed the claim on 23/04/2030 in Leeds.", "23/04/2030", "2030-04-23"),
        ("The notice is dated 2030/11/02 at the top.", "2030/11/02", "2030-11-02"),
        ("Bell ringers practise twice a week in the tower.", "twice a week", "P1W"),
        ("The ferry sails three times a day in winter.", "three times a day", "P1D"),
        ("The mill dates from the late eighteenth century.", "the late eighteenth century", "17"),
        ("Canals spread in the early 19th century.", "the early 19th century", "18"),
        ("Shipyards boomed in the twenty-first century.", "the twenty-first century", "20"),
    ],
)
def test_period_codes_and_spelled_forms(nlp: Language, text: str, span: str, value: str) -> None:
    assert times_in(nlp, text, SUMMER)[span].value == value


def test_a_set_of_a_frequency_is_typed_set(nlp: Language) -> None:
    assert times_in(nlp, "Inspectors call once a month.", SUMMER)["once a month"].type == "SET"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The mayor cut the ribbon on the 3rd.", "the 3rd", "2031-07-03"),
        ("The vote falls on the 28th, the clerk said.", "the 28th", "2031-07-28"),
        ("Tenders close on the 9th of next month.", "the 9th of next month", "2031-08-09"),
        ("Bids opened on March 4 and closed on the 19th.", "the 19th", "2031-03-19"),
    ],
)
def test_a_lone_day_is_a_day_of_the_month_in_focus(
    nlp: Language, text: str, span: str, value: str
) -> None:
    assert times_in(nlp, text, SUMMER)[span].value == value


@pytest.mark.parametrize(
    "text",
    [
        "The lift stopped on the 11th floor.",
        "Crowds marked the 40th anniversary of the dam.",
        "H1-B permits were discussed by the panel.",
        "Families moved out of H2 after the curfew.",
        "Cracks appeared on the 2nd and 3rd floors.",
        "A second Danish trawler was boarded.",
        "Roughly a quarter from the northern valleys voted no.",
        "Nearly a quarter were late.",
        "Ports reopened after the fall of the junta.",
        "Farmers gained from the fall in feed prices.",
    ],
)
def test_ordinals_codes_and_shares_that_are_no_times(nlp: Language, text: str) -> None:
    assert times_in(nlp, text, SUMMER) == {}


def test_the_verb_last_is_not_part_of_a_duration(nlp: Language) -> None:
    found = times_in(nlp, "The repairs were meant to last a few weeks.", SUMMER)
    assert set(found) == {"a few weeks"}


def test_short_years_and_unknown_kinds() -> None:
    assert full_year("29") == 2029 and full_year("87") == 1987
    ctx = Context(SUMMER)
    assert resolve_period("31/02/2030", "numdate", ctx) == ("DATE", None)
    assert resolve_period("2030", "year", ctx) == ("DATE", "2030")


def test_a_season_with_a_year_or_a_modifier_stays(nlp: Language) -> None:
    assert times_in(nlp, "Rivers flooded in the fall of 2029.", SUMMER)["fall of 2029"].value
    found = times_in(nlp, "She moved north last fall in a hurry.", SUMMER)
    assert found["last fall"].value == "2030-FA"


@pytest.mark.parametrize(
    ("text", "clock", "value"),
    [
        ("The ferry sailed at 9 a.m. on the 12th, the harbour master said.", "9 a.m.",
         "2031-07-12T09:00"),
        ("The polls close at 10:00 on 23/04/2032 across the district.", "10:00",
         "2032-04-23T10:00"),
    ],
)
def test_a_clock_time_takes_the_day_written_after_it(
    nlp: Language, text: str, clock: str, value: str
) -> None:
    # the day is read by this module's readers also when resolved ahead of its turn
    assert times_in(nlp, text, SUMMER)[clock].value == value
