"""Quantities layer: values, qualifiers, ranges, units, counted noun phrases, exclusions."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.annotate.quantities.layer import find_quantities
from sitrep.annotate.quantities.number_words import word_numbers
from sitrep.models import Article, Quantity


def quantities(nlp: Any, text: str) -> list[Quantity]:
    return find_quantities(nlp(text))


def only(nlp: Any, text: str) -> Quantity:
    found = quantities(nlp, text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


# sentence, expected text, value, low, high, approx, bound, unit
RULES = [
    (
        "Officials said around 15,000 troops were sent.",
        "around 15,000",
        15000,
        None,
        None,
        True,
        None,
        None,
    ),
    (
        "The fund lost roughly $3.2 billion last year.",
        "roughly $3.2 billion",
        3.2e9,
        None,
        None,
        True,
        None,
        "dollar",
    ),
    ("The firm raised $3bn from investors.", "$3bn", 3e9, None, None, False, None, "dollar"),
    ("Shares fell 5 percent on the news.", "5 percent", 5, None, None, False, None, "percentage"),
    ("Rates rose 25 basis points.", "25 basis points", 25, None, None, False, None, "basis point"),
    (
        "The prize is worth up to €3 million.",
        "up to €3 million",
        3e6,
        None,
        3e6,
        False,
        "upper",
        "euro",
    ),
    ("Nearly 57% of voters agreed.", "Nearly 57%", 57, None, 57, False, "upper", "percentage"),
    (
        "More than 4,120 workers were laid off.",
        "More than 4,120",
        4120,
        4120,
        None,
        False,
        "lower",
        None,
    ),
    ("At least five people were hurt.", "At least five", 5, 5, None, False, "lower", None),
    (
        "Prices rose between 10 and 20 percent.",
        "between 10 and 20 percent",
        None,
        10,
        20,
        False,
        None,
        "percentage",
    ),
    ("The laser uses 5-10W of power.", "5-10W", None, 5, 10, False, None, "watt"),
    (
        "Growth of 4 to 6 per cent is expected.",
        "4 to 6 per cent",
        None,
        4,
        6,
        False,
        None,
        "percentage",
    ),
    (
        "It will cost $41 to $47 billion.",
        "$41 to $47 billion",
        None,
        41e9,
        47e9,
        False,
        None,
        "dollar",
    ),
    ("Twenty-three people were rescued.", "Twenty-three", 23, None, None, False, None, None),
    ("She bought a dozen eggs.", "a dozen", 12, None, None, False, None, None),
    ("Thousands of workers marched.", "Thousands", None, 1000, 10000, True, None, None),
    ("The population is 1.5 million.", "1.5 million", 1.5e6, None, None, False, None, None),
    ("The village has 10 000 residents.", "10 000", 10000, None, None, False, None, None),
    ("A third of the budget was spent.", "A third", 1 / 3, None, None, False, None, None),
    ("The road is 12 km long.", "12 km", 12, None, None, False, None, "kilometre"),
    (
        "Oil traded at $63.17 per barrel.",
        "$63.17 per barrel",
        63.17,
        None,
        None,
        False,
        None,
        "dollar per barrel",
    ),
    (
        "The fine was 12.5 million Australian dollars.",
        "12.5 million Australian dollars",
        12.5e6,
        None,
        None,
        False,
        None,
        "australian dollar",
    ),
    (
        "Temperatures fell to minus 5 degrees Celsius.",
        "minus 5 degrees Celsius",
        -5,
        None,
        None,
        False,
        None,
        "degree celsius",
    ),
    ("The car reaches 87 mph.", "87 mph", 87, None, None, False, None, "mile per hour"),
    # South Asian scales; "Rs" and "Rs." stand one space before the amount
    (
        "The state will spend Rs 500 crore.",
        "Rs 500 crore",
        5e9,
        None,
        None,
        False,
        None,
        "indian rupee",
    ),
    ("He paid Rs. 40,000 in fees.", "Rs. 40,000", 40000, None, None, False, None, "indian rupee"),
    ("The rally drew 3 lakh people.", "3 lakh", 3e5, None, None, False, None, None),
    (
        "The loan was for KSh 500 million.",
        "KSh 500 million",
        5e8,
        None,
        None,
        False,
        None,
        "kenyan shilling",
    ),
]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "low", "high", "approx", "bound", "unit"), RULES
)
def test_rules(
    nlp: Any,
    sentence: str,
    text: str,
    value: float | None,
    low: float | None,
    high: float | None,
    approx: bool,
    bound: str | None,
    unit: str | None,
) -> None:
    q = only(nlp, sentence)
    assert q.text == text
    assert sentence[q.start : q.end] == text
    assert q.value == pytest.approx(value) if value is not None else q.value is None
    assert q.low == pytest.approx(low) if low is not None else q.low is None
    assert q.high == pytest.approx(high) if high is not None else q.high is None
    assert (q.approx, q.bound, q.unit) == (approx, bound, unit)


NOT_QUANTITIES = [
    "The talks were held in 2019.",
    "He died on October 14 in Dar es Salaam.",
    "The meeting starts at 10:30 a.m. on Monday.",
    "He scored in the 96th minute.",
    "Apple showed the new iPhone 11 today.",
    "The category 4 hurricane hit the coast.",
    "The S&P 500 closed higher.",
    "Call +1 202 555 0100 for details.",
    "They lead 2-0 at half-time.",
    "He lives at 10 Downing Street.",
    "He came third in the race.",
    "The COVID-19 pandemic hit hard.",
    "They play in Group 3 B next week.",
    "The new plant is larger than the old one.",
    "Shares in the S&P 500 index fell.",
    "He starred in the Game 7 win.",
    "The nasdaq rose while the sp 500 is set to drop.",
    "A M6.4 quake hit as the A320 left; MH370 and COVID-19 were news.",
    "It filed its annual report on Form 10-K at a 7-Eleven store.",
    "The Philadelphia 76ers fired their coach.",
    "Police were called at 6.10am and again at 3pm.",
]


@pytest.mark.parametrize("sentence", NOT_QUANTITIES)
def test_not_quantities(nlp: Any, sentence: str) -> None:
    assert quantities(nlp, sentence) == []


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("It was 35 C in Madrid on Monday.", 35, "degree celsius"),
        ("The lamp uses a 60 W bulb.", 60, "watt"),
        ("Temperatures hit 40 C.", 40, "degree celsius"),
        ("The kit ships with a 20 W USB-C charger.", 20, "watt"),
    ],
)
def test_one_letter_symbols_of_physical_units(
    nlp: Any, sentence: str, value: float, unit: str
) -> None:
    """A lone letter after a space is a unit symbol for temperature, power, electricity."""
    q = only(nlp, sentence)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The city has 1.5m residents.", 1.5e6, None),
        ("The company employs 25k people.", 25000, None),
        ("The wall is 3m tall.", 3, "metre"),
        ("She won the 400m hurdles final.", 400, "metre"),
    ],
)
def test_glued_m_and_k_before_a_plural_count(
    nlp: Any, sentence: str, value: float, unit: str | None
) -> None:
    """A glued "m" or "k" before a counted plural is a scale; otherwise "m" is metres."""
    q = only(nlp, sentence)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The game runs at 60fps on the console.", 60, "fps"),
        ("Tyres are inflated to 35psi.", 35, "psi"),
        ("He is 30ish.", 30, None),
    ],
)
def test_glued_lower_case_letters_are_a_unit(
    nlp: Any, sentence: str, value: float, unit: str | None
) -> None:
    """Letters glued to digits are a unit symbol even when unlisted; ids glue capitals."""
    q = only(nlp, sentence)
    assert (q.value, q.unit) == (value, unit)


def test_quarters_without_of_are_counted_periods(nlp: Any) -> None:
    assert only(nlp, "Profit fell for the past two quarters.").value == 2
    assert only(nlp, "Three quarters of voters agreed.").value == 0.75


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Spammers reached as many as one billion phones.", 1e9),
        ("The company has one hundred and two stores.", 102),
    ],
)
def test_one_opening_a_longer_number_is_no_pronoun(nlp: Any, sentence: str, value: float) -> None:
    assert only(nlp, sentence).value == value


def test_suspended_hyphen_range(nlp: Any) -> None:
    q = only(nlp, "They plan an 8- to 16-meter telescope.")
    assert (q.low, q.high, q.unit) == (8, 16, "metre")


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The court ordered them to pay P5 million in damages.", 5e6, "P"),
        ("The shares rose to Rp10,500.", 10500, "Rp"),
        ("Workers received 20mSv of radiation.", 20, "mSv"),
    ],
)
def test_unlisted_currency_and_unit_symbols(
    nlp: Any, sentence: str, value: float, unit: str
) -> None:
    """Letters glued before an amount (separators, cents, a scale) name its currency."""
    q = only(nlp, sentence)
    assert (q.value, q.unit) == (value, unit)


def test_label_words_used_as_verbs_are_no_labels(nlp: Any) -> None:
    assert only(nlp, "They train 500 soldiers a year.").value == 500
    assert quantities(nlp, "The category 4 hurricane hit.") == []


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("The carrier leased three new 767 Cargo planes.", [3]),
        ("Boeing showed the 787 Dreamliner in 2009.", []),
        ("The driver of the London Tramlink two-car vehicle was held.", [2]),
    ],
)
def test_model_numbers_and_glued_counts(nlp: Any, sentence: str, values: list[float]) -> None:
    assert [q.value for q in quantities(nlp, sentence)] == values


def test_counted_noun_phrase_drops_nationality(nlp: Any) -> None:
    text = "It sent around 5,000 North Korean military construction troops to Russia."
    q = only(nlp, text)
    assert (q.value, q.approx, q.counted) == (5000, True, "military construction troops")
    assert q.counted_start is not None and q.counted_end is not None
    assert text[q.counted_start : q.counted_end] == "military construction troops"


@pytest.mark.parametrize(
    ("sentence", "value", "counted"),
    [
        ("Nearly half the population lives in poverty.", 0.5, "population"),
        ("Prices rose by a fifth.", 0.2, None),
        ("About 1 in 4 children is affected.", 0.25, "children"),
    ],
)
def test_shares_in_words_and_digits(
    nlp: Any, sentence: str, value: float, counted: str | None
) -> None:
    q = only(nlp, sentence)
    assert (q.value, q.counted) == (value, counted)


def test_shares_are_not_ordinals_or_tallies(nlp: Any) -> None:
    assert quantities(nlp, "A third party will decide.") == []
    assert [q.value for q in quantities(nlp, "He scored 2 in 3 games.")] == [2, 3]


def test_part_of_a_counted_total(nlp: Any) -> None:
    found = quantities(nlp, "The airline will cut 3,000 of its 40,000 jobs.")
    assert [(q.value, q.counted) for q in found] == [(3000, "jobs"), (40000, "jobs")]


def test_part_of_a_measured_total_takes_its_unit(nlp: Any) -> None:
    found = quantities(nlp, "She has collected 120 million of the 1.8 billion euros she needs.")
    assert [(q.value, q.unit) for q in found] == [
        (1.2e8, "euro"),
        (1.8e9, "euro"),
    ]
    half = quantities(nlp, "Half of the $300 was spent.")
    assert [(q.value, q.unit) for q in half] == [(0.5, None), (300, "dollar")]


def test_glued_noun_is_counted(nlp: Any) -> None:
    q = only(nlp, "They rent a three-bedroom house in Leeds.")
    assert (q.value, q.counted) == (3, "bedroom")


def test_an_adjective_glued_to_a_count_leaves_the_noun_counted(nlp: Any) -> None:
    q = only(nlp, "A 600-strong crowd waited at the gates.")
    assert (q.value, q.counted) == (600, "crowd")


def test_only_one_counts_the_noun_after_it(nlp: Any) -> None:
    q = only(nlp, "Only one person died in the fire.")
    assert (q.value, q.counted) == (1, "person")


def test_counted_through_of(nlp: Any) -> None:
    q = only(nlp, "Kim agreed to send thousands of military construction workers.")
    assert q.counted == "military construction workers"


def test_change_from_to_is_one_quantity(nlp: Any) -> None:
    text = "Inflation fell from 3.9 to 3.6 percent."
    q = only(nlp, text)
    assert (q.value, q.unit, q.old_value, q.change) == (3.6, "percentage", 3.9, "down")
    assert (q.text, text[q.old_start : q.old_end]) == ("3.6 percent", "3.9")


def test_durations_are_quantities(nlp: Any) -> None:
    q = only(nlp, "He was sentenced to three years in prison.")
    assert (q.value, q.unit) == (3, "year")


def test_word_numbers() -> None:
    assert [w.value for w in word_numbers("two hundred and fifty")] == [250]
    assert [w.value for w in word_numbers("one two")] == [1, 2]
    assert [w.value for w in word_numbers("one million two hundred thousand")] == [1_200_000]
    assert word_numbers("dozen") == []


def test_seed_troop_figures(nlp: Any, seed_article: Article) -> None:
    article = seed_article
    found = find_quantities(nlp(article.text))
    by_value = {q.value: q for q in found}
    assert by_value[15000].approx and by_value[15000].counted == "troops"
    assert by_value[5000].approx and by_value[5000].counted == "military construction troops"
    q = by_value[5000]
    assert article.text[q.start : q.end] == "around 5,000"


def test_hyphenated_and_a_half_and_a_half_million(nlp: Any) -> None:
    qs = quantities(
        nlp, "A 9-and-a-half hour flight. They may not import a half million barrels."
    )
    assert [(q.text, q.value) for q in qs] == [
        ("9-and-a-half hour", 9.5),
        ("a half million barrels", 500000.0),
    ]


def test_a_year_is_no_end_of_a_range(nlp: Any) -> None:
    q = only(nlp, "The population grew from 1.2 million in 2000 to 1.8 million in 2020.")
    assert (q.value, q.old_value, q.change) == (1_800_000, 1_200_000, "up")


def test_a_range_after_a_verb_of_change(nlp: Any) -> None:
    q = only(nlp, "Prices are expected to rise 5 to 7 percent.")
    assert (q.low, q.high, q.unit) == (5, 7, "percentage")


def test_a_number_after_its_noun_is_a_label(nlp: Any) -> None:
    qs = quantities(nlp, "It supports USB 3.0 and records 4K video at 60fps.")
    assert [q.text for q in qs] == ["60fps"]


def test_a_lone_metre_symbol_before_a_dimension(nlp: Any) -> None:
    q = only(nlp, "The wall is 5 m high.")
    assert (q.value, q.unit) == (5, "metre")


def test_a_year_cut_to_two_digits_is_no_count(nlp: Any) -> None:
    q = only(nlp, "In '98 the firm lost $3m.")
    assert q.value == 3_000_000


def test_a_share_and_an_amount_make_no_range(nlp: Any) -> None:
    qs = quantities(nlp, "Production fell by a third to 40,000 barrels a day.")
    assert [(q.value, q.unit) for q in qs] == [(1 / 3, None), (40000, "barrel per day")]


def test_plus_before_an_article_adds_and_bounds_nothing(nlp: Any) -> None:
    q = quantities(nlp, "He earns €120,000 a year plus a bonus.")[0]
    assert (q.text, q.bound) == ("€120,000 a year", None)
    assert only(nlp, "They hired 100 plus people.").bound == "lower"


def test_a_range_with_a_hyphen_glued_to_its_to(nlp: Any) -> None:
    q = only(nlp, "A 40,000 to-55,000 year-old tool was found.")
    assert (q.low, q.high) == (40_000, 55_000)


def test_a_dash_after_a_percent_sign_joins_a_range(nlp: Any) -> None:
    q = only(nlp, "Deposit rates stay at 3.75%-4%.")
    assert (q.low, q.high, q.unit) == (3.75, 4, "percentage")


def test_a_forecast_range_after_a_verb_stays_a_range(nlp: Any) -> None:
    q = only(nlp, "Sales will rise 5% to 7% next year.")
    assert (q.low, q.high) == (5, 7)


def test_a_place_in_a_ranking_is_no_count(nlp: Any) -> None:
    assert quantities(nlp, "The side slipped into the bottom three after the defeat.") == []
    q = only(nlp, "The top three seeds all reached the semi-finals.")
    assert (q.value, q.counted) == (3, "seeds")


def test_one_another_is_a_pronoun(nlp: Any) -> None:
    qs = quantities(nlp, "The plan pits the three towns against one another.")
    assert [q.text for q in qs] == ["three"]


def test_a_long_unseparated_digit_run_is_an_id(nlp: Any) -> None:
    qs = quantities(nlp, "The post 7734019285 drew 1,200 replies.")
    assert [q.value for q in qs] == [1200]


def test_or_more_than_opens_a_second_figure(nlp: Any) -> None:
    qs = quantities(nlp, "It is worth either less than $3 billion or more than $20 billion.")
    assert [(q.text, q.bound) for q in qs] == [
        ("less than $3 billion", "upper"), ("more than $20 billion", "lower")]


def test_a_fraction_in_fourths_or_eighths(nlp: Any) -> None:
    q = only(nlp, "Three-fourths of the members voted for the plan.")
    assert q.value == 0.75
    q = only(nlp, "About five-eighths of the budget goes to salaries.")
    assert q.value == 0.625


def test_a_name_between_a_count_and_its_plural_noun(nlp: Any) -> None:
    q = only(nlp, "The company opened 3 Apple stores in the city.")
    assert (q.value, q.counted) == (3, "Apple stores")
    qs = quantities(nlp, "The carrier leased three more 320 Neo planes last spring.")
    assert [q.text for q in qs] == ["three"]


def test_pounds_of_thrust_are_a_force_not_sterling(nlp: Any) -> None:
    q = only(nlp, "The engines give 2.4 million pounds of thrust together.")
    assert (q.value, q.unit) == (2.4e6, "pound-force")
    q = only(nlp, "The stadium was bought for 90 million pounds.")
    assert q.unit == "pound sterling"


def test_a_text_that_measures_force_reads_its_other_pounds_as_force(nlp: Any) -> None:
    text = "The motor gives 600 kilonewtons, about 1.3 million pounds, at full power."
    assert [q.unit for q in quantities(nlp, text)] == ["kilonewton", "pound-force"]


def test_indian_digit_grouping_is_one_number(nlp: Any) -> None:
    q = only(nlp, "The scheme reached 2,50,000 farmers in the state.")
    assert (q.value, q.counted) == (250000, "farmers")


@pytest.mark.parametrize(
    ("sentence", "text", "bound"),
    [
        # "north of" / "south of" a figure: above it, below it
        ("Analysts expect the stock to trade north of $80 soon.", "north of $80", "lower"),
        ("Unemployment has held south of 4 percent for a year.", "south of 4 percent", "upper"),
    ],
)
def test_compass_words_before_a_figure_are_bounds(
    nlp: Any, sentence: str, text: str, bound: str
) -> None:
    q = only(nlp, sentence)
    assert (q.text, q.bound) == (text, bound)


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        # pounds of a substance, a food or a material weigh it
        ("Inspectors destroyed 1.5 million pounds of spoiled pork.", "pound"),
        ("Agents found 2 million pounds of heroin in the lorries.", "pound"),
        ("The mill ships 4 million pounds of steel a month.", "pound"),
        # the grain, the metal: senses that follow the plant and wealth in WordNet
        ("Growers sold 3 million pounds of corn abroad.", "pound"),
        ("The mine yields 2 million pounds of gold a year.", "pound"),
        ("The convoy carried 1 million pounds of ammunition.", "pound"),
        # pounds of what is no substance, or with a sign for sterling, are money
        ("The council lost 6 million pounds of funding.", "pound sterling"),
        ("The museum paid 3 million pounds for a painting.", "pound sterling"),
        ("Traders sold £4 million of rice.", "pound sterling"),
    ],
)
def test_pounds_of_a_substance_are_a_weight(nlp: Any, sentence: str, unit: str) -> None:
    assert only(nlp, sentence).unit == unit
