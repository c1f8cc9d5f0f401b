"""Values of time expressions whose side of the publication date the clause alone does
not give (issue 18, values): headlines, and clock times on a day said of with "be"."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.support.times import values_at

WEDNESDAY = date(2025, 4, 16)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # "to" and a verb in a headline announce what is to come
        ("Mayor to open new bridge on Saturday\n\nThe mayor will cut the ribbon.", "2025-04-19"),
        # a participle tells what happened
        ("Three hurt in bus crash Saturday\n\nThe injured rode in two ambulances.", "2025-04-12"),
        # the present tells either: the nearest such day, behind ...
        ("Flood cuts rail line Monday\n\nTrains were stopped near the river.", "2025-04-14"),
        # ... or ahead
        ("Council votes on budget Thursday\n\nMembers have argued for weeks.", "2025-04-17"),
    ],
)
def test_a_headline_keeps_its_own_tenses(nlp: Language, text: str, value: str) -> None:
    found = values_at(nlp, text, WEDNESDAY)
    day = next(v for k, v in found.items() if k.endswith("day"))
    assert day == value


def test_a_line_ending_as_a_sentence_is_no_headline(nlp: Language) -> None:
    # a sentence of its own line keeps the present-tense reading of an arrangement
    text = "The leaders meet Monday.\n\nThey have argued for weeks."
    assert values_at(nlp, text, WEDNESDAY)["Monday"] == "2025-04-21"


def test_a_headline_past_tense_is_not_lent_to_the_body(nlp: Language) -> None:
    text = "Two hurt in crash on Sunday\n\nThe driver will face a judge on Friday."
    found = values_at(nlp, text, WEDNESDAY)
    assert found["Sunday"] == "2025-04-13"
    assert found["Friday"] == "2025-04-18"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The deadline is midnight Sunday.", "midnight Sunday", "2025-04-20T24:00"),
        ("The deadline was midnight Sunday.", "midnight Sunday", "2025-04-13T24:00"),
    ],
)
def test_a_clock_time_said_of_with_present_be_is_the_coming_one(
    nlp: Language, text: str, span: str, value: str
) -> None:
    assert values_at(nlp, text, WEDNESDAY)[span] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the earliest time something may happen lies ahead, whatever the other clause says
        ("The board met Monday, and a ruling could follow as early as Friday.", "2025-04-18"),
        ("Talks might resume as soon as Thursday.", "2025-04-17"),
    ],
)
def test_as_early_as_a_weekday_is_the_coming_one(nlp: Language, text: str, value: str) -> None:
    found = values_at(nlp, text, WEDNESDAY)
    assert found[next(k for k in found if k in ("Friday", "Thursday"))] == value


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        # arranged in the past for a day: the nearest such day, here the coming one ...
        ("The mayor has called a hearing for Friday.", WEDNESDAY, "2025-04-18"),
        # ... and here the one just gone
        ("The mayor called a hearing for Monday.", WEDNESDAY, "2025-04-14"),
    ],
)
def test_a_day_arranged_for_is_the_nearest_one(
    nlp: Language, text: str, anchor: date, value: str
) -> None:
    found = values_at(nlp, text, anchor)
    assert found[next(k for k in found if k.endswith("day"))] == value


def test_the_year_to_a_month_is_twelve_months(nlp: Language) -> None:
    found = values_at(nlp, "Output grew 3% in the year to June, the agency said.", WEDNESDAY)
    assert found["the year"] == "P1Y"
    assert found["June"] == "2024-06"


def test_the_year_alone_is_this_year(nlp: Language) -> None:
    found = values_at(nlp, "Output should grow 3% over the year, the agency said.", WEDNESDAY)
    assert found["the year"] == "2025"


def test_the_same_period_last_year_with_no_period_before_is_last_year(nlp: Language) -> None:
    found = values_at(nlp, "Imports fell 4% from the same period last year.", WEDNESDAY)
    assert found["the same period last year"] == "2024"


def test_a_dateline_a_day_before_publication_is_the_writers_today(nlp: Language) -> None:
    text = "OSLO, April 15 (Wire) -- The minister resigned today, aides said on Monday."
    found = values_at(nlp, text, WEDNESDAY)
    assert found["today"] == "2025-04-15"
    assert found["Monday"] == "2025-04-14"


def test_a_dateline_far_from_publication_leaves_the_anchor(nlp: Language) -> None:
    text = "OSLO, April 2 (Wire) -- The minister resigned today."
    assert values_at(nlp, text, WEDNESDAY)["today"] == "2025-04-16"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a "to" infinitive after a noun sets its event ahead ...
        ("The parade, to be held Saturday, should draw crowds.", "2025-04-19"),
        # ... unless the noun is ranked: then it tells what happened
        ("She was the last rider to finish Saturday.", "2025-04-12"),
        # "starting" a day: a start set ahead, unless told in the past
        ("Starting Monday, visitors must book a slot.", "2025-04-21"),
        ("Starting Monday, visitors booked a slot.", "2025-04-14"),
    ],
)
def test_infinitive_relatives_and_starting_days(nlp: Language, text: str, value: str) -> None:
    found = values_at(nlp, text, WEDNESDAY)
    assert found[next(k for k in found if k.endswith("day"))] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The fire began 48 hours ago.", "2025-04-14"),
        ("The fire began 36 hours ago.", "2025-04-15"),
        ("The fire began five hours ago.", "2025-04-16"),
    ],
)
def test_hours_ago_count_whole_days_back(nlp: Language, text: str, value: str) -> None:
    (found,) = values_at(nlp, text, WEDNESDAY).values()
    assert found == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the day something takes effect is set ahead ...
        ("The union signed a contract effective Jan. 1.", "2026-01-01"),
        ("Effective Monday, the toll rises to $5.", "2025-04-21"),
        # ... unless it lies close behind the publication date
        ("The union signed a contract effective April 1.", "2025-04-01"),
    ],
)
def test_an_effective_day_lies_ahead(nlp: Language, text: str, value: str) -> None:
    found = values_at(nlp, text, WEDNESDAY)
    assert found[next(k for k in found if k[0].isupper() or k[0].isdigit())] == value
