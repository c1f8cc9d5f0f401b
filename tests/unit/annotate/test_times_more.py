"""Time expressions added for unseen text (issue 18): days counted from the day in
focus, slash dates, and what is not a time expression."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from sitrep.annotate.times.layer import find_times
from tests.support.times import times_in


def test_that_day_is_the_day_in_focus(nlp: Language) -> None:
    found = times_in(nlp, "The dam broke on Oct. 3. Two villages flooded that day.")
    assert found["that day"].value == "2024-10-03"


def test_the_previous_day_counts_back_from_the_day_in_focus(nlp: Language) -> None:
    found = times_in(nlp, "The envoy left on Oct. 3. He had met the rebels the previous day.")
    assert found["the previous day"].value == "2024-10-02"


def test_that_day_with_no_day_before_it_is_generic(nlp: Language) -> None:
    found = times_in(nlp, "When a rumour spreads, traders sell that day and buy back later.")
    assert "that day" not in found


def test_slash_dates_are_found(nlp: Language) -> None:
    assert times_in(nlp, "The memo, dated 10/21/24, was leaked.")["10/21/24"].value == "2024-10-21"


def test_this_season_follows_the_tense(nlp: Language) -> None:
    february = date(2025, 2, 12)
    assert (
        times_in(nlp, "The panel will report this fall.", february)["this fall"].value == "2025-FA"
    )
    assert times_in(nlp, "The panel reported this fall.", february)["this fall"].value == "2024-FA"


def test_the_half_of_something_else_is_no_half_year(nlp: Language) -> None:
    assert not times_in(nlp, "The visitors scored twice in the second half of the match.")
    found = times_in(nlp, "Orders fell in the second half of 2023.")
    assert found["the second half of 2023"].value == "2023-H2"


def test_the_weekend_in_a_future_clause_is_the_next_one(nlp: Language) -> None:
    wednesday = date(2024, 10, 30)
    found = times_in(nlp, "The talks will go on through the weekend.", wednesday)
    assert found["the weekend"].value == "2024-W44-WE"
    found = times_in(nlp, "The talks went on through the weekend.", wednesday)
    assert found["the weekend"].value == "2024-W43-WE"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The talks lasted half an hour.", "half an hour", "PT30M"),
        ("The feud lasted half a century.", "half a century", "P50Y"),
        ("He led the party for a quarter of a century.", "a quarter of a century", "P25Y"),
        ("He led the party for a quarter-century.", "a quarter-century", "P25Y"),
        ("The build took two-and-a-half years.", "two-and-a-half years", "P2Y6M"),
    ],
)
def test_fractions_of_a_unit(nlp: Language, text: str, span: str, value: str) -> None:
    assert times_in(nlp, text)[span].value == value


def test_a_bare_quarter_stays_one_quarter(nlp: Language) -> None:
    assert times_in(nlp, "Sales doubled in a quarter.")["a quarter"].value == "P1Q"


def test_a_day_right_after_said_is_the_day_of_the_saying(nlp: Language) -> None:
    wednesday = date(2024, 10, 30)
    found = times_in(nlp, "The company said Monday it will close two plants.", wednesday)
    assert found["Monday"].value == "2024-10-28"


@pytest.mark.parametrize(
    "text",
    [
        "The children of today face new risks.",
        "The planes of tomorrow will fly on hydrogen.",
        "Few people in today's world write letters.",
    ],
)
def test_the_present_age_is_no_day(nlp: Language, text: str) -> None:
    assert not times_in(nlp, text)


def test_as_of_today_is_the_day(nlp: Language) -> None:
    assert times_in(nlp, "As of today, 300 people had signed up.")["today"].value == "2024-10-28"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Old software may fail in the year 2038.", "the year 2038", "2038"),
        ("The talks resume three days from today.", "three days from today", "2024-10-31"),
        ("The fund runs until the end of the century.", "the end of the century", "20"),
    ],
)
def test_whole_spans(nlp: Language, text: str, span: str, value: str) -> None:
    assert times_in(nlp, text)[span].value == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The index is updated every Monday morning.", "every Monday morning", "XXXX-WXX-1TMO"),
        ("Ferries leave each morning.", "each morning", "XXXX-XX-XXTMO"),
        ("He phones home every evening.", "every evening", "XXXX-XX-XXTEV"),
    ],
)
def test_recurring_parts_of_days_are_sets(nlp: Language, text: str, span: str, value: str) -> None:
    found = times_in(nlp, text)[span]
    assert (found.type, found.value) == ("SET", value)


def test_the_other_day_is_a_past_reference(nlp: Language) -> None:
    assert times_in(nlp, "A neighbour saw him the other day.")["the other day"].value == "PAST_REF"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Shops will shut on Good Friday.", "2025-04-18"),
        ("The bishop will preach on Easter Sunday.", "2025-04-20"),
        ("Crowds will gather as Holy Week begins.", "2025-W16"),
        ("Banks close on Presidents Day.", "2025-02-17"),
    ],
)
def test_holidays_counted_from_easter_and_weekdays(nlp: Language, text: str, value: str) -> None:
    found = find_times(nlp(text), date(2025, 2, 12))
    assert [t.value for t in found] == [value]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Dockers began a weeklong strike.", "weeklong", "P1W"),
        ("They left a day-long meeting.", "day-long", "P1D"),
        ("The hour-long speech ran over.", "hour-long", "PT1H"),
        ("A months-long standoff ended.", "months-long", "PXM"),
        ("The two-week-long talks ended.", "two-week", "P2W"),
    ],
)
def test_long_adjectives_are_durations(nlp: Language, text: str, span: str, value: str) -> None:
    assert times_in(nlp, text)[span].value == value


@pytest.mark.parametrize(
    "text",
    [
        "April Grant, a spokeswoman, declined to comment.",
        "May I ask one more question?",
        # a month as the subject of a verb of saying is a person
        '"We heard the shots," June said.',
        "August told the neighbours to stay indoors.",
    ],
)
def test_first_names_and_the_modal_are_no_months(nlp: Language, text: str) -> None:
    assert not times_in(nlp, text)


def test_a_month_before_a_pronoun_stays(nlp: Language) -> None:
    assert times_in(nlp, "In May he resigned.")["May"].value == "2024-05"


def test_a_year_inside_a_name_is_no_year(nlp: Language) -> None:
    assert not times_in(nlp, "They founded a firm called Nova 1980, making valves.")
    assert times_in(nlp, "Sales rose in Fiscal 2023.")["Fiscal 2023"].value == "2023"


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        # the clause's tense picks the side of the publication date, not the nearer holiday
        ("The troops will be home by Christmas.", date(2025, 6, 10), "2025-12-25"),
        ("The prisoner was freed on Labor Day.", date(2025, 6, 10), "2024-09-02"),
        # within a few weeks the nearest one, whatever the tense
        ("The shop will reopen after Christmas.", date(2025, 12, 27), "2025-12-25"),
    ],
)
def test_a_holiday_lies_where_the_clause_tense_points(
    nlp: Language, text: str, anchor: date, value: str
) -> None:
    assert [t.value for t in find_times(nlp(text), anchor)] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a past verb the month modifies directly: a later month of the year is last year's
        ("The bakery switched suppliers in November.", "2023-11"),
        # no past verb on the month itself: the nearest reading stands
        ("The bakery will switch suppliers in November.", "2024-11"),
        ("The bakery switched suppliers in June.", "2024-06"),
    ],
)
def test_a_later_month_on_a_past_verb_is_last_years(nlp: Language, text: str, value: str) -> None:
    assert [t.value for t in find_times(nlp(text), date(2024, 10, 2))] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a time clause under a would/to-clause: its past tense is backshifted, the day ahead
        (
            "Traders said buyers were likely to bid as soon as the market opened Monday.",
            "2024-10-07",
        ),
        ("The mayor said she would sign the bill once the council voted Thursday.", "2024-10-03"),
        # under a past main clause the day is past
        ("The mayor signed the bill after the council voted Thursday.", "2024-09-26"),
    ],
)
def test_a_time_clause_under_a_future_clause_points_ahead(
    nlp: Language, text: str, value: str
) -> None:
    weekday = "Monday" if "Monday" in text else "Thursday"
    assert times_in(nlp, text, date(2024, 10, 2))[weekday].value == value


@pytest.mark.parametrize(
    ("anchor", "value"),
    [
        # the month just gone would be "last month": "last April" in May is a year back
        (date(2024, 5, 20), "2023-04"),
        (date(2024, 9, 20), "2024-04"),
        (date(2024, 4, 20), "2023-04"),
    ],
)
def test_last_month_name_skips_the_month_just_gone(nlp: Language, anchor: date, value: str) -> None:
    assert times_in(nlp, "The ferry sank last April.", anchor)["last April"].value == value


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        (
            "Orders may lag in the first two quarters of 2025.",
            "the first two quarters of 2025",
            "2025-H1",
        ),
        (
            "Losses narrowed in the last two quarters of last year.",
            "the last two quarters of last year",
            "2023-H2",
        ),
        # without its year a span back from now, no half year
        ("Losses narrowed in the last two quarters.", "the last two quarters", "P2Q"),
    ],
)
def test_two_quarters_of_a_year_are_a_half(nlp: Language, text: str, expr: str, value: str) -> None:
    assert times_in(nlp, text, date(2024, 10, 2))[expr].value == value


def test_a_half_ahead_leaves_the_compared_period_alone(nlp: Language) -> None:
    text = (
        "Profit rose in the third quarter and should keep rising through the first two "
        "quarters of next year. In the year-ago period, it fell."
    )
    assert times_in(nlp, text, date(2024, 10, 20))["the year-ago period"].value == "2023-Q3"


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        (
            "The fair opens on the second Saturday of next month.",
            "the second Saturday of next month",
            "2024-11-09",
        ),
        (
            "The vote was held on the last Friday of last month.",
            "the last Friday of last month",
            "2024-09-27",
        ),
        (
            "The fair opens on the 3rd Sunday of this month.",
            "the 3rd Sunday of this month",
            "2024-10-20",
        ),
    ],
)
def test_a_weekday_counted_in_a_relative_month(
    nlp: Language, text: str, expr: str, value: str
) -> None:
    assert times_in(nlp, text, date(2024, 10, 2))[expr].value == value


@pytest.mark.parametrize(("text", "day"), [("Thurs.", "2024-10-03"), ("Tues.", "2024-10-01")])
def test_a_weekday_abbreviation_is_its_day(nlp: Language, text: str, day: str) -> None:
    found = times_in(
        nlp, f"A ferry ran aground near the harbour {text} in thick fog.", date(2024, 10, 4)
    )
    assert found[text].value == day


def test_a_month_as_the_subject_of_another_verb_stays(nlp: Language) -> None:
    assert times_in(nlp, "June was the hottest month in a decade.")["June"].value == "2024-06"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The lender has five business days to reply.", "five business days", "P5D"),
        ("Shares fell for nine trading days in a row.", "nine trading days", "P9D"),
    ],
)
def test_days_of_a_kind_are_counted_as_days(
    nlp: Language, text: str, span: str, value: str
) -> None:
    assert times_in(nlp, text)[span].value == value


@pytest.mark.parametrize(
    "text",
    [
        "She was voted Player of the Year in a landslide.",
        "The skaters trained for the Winter Games.",
        "The anchor quit the show This Morning after a row.",
    ],
)
def test_a_capitalised_time_word_inside_a_sentence_is_a_name(nlp: Language, text: str) -> None:
    assert not times_in(nlp, text)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("``Today we mourn,'' the mayor said.", "Today"),
        ("The club was founded in the Summer of 1921.", "Summer of 1921"),
        ("Elections are held this autumn.", "this autumn"),
    ],
)
def test_a_time_word_opening_a_quote_or_dated_stays(nlp: Language, text: str, span: str) -> None:
    assert span in times_in(nlp, text)


def test_now_with_a_comma_opening_a_sentence_is_a_discourse_marker(nlp: Language) -> None:
    assert "Now" not in times_in(nlp, "The mill closed. Now, the town hopes for tourists.")
    assert times_in(nlp, "The town now hopes for tourists.")["now"].value == "PRESENT_REF"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Today is the ninth day of the blockade.", "the ninth day"),
        ("It's the 3rd straight day of heavy snow.", "the 3rd straight day"),
    ],
)
def test_a_day_counted_within_an_event_in_the_present_is_today(
    nlp: Language, text: str, span: str
) -> None:
    assert times_in(nlp, text)[span].value == "2024-10-28"


def test_a_counted_day_in_the_past_is_not_today(nlp: Language) -> None:
    assert "the ninth day" not in times_in(nlp, "Friday was the ninth day of the blockade.")


def test_a_quarter_century_without_its_article_is_still_25_years() -> None:
    from sitrep.annotate.times.resolve import Context, resolve

    for text in ("quarter century", "quarter-century", "a quarter century"):
        assert resolve(text, "duration", Context(date(2024, 10, 30))) == ("DURATION", "P25Y")


def test_a_weekday_shares_the_plural_part_of_day_coordinated_after_it(nlp: Language) -> None:
    found = times_in(nlp, "The night bus runs on Friday and Saturday nights.")
    assert found["Friday"].value == "XXXX-WXX-5TNI"
    assert found["Saturday nights"].value == "XXXX-WXX-6TNI"
    # a singular part says nothing of the weekday before it
    found = times_in(nlp, "Crowds gathered on Friday and Saturday night.", date(2024, 10, 30))
    assert found["Friday"].value == "2024-10-25"
