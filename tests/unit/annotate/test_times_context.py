"""Time expressions whose reading depends on the words around them: rates, joined
days, ended periods, noun modifiers, days counted from the day in focus."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.support.times import times_in


@pytest.mark.parametrize(
    "text",
    [
        "The ferry makes four crossings a week in summer.",
        "The bonds pay $2.10 a year in interest.",
        "The plant can turn out 12,000 cars a month.",
        "Guards watch the gate 24 hours a day.",
    ],
)
def test_rates_are_not_durations(nlp: Language, text: str) -> None:
    rates = {"a week", "a year", "a month", "a day"}
    assert not rates & set(times_in(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "The mill expects output to grow 6% annually.",
        "The new line will turn out 4,000 bikes yearly.",
    ],
)
def test_a_frequency_word_after_a_count_is_a_rate(nlp: Language, text: str) -> None:
    assert not {"annually", "yearly"} & set(times_in(nlp, text))


def test_a_frequency_word_without_a_count_is_a_set(nlp: Language) -> None:
    assert times_in(nlp, "The guild meets annually in the old hall.")["annually"].value == "P1Y"


def test_frequency_and_plain_duration_stay(nlp: Language) -> None:
    # TimeML's SET spans the frequency too ("twice a week": P1W, freq 2X)
    twice = times_in(nlp, "The council meets twice a week.")["twice a week"]
    assert (twice.type, twice.value) == ("SET", "P1W")
    assert times_in(nlp, "The strike lasted a week.")["a week"].value == "P1W"


def test_a_joined_day_is_a_date_of_the_same_month(nlp: Language) -> None:
    found = times_in(nlp, "The summit will be held on May 14 and 15 in Oslo.")
    assert found["May 14"].value == "2025-05-14"
    assert found["15"].value == "2025-05-15"
    found = times_in(nlp, "Sales rose between 3 and 5 percent on May 2.")
    assert "5" not in found
    assert "3" not in found


def test_a_day_on_which_a_period_ended_is_not_ahead(nlp: Language) -> None:
    found = times_in(nlp, "The mill made a profit in the first quarter ended Nov. 30.")
    assert found["Nov. 30"].value == "2023-11-30"
    assert found["the first quarter"].value == "2023-Q1"


def test_a_month_modifying_a_noun_takes_no_tense(nlp: Language) -> None:
    found = times_in(nlp, "The club is still hoping to keep its coach under a May contract.")
    assert found["May"].value == "2024-05"


def test_previous_weekday_counts_from_the_day_in_focus(nlp: Language) -> None:
    text = "Shares fell 3% on Friday, after a gain of 2% from the previous Friday."
    found = times_in(nlp, text)
    assert found["Friday"].value == "2024-10-25"
    assert found["the previous Friday"].value == "2024-10-18"


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("Sales may suffer in the near term.", "the near term", "FUTURE_REF"),
        ("Funds may have to sell bonds in the weeks ahead.", "the weeks ahead", "PXW"),
        ("Output should rise in the last half of 2025.", "the last half of 2025", "2025-H2"),
        ("Results for that quarter were weak.", "that quarter", "2024-Q3"),
    ],
)
def test_reference_phrases(nlp: Language, text: str, expr: str, value: str) -> None:
    assert times_in(nlp, text)[expr].value == value


def test_a_third_quarter_loss_sets_the_quarter_for_a_year_ago(nlp: Language) -> None:
    text = "Borwick booked a third-quarter deficit of $6 million, against a gain a year earlier."
    found = times_in(nlp, text, date(2024, 11, 2))
    assert found["third-quarter"].value == "2024-Q3"
    assert found["a year earlier"].value == "2023-Q3"


def test_part_of_the_day_in_focus(nlp: Language) -> None:
    text = "Prices fell on Friday. Dealers placed heavy orders in the morning."
    assert times_in(nlp, text)["the morning"].value == "2024-10-25TMO"
    assert "the morning" not in times_in(nlp, "The shop opens at 6 in the morning.")


def test_year_end_ahead_or_behind(nlp: Language) -> None:
    assert times_in(nlp, "The deal should close by year-end.")["year-end"].value == "2024-12-31"
    text = "The index has risen 12% since year-end."
    assert times_in(nlp, text)["year-end"].value == "2023-12-31"


def test_day_before_yesterday(nlp: Language) -> None:
    assert times_in(nlp, "He left the day before yesterday.")["the day before yesterday"].value == (
        "2024-10-26"
    )


def test_a_joined_number_that_counts_is_no_day(nlp: Language) -> None:
    found = times_in(nlp, "On May 3 and 4 others were hurt in the blast.")
    assert "4" not in found
    assert times_in(nlp, "Talks ran on May 3-5, officials said.")["5"].value == "2024-05-05"


def test_that_period_alone_is_no_quarter(nlp: Language) -> None:
    assert "that period" not in times_in(nlp, "During that period the army lost ground.")


def test_a_quarter_of_something_is_a_fraction(nlp: Language) -> None:
    text = "Farmers own nearly a quarter of the land. Bars in that quarter of the town shut."
    found = times_in(nlp, text)
    assert "nearly a quarter" not in found and "a quarter" not in found
    assert "that quarter" not in found
    text = "Sales fell in the quarter of the year that ended in June."
    assert "the quarter" in times_in(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "About 1500 soldiers were sent to the border.",
        "More than 2000 people lined the road.",
        "Up to 1800 workers could lose their jobs.",
        # any qualifier of the quantities layer hedges: "just under", "as many as"
        "Just under 1900 homes were left without power.",
    ],
)
def test_a_hedged_amount_in_digits_is_a_count_not_a_year(nlp: Language, text: str) -> None:
    assert not {"1500", "2000", "1800", "1900"} & set(times_in(nlp, text))


def test_a_year_before_a_plural_noun_stays_a_year(nlp: Language) -> None:
    found = times_in(nlp, "The firm said 1989 earnings would fall by about 5%.")
    assert found["1989"].value == "1989"
