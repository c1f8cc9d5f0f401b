"""Which spans are time expressions in current news (issue 18, recognition): typographic
apostrophes, holidays by name, rates written as one hyphenated word, ISO dates."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from sitrep.annotate.times.patterns import find_candidates, plain_quotes
from tests.support.times import times_in

SPRING = date(2025, 3, 12)  # a Wednesday


def test_plain_quotes_keeps_every_offset() -> None:
    text = "the ’80s, o’clock and ‘quoted’"
    plain = plain_quotes(text)
    assert len(plain) == len(text)
    assert "’" not in plain and "‘" not in plain


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The alarm rang at 4 o’clock on Friday.", "4 o’clock on Friday", "2025-03-07T04:00"),
        ("Fashion from the ’70s came back.", "the ’70s", "197"),
        ("Shops shut early on New Year’s Eve.", "New Year’s Eve", "2024-12-31"),
        ("Florists were busy before Valentine’s Day.", "Valentine’s Day", "2025-02-14"),
    ],
)
def test_curly_apostrophes_read_as_plain_ones(
    nlp: Language, text: str, span: str, value: str
) -> None:
    found = times_in(nlp, text, SPRING)
    assert found[span].value == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Queues formed outside the mall on Black Friday.", "Black Friday", "2024-11-29"),
        ("Online sales peaked on Cyber Monday.", "Cyber Monday", "2024-12-02"),
        ("The bank is closed on St. Patrick's Day.", "St. Patrick's Day", "2025-03-17"),
        ("Veterans marched on Remembrance Day.", "Remembrance Day", "2024-11-11"),
        ("The offices close for Presidents’ Day.", "Presidents’ Day", "2025-02-17"),
        ("Crowds filled the streets for Mardi Gras.", "Mardi Gras", "2025-03-04"),
    ],
)
def test_holidays_by_name(nlp: Language, text: str, span: str, value: str) -> None:
    assert times_in(nlp, text, SPRING)[span].value == value


def test_a_holiday_is_a_whole_name(nlp: Language) -> None:
    # "Easter week" is a holiday of its own, but not inside "Easter weekend"
    found = times_in(nlp, "The town fills up over the Easter weekend.", SPRING)
    assert "Easter week" not in found
    assert found["Easter"].value == "2025-04-20"


def test_a_named_black_friday_wins_over_the_weekday(nlp: Language) -> None:
    found = times_in(nlp, "Retailers cut prices for Black Friday.", SPRING)
    assert "Friday" not in found


@pytest.mark.parametrize(
    "text",
    [
        "She lived on a £60-a-week allowance.",
        "Porters earn a $12-a-day wage in the season.",
        "He gave up a two-packs-a-day habit.",
    ],
)
def test_a_hyphenated_rate_is_no_duration(nlp: Language, text: str) -> None:
    found = times_in(nlp, text, SPRING)
    assert not any(span.startswith(("a-", "an-")) for span in found)


def test_a_rate_with_spaces_still_counts_the_time_after_it(nlp: Language) -> None:
    found = times_in(nlp, "He walked five miles a day for a year.", SPRING)
    assert found["a year"].value == "P1Y"


def test_an_iso_date_before_a_clock_time_is_found() -> None:
    text = "The decree, stamped 2024-11-05T09:30Z, was published."
    spans = [text[c.start : c.end] for c in find_candidates(text)]
    assert "2024-11-05" in spans


def test_an_iso_date_is_no_part_of_a_longer_code() -> None:
    text = "Case 2024-11-05-0042 was closed."
    spans = [text[c.start : c.end] for c in find_candidates(text)]
    assert "2024-11-05" not in spans


@pytest.mark.parametrize(
    "text",
    [
        "A van was towed from the 1800 block of Pine Avenue.",
        "Crews repaved the 2000 block on Friday.",
    ],
)
def test_a_street_block_number_is_no_year(nlp: Language, text: str) -> None:
    found = times_in(nlp, text, SPRING)
    assert "1800" not in found and "2000" not in found


def test_a_year_before_another_noun_stays_a_year(nlp: Language) -> None:
    found = times_in(nlp, "The 2008 crash wiped out his savings.", SPRING)
    assert found["2008"].value == "2008"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The post-2008 rules tightened lending.", "post-2008", "2008"),
        ("Maps of the pre-1914 borders were shown.", "pre-1914", "1914"),
    ],
)
def test_a_year_with_pre_or_post_is_that_year(
    nlp: Language, text: str, span: str, value: str
) -> None:
    assert times_in(nlp, text, SPRING)[span].value == value


def test_a_military_clock_time_is_a_time_of_day(nlp: Language) -> None:
    found = times_in(nlp, "The patrol set out at 1530 hours and was back by 0700 hrs.", SPRING)
    assert found["1530 hours"].type == "TIME"
    assert found["1530 hours"].value == "2025-03-12T15:30"
    assert found["0700 hrs"].value == "2025-03-12T07:00"


def test_a_count_of_many_hours_stays_a_duration(nlp: Language) -> None:
    found = times_in(nlp, "The judge ordered 1200 hours of unpaid work.", SPRING)
    assert found["1200 hours"].value == "PT1200H"


def test_a_24_hour_clock_after_from_until_or_to_is_a_time(nlp: Language) -> None:
    found = times_in(
        nlp, "The bridge is shut from 23:00 to 05:30 and the café until 16:00.", SPRING
    )
    assert found["23:00"].value == "2025-03-12T23:00"
    assert found["05:30"].value == "2025-03-12T05:30"
    assert found["16:00"].value == "2025-03-12T16:00"


@pytest.mark.parametrize(
    "text", ["The visitors won the tie 3:1 on aggregate.", "He ran the course in 2:48 to win."]
)
def test_a_score_or_a_race_time_is_no_clock_time(nlp: Language, text: str) -> None:
    assert not times_in(nlp, text, SPRING)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        (
            "The rocket lifted off at 7:10 a.m. Moscow time on Friday.",
            "7:10 a.m. Moscow time on Friday",
            "2025-03-07T07:10",
        ),
        ("Polls close at 8 p.m. AEDT on Saturday.", "8 p.m. AEDT on Saturday", "2025-03-08T20:00"),
        ("The quake hit at 04:12 UTC+9 on Monday.", "04:12 UTC+9 on Monday", "2025-03-10T04:12"),
    ],
)
def test_a_clock_time_with_a_zone_keeps_the_day_after_it(
    nlp: Language, text: str, span: str, value: str
) -> None:
    assert times_in(nlp, text, SPRING)[span].value == value


def test_a_sentence_after_a_clock_time_is_no_zone(nlp: Language) -> None:
    found = times_in(nlp, "The polls shut at 9 p.m. The count began at once.", SPRING)
    assert "9 p.m." in found


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The mine flooded on April 4 last year.", "April 4 last year", "2024-04-04"),
        ("The fair opens on 20 June this year.", "20 June this year", "2025-06-20"),
        ("The tax applies from Jan. 1 next year.", "Jan. 1 next year", "2026-01-01"),
    ],
)
def test_a_day_with_the_year_said_after_it(nlp: Language, text: str, span: str, value: str) -> None:
    assert times_in(nlp, text, SPRING)[span].value == value


def test_a_year_said_after_a_comma_is_not_the_days_year(nlp: Language) -> None:
    found = times_in(nlp, "The count ended on Nov. 2, last year having been close.", SPRING)
    assert found["Nov. 2"].value == "2024-11-02"
    assert found["last year"].value == "2024"
