"""Time expressions read as the TimeML (TIMEX3) guidelines read them: the anchor of a
relative date, parts of a day, ranges of years, counts with thousands separators."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.support.times import values_at

FRIDAY = date(2026, 5, 15)


def test_a_weekday_evening_keeps_its_part_of_day(nlp: Language) -> None:
    found = values_at(nlp, "The council met Wednesday evening to debate the levy.", FRIDAY)
    assert found["Wednesday evening"] == "2026-05-13TEV"
    # a night or a morning keeps the plain date (the weekday is what annotators value)
    found = values_at(nlp, "The storm hit the coast Tuesday night.", FRIDAY)
    assert found["Tuesday night"] == "2026-05-12"


def test_a_month_of_that_year_is_in_the_year_spoken_of(nlp: Language) -> None:
    text = "The mill opened in March 2003. In July of that year it hired its first weavers."
    found = values_at(nlp, text, FRIDAY)
    assert found["July of that year"] == "2003-07"
    found = values_at(nlp, "The dam burst in 1971; in August that year the valley flooded.", FRIDAY)
    assert found["August that year"] == "1971-08"
    assert values_at(nlp, "They met in May this year.", FRIDAY)["May this year"] == "2026-05"


def test_a_count_after_a_sentence_end_is_no_rate(nlp: Language) -> None:
    found = values_at(nlp, "The bridge closed in 2019. A year later it reopened.", FRIDAY)
    assert found["A year"] == "P1Y"
    assert "a year" not in values_at(nlp, "The fund pays $3.10 a year.", FRIDAY)


def test_thousands_in_a_count_of_years(nlp: Language) -> None:
    found = values_at(nlp, "The cave holds 4,000 years of history.", FRIDAY)
    assert found == {"4,000 years": "P4000Y"}
    found = values_at(nlp, "Farmers settled the valley 12,000 years ago.", FRIDAY)
    assert found["12,000 years ago"] == "PAST_REF"  # before year 1: no calendar value


def test_a_range_of_years_is_two_years(nlp: Language) -> None:
    found = values_at(nlp, "Exports fell sharply in 2014-2016, the ministry said.", FRIDAY)
    assert found == {"2014": "2014", "2016": "2016"}
    assert values_at(nlp, "They favour 2010-style budgets.", FRIDAY) == {}


def test_a_day_arranged_in_the_past_is_the_nearest_one(nlp: Language) -> None:
    # Friday anchor: the Saturday planned is tomorrow, the Wednesday planned two days ago
    found = values_at(nlp, "Farmers planned a march in the capital on Saturday.", FRIDAY)
    assert found["Saturday"] == "2026-05-16"
    found = values_at(nlp, "A vigil planned for Wednesday was called off.", FRIDAY)
    assert found["Wednesday"] == "2026-05-13"
    # a day set now lies ahead; the day of the planning itself keeps the past
    found = values_at(nlp, "The court has scheduled a hearing for Thursday.", FRIDAY)
    assert found["Thursday"] == "2026-05-21"
    found = values_at(nlp, "On Thursday, the council planned new cuts.", FRIDAY)
    assert found["Thursday"] == "2026-05-14"


def test_the_ends_of_a_range_of_durations_apart(nlp: Language) -> None:
    found = values_at(nlp, "The survey will need four to six weeks.", FRIDAY)
    assert found == {"four": "P4W", "six weeks": "P6W"}
    found = values_at(nlp, "Queues last 10-12 hours at the border.", FRIDAY)
    assert found == {"10": "PT10H", "12 hours": "PT12H"}
    # a score or an amount before "to" is no count of the unit
    assert values_at(nlp, "The fine rose from $2 to five years' pay.", FRIDAY).get("2") is None
    assert "45" not in values_at(nlp, "She could lose £45-a-week support.", FRIDAY)


def test_over_the_years_is_a_vague_stretch(nlp: Language) -> None:
    found = values_at(nlp, "Over the years the harbour silted up.", FRIDAY)
    assert found == {"the years": "PXY"}
    found = values_at(nlp, "In the months that followed, rents doubled.", FRIDAY)
    assert found == {"the months": "PXM"}
    # a stretch before or of something else is left alone
    assert values_at(nlp, "In the weeks before the vote, rallies grew.", FRIDAY) == {}
    assert values_at(nlp, "A leak was found in the months prior.", FRIDAY) == {}


def test_the_same_period_last_year_is_one_expression(nlp: Language) -> None:
    text = "Profit in the second quarter rose 4% from the same period last year."
    found = values_at(nlp, text, FRIDAY)
    assert found == {"the second quarter": "2026-Q2", "the same period last year": "2025-Q2"}
    text = "Orders in the first quarter dropped. Orders in last year's quarter looked larger."
    assert values_at(nlp, text, FRIDAY)["last year's quarter"] == "2025-Q1"


def test_a_clock_time_in_four_digits_before_gmt_is_no_year(nlp: Language) -> None:
    found = values_at(nlp, "The polls close at 8 p.m. Friday (1745 GMT).", FRIDAY)
    assert found["1745 GMT"] == "2026-05-15T17:45"
    assert values_at(nlp, "The fort fell in 1745 to the rebels.", FRIDAY) == {"1745": "1745"}


def test_a_clock_time_in_eastern_time_keeps_its_day(nlp: Language) -> None:
    found = values_at(nlp, "Trading resumes at 9 am ET on Monday.", FRIDAY)
    assert found == {"9 am ET on Monday": "2026-05-18T09:00"}
    # arranged in the past ("was scheduled"): the nearest such day
    found = values_at(nlp, "The vote was scheduled for 10 am ET on Thursday.", FRIDAY)
    assert found == {"10 am ET on Thursday": "2026-05-14T10:00"}


def test_a_clock_time_takes_the_day_written_after_it(nlp: Language) -> None:
    found = values_at(nlp, "The quake struck at 9:20 a.m. (0620 GMT) Wednesday.", FRIDAY)
    assert found["9:20 a.m."] == "2026-05-13T09:20"
    assert found["0620 GMT"] == "2026-05-13T06:20"
    found = values_at(nlp, "Updated 11:50 GMT, 12 May 2026.", FRIDAY)
    assert found["11:50 GMT"] == "2026-05-12T11:50"
    # a day in the next sentence is not the clock time's
    found = values_at(nlp, "At 9 a.m. the doors opened. On Monday the hall was full.", FRIDAY)
    assert found["9 a.m."] == "2026-05-15T09:00"


def test_midnight_ends_the_day_it_names(nlp: Language) -> None:
    found = values_at(nlp, "The offer expires at midnight Friday.", FRIDAY)
    assert found == {"midnight Friday": "2026-05-15T24:00"}


def test_a_generic_today_is_no_day(nlp: Language) -> None:
    assert values_at(nlp, "By today's standards the wage was tiny.", FRIDAY) == {}
    assert values_at(nlp, "The film speaks to today's teenagers.", FRIDAY) == {}
    found = values_at(nlp, "Today's vote was delayed.", FRIDAY)
    assert found == {"Today": "2026-05-15"}


def test_one_day_after_a_modal_is_some_day_ahead(nlp: Language) -> None:
    found = values_at(nlp, "She hopes the town will one day reopen the mine.", FRIDAY)
    assert found == {"one day": "FUTURE_REF"}
    assert values_at(nlp, "The repair may take one day.", FRIDAY) == {"one day": "P1D"}


def test_earlier_counts_from_the_time_spoken_of(nlp: Language) -> None:
    found = values_at(nlp, "The mill closed in 2009. Two years earlier it had been sold.", FRIDAY)
    assert found["Two years earlier"] == "2007"
    # "ago" counts from the publication date whatever was spoken of
    found = values_at(nlp, "The mill closed in 2009. Two years ago it was sold.", FRIDAY)
    assert found["Two years ago"] == "2024"


def test_the_years_end_is_the_end_of_the_year(nlp: Language) -> None:
    # the possessive form of "the end of the year": the year's value (TimeML MOD=END)
    found = values_at(nlp, "The plant will close before year's end.", FRIDAY)
    assert found["year's end"] == "2026"
    found = values_at(nlp, "The mill shut at the end of the year.", FRIDAY)
    assert found["the end of the year"] == "2026"


def test_a_named_fiscal_quarter_stays_the_quarter_after_its_end_date(nlp: Language) -> None:
    text = (
        "The toy maker earned $3 million in its fiscal second quarter. "
        "Revenue for the quarter ended Oct. 31 rose 8%."
    )
    found = values_at(nlp, text, date(2026, 11, 20))
    assert found["fiscal second quarter"] == "2026-Q2"
    assert found["the quarter"] == "2026-Q2"  # the firm's count, not the calendar's Q4


def test_that_night_and_that_summer_take_the_time_in_focus(nlp: Language) -> None:
    found = values_at(nlp, "The dam broke on March 3, 2019. That night, the river rose.", FRIDAY)
    assert found["That night"] == "2019-03-03"
    found = values_at(nlp, "The mill opened in May 2011. That summer, it hired 40 people.", FRIDAY)
    assert found["That summer"] == "2011-SU"
    assert "that fall" not in values_at(nlp, "Traders feared that fall in prices.", FRIDAY)
    # with no time spoken of before, nothing to take: no expression
    assert values_at(nlp, "Nobody in the camp slept that night.", FRIDAY) == {}


def test_the_next_year_told_in_the_past_follows_the_year_in_focus(nlp: Language) -> None:
    found = values_at(nlp, "She was jailed in 2009 and freed the next year.", FRIDAY)
    assert found["the next year"] == "2010"
    found = values_at(nlp, "The council will hire 30 nurses in the next year.", FRIDAY)
    assert found["the next year"] == "2027"


def test_the_final_quarter_of_a_year_is_its_fourth(nlp: Language) -> None:
    found = values_at(nlp, "Output shrank in the final quarter of last year.", FRIDAY)
    assert found["the final quarter of last year"] == "2025-Q4"


def test_a_four_digit_clock_time_in_local_time_is_no_year(nlp: Language) -> None:
    found = values_at(nlp, "The truce took hold at 0600 local time on Sunday.", FRIDAY)
    assert found["0600 local time on Sunday"] == "2026-05-10T06:00"


def test_a_season_with_its_year_is_one_expression(nlp: Language) -> None:
    found = values_at(nlp, "Hiring slowed in spring 2019, then picked up.", FRIDAY)
    assert found == {"spring 2019": "2019-SP"}


def test_a_later_date_is_a_future_reference(nlp: Language) -> None:
    found = values_at(nlp, "The hearing was put off to a later date.", FRIDAY)
    assert found == {"a later date": "FUTURE_REF"}


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The blast came at 10:30 Tuesday morning.", "10:30 Tuesday morning", "2026-05-12T10:30"),
        ("The ferry left at 14:30 on Wednesday.", "14:30 on Wednesday", "2026-05-13T14:30"),
        ("The shelling began at 8:15 in the evening.", "8:15 in the evening", "2026-05-15T20:15"),
    ],
)
def test_a_clock_time_without_am_or_pm(nlp: Language, text: str, span: str, value: str) -> None:
    assert values_at(nlp, text, FRIDAY)[span] == value


def test_odds_are_no_clock_time(nlp: Language) -> None:
    assert values_at(nlp, "The mare won at 3:1 odds.", FRIDAY) == {}


def test_a_half_of_a_year_named_by_its_possessive(nlp: Language) -> None:
    found = values_at(nlp, "Orders grew in 2019's first half and in last year's second half.", FRIDAY)
    assert found == {"2019's first half": "2019-H1", "last year's second half": "2025-H2"}


def test_a_bare_plural_unit_after_take_is_a_vague_duration(nlp: Language) -> None:
    found = values_at(nlp, "Engineers said the repairs could take months.", FRIDAY)
    assert found == {"months": "PXM"}


def test_a_day_after_a_clock_time_is_resolved_once_in_its_own_tense(nlp: Language) -> None:
    # counted from the day in focus before the clock time, not from itself
    text = "The court met on May 4, 2026. It reconvened at 10 a.m. the following Monday."
    found = values_at(nlp, text, FRIDAY)
    assert found["the following Monday"] == "2026-05-11"
    assert found["10 a.m."] == "2026-05-11T10:00"
    # the bracketed clock time takes the day as the day itself is read, not in its own tense
    text = "The boat sank at 4 a.m. (0100 GMT) on July 7, survivors will say."
    found = values_at(nlp, text, FRIDAY)
    assert found["4 a.m."] == "2025-07-07T04:00"
    assert found["0100 GMT"] == "2025-07-07T01:00"
    assert found["July 7"] == "2025-07-07"


def test_a_clock_time_before_the_next_day_is_that_days(nlp: Language) -> None:
    text = "The jury retired on March 9, 2026. The verdict came at 3 p.m. the next day."
    found = values_at(nlp, text, FRIDAY)
    assert found["3 p.m."] == "2026-03-10T15:00"
    assert found["the next day"] == "2026-03-10"


def test_a_weekday_counted_in_a_month_is_a_dated_day(nlp: Language) -> None:
    found = values_at(nlp, "Voters go to the polls on the first Tuesday in November.", FRIDAY)
    assert found == {"the first Tuesday in November": "2026-11-03"}
    found = values_at(nlp, "The board met on the last Friday of April.", FRIDAY)
    assert found == {"the last Friday of April": "2026-04-24"}
    found = values_at(nlp, "The vote is set for the second Monday in June 2027.", FRIDAY)
    assert found == {"the second Monday in June 2027": "2027-06-14"}
    # February 2026 has four Mondays: no day, rather than a guess
    found = values_at(nlp, "Talks began on the fifth Monday of February.", FRIDAY)
    assert found == {"the fifth Monday of February": None}


def test_a_year_ending_on_a_day_named_without_its_date_is_a_period(nlp: Language) -> None:
    found = values_at(nlp, "The mill books a profit in the year ending tomorrow.", FRIDAY)
    assert found["the year"] == "P1Y"
    found = values_at(nlp, "Output grew in the year ended last month.", FRIDAY)
    assert found["the year"] == "P1Y"
    # no end named: this year
    assert values_at(nlp, "Output grew during the year.", FRIDAY)["the year"] == "2026"
