"""Time expressions: spans and TIMEX3 values resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from sitrep.annotate.times.layer import find_times
from sitrep.annotate.times.patterns import find_candidates
from sitrep.annotate.times.resolve import Context, resolve, season_step
from sitrep.models import Article, TimeExpr

FRIDAY = date(2025, 11, 7)  # publication date of the seed article, a Friday


def times_in(nlp: Language, text: str, anchor: date | None = FRIDAY) -> dict[str, TimeExpr]:
    return {t.text: t for t in find_times(nlp(text), anchor)}


def value_of(nlp: Language, text: str, expr: str, anchor: date | None = FRIDAY) -> str | None:
    found = times_in(nlp, text, anchor)
    assert expr in found, f"{expr!r} not found in {sorted(found)}"
    return found[expr].value


# (sentence, expression, anchor, expected value)
CASES = [
    # weekdays: the last one for past tense, the next one for the future
    ("Officials held talks Wednesday in the capital.", "Wednesday", FRIDAY, "2025-11-05"),
    ("The minister met his counterpart on Thursday.", "Thursday", FRIDAY, "2025-11-06"),
    ("The leaders will meet again on Tuesday.", "Tuesday", FRIDAY, "2025-11-11"),
    ("The vote was held last Friday.", "last Friday", FRIDAY, "2025-10-31"),
    ("The summit opens next Monday.", "next Monday", FRIDAY, "2025-11-10"),
    # "Friday night": the plain date, as TimeML annotators mostly give it
    ("Rebels attacked the town Sunday night.", "Sunday night", FRIDAY, "2025-11-02"),
    # the edge of a period is the period (TimeML MOD="END"), its span included
    ("The vote is due by the end of the month.", "the end of the month", FRIDAY, "2025-11"),
    ("Talks resume at the start of next week.", "the start of next week", FRIDAY, "2025-W46"),
    ("Protesters gathered this past weekend.", "this past weekend", FRIDAY, "2025-W44-WE"),
    ("The unit lost money in the prior year.", "the prior year", FRIDAY, "2024"),
    ("The firm reported Q3 results.", "Q3", FRIDAY, "2025-Q3"),
    ("Pilgrims arrive each July.", "each July", FRIDAY, "XXXX-07"),
    # a deadline moved "through" a month lies ahead; "effective" sets a day ahead
    ("The bank has extended the loans through February.", "February", FRIDAY, "2026-02"),
    ("The board named a new chief, effective Feb. 1.", "Feb. 1", FRIDAY, "2026-02-01"),
    ("Prices soared in the late nineties.", "the late nineties", FRIDAY, "199"),
    ("Floods come every spring.", "every spring", FRIDAY, "XXXX-SP"),
    ("Profit rose in Q1 2024.", "Q1 2024", FRIDAY, "2024-Q1"),
    ("The truce took effect at 06:00 GMT.", "06:00 GMT", FRIDAY, "2025-11-07T06:00"),
    # days relative to the anchor
    ("The ceasefire collapsed yesterday.", "yesterday", FRIDAY, "2025-11-06"),
    ("Talks resume today.", "today", FRIDAY, "2025-11-07"),
    ("Results are due tomorrow.", "tomorrow", FRIDAY, "2025-11-08"),
    ("He spoke to reporters this morning.", "this morning", FRIDAY, "2025-11-07TMO"),
    # weeks, months, years, seasons, quarters
    ("Troops moved north this week.", "this week", FRIDAY, "2025-W45"),
    ("Prices rose last month.", "last month", FRIDAY, "2025-10"),
    ("Elections are planned for next year.", "next year", FRIDAY, "2026"),
    ("Two weeks ago the army withdrew.", "Two weeks ago", FRIDAY, "2025-W43"),
    ("Fighting resumed earlier this year.", "earlier this year", FRIDAY, "2025"),
    ("The offensive began last fall.", "last fall", FRIDAY, "2024-FA"),
    ("Output fell in the third quarter.", "the third quarter", FRIDAY, "2025-Q3"),
    ("Growth slowed in the second half of 2024.", "the second half of 2024", FRIDAY, "2024-H2"),
    # explicit and partial dates
    ("The treaty was signed on March 3, 2024.", "March 3, 2024", FRIDAY, "2024-03-03"),
    ("The deal was signed on 3 March 2024.", "3 March 2024", FRIDAY, "2024-03-03"),
    ("The strike happened on March 3.", "March 3", FRIDAY, "2025-03-03"),
    ("The court will rule on Jan. 14.", "Jan. 14", FRIDAY, "2026-01-14"),
    ("The protests began in June.", "June", FRIDAY, "2025-06"),
    ("The talks resume in December.", "December", FRIDAY, "2025-12"),
    ("Troops have been deployed since September.", "September", FRIDAY, "2025-09"),
    ("Prices peaked in January 2023.", "January 2023", FRIDAY, "2023-01"),
    ("The dispute dates from 1998.", "1998", FRIDAY, "1998"),
    ("The policy dates from the 1990s.", "the 1990s", FRIDAY, "199"),
    (
        "The blast happened at 10:35 a.m. Thursday.",
        "10:35 a.m. Thursday",
        FRIDAY,
        "2025-11-06T10:35",
    ),
    ("Markets close on Christmas Day.", "Christmas Day", FRIDAY, "2025-12-25"),
    # durations and sets
    ("The siege lasted for a month.", "a month", FRIDAY, "P1M"),
    ("He served three years in prison.", "three years", FRIDAY, "P3Y"),
    ("Prices rose over the past three months.", "the past three months", FRIDAY, "P3M"),
    ("The talks took 5 1/2 hours.", "5 1/2 hours", FRIDAY, "PT5H30M"),
    ("The war has dragged on for years.", "years", FRIDAY, "PXY"),
    ("They signed a two-year deal.", "two-year", FRIDAY, "P2Y"),
    ("The paper is published daily.", "daily", FRIDAY, "P1D"),
    # vague references
    ("The army is now in control.", "now", FRIDAY, "PRESENT_REF"),
    ("The group recently changed leaders.", "recently", FRIDAY, "PAST_REF"),
    ("Attacks have grown in recent years.", "recent years", FRIDAY, "PAST_REF"),
    ("The plan may change in the future.", "the future", FRIDAY, "FUTURE_REF"),
    # no anchor: relative expressions stay unresolved, absolute ones do not need it
    ("Officials held talks Wednesday.", "Wednesday", None, None),
    ("Prices rose last month.", "last month", None, None),
    ("The treaty was signed on March 3, 2024.", "March 3, 2024", None, "2024-03-03"),
    ("The siege lasted for a month.", "a month", None, "P1M"),
    ("The army is now in control.", "now", None, "PRESENT_REF"),
    # unresolvable: the span is kept, the value is not guessed
    ("The following month, the bakery closed its doors.", "The following month", FRIDAY, None),
    # counted from the last date spoken of
    ("He fled in June 2019 and returned later that year.", "later that year", FRIDAY, "2019"),
    (
        "Talks began on May 2, 2020; the following month they failed.",
        "the following month",
        FRIDAY,
        "2020-06",
    ),
    # tense cues for weekdays and clock times
    ("The ministry has scheduled a briefing Monday.", "Monday", FRIDAY, "2025-11-10"),
    (
        "Officials postponed the vote until Tuesday morning.",
        "Tuesday morning",
        FRIDAY,
        "2025-11-11",
    ),
    ("The lease had been due to lapse Thursday.", "Thursday", FRIDAY, "2025-11-06"),
    ("The storm hurt crops on Monday, officials said.", "Monday", FRIDAY, "2025-11-03"),
    # days and weeks next to a dated day
    (
        "The day after last Monday's auction, she resigned.",
        "The day after last Monday",
        FRIDAY,
        "2025-11-04",
    ),
    ("A hearing is set for the week of December 8.", "the week of December 8", FRIDAY, "2025-W50"),
    # vague and approximate
    ("The rebels will soon run out of fuel.", "soon", FRIDAY, "FUTURE_REF"),
    ("Rents could, in a month or two, fall again.", "a month or two", FRIDAY, "FUTURE_REF"),
    ("The guard came back an hour and a half later.", "an hour and a half", FRIDAY, "PT1H30M"),
    ("The bill gives them an additional year.", "an additional year", FRIDAY, "P1Y"),
    # a bare month: the nearest one, unless the tense rules it out by far
    ("He was told of a cut in supplies in December.", "December", FRIDAY, "2025-12"),
    ("The company changed its fiscal year in March.", "March", FRIDAY, "2025-03"),
    ("The talks will resume in February.", "February", FRIDAY, "2026-02"),
    ("Prices fell in January, officials said.", "January", date(2025, 2, 10), "2025-01"),
    # a season of a named year, in digits or in words
    ("The law was passed in the spring of 2020.", "spring of 2020", FRIDAY, "2020-SP"),
    (
        "Rents last rose so fast in the summer of nineteen seventy-one.",
        "summer of nineteen seventy-one",
        FRIDAY,
        "1971-SU",
    ),
]


@pytest.mark.parametrize(("text", "expr", "anchor", "expected"), CASES)
def test_values(
    nlp: Language, text: str, expr: str, anchor: date | None, expected: str | None
) -> None:
    assert value_of(nlp, text, expr, anchor) == expected


def test_types(nlp: Language) -> None:
    found = times_in(
        nlp, "For a month, talks were held daily at 9 a.m. in Geneva, starting Monday."
    )
    assert found["a month"].type == "DURATION"
    assert found["daily"].type == "SET"
    assert found["Monday"].type == "DATE"


def test_spans_follow_timeml_habits() -> None:
    text = "Last year's output rose about six hours after the 9-year-old girl arrived, May 8."
    spans = {text[c.start : c.end] for c in find_candidates(text)}
    assert "Last year" in spans  # no possessive
    assert "six hours" in spans  # no hedge
    assert not any("old" in s for s in spans)  # ages are not durations
    assert "May 8" in spans


def test_titles_ordinals_and_index_levels_are_not_times() -> None:
    text = (
        'He spoke on "60 Minutes" about "High Noon". A second group formed. '
        "The index closed at 2082.1 after a four-quarter test. He was soon released."
    )
    spans = [text[c.start : c.end] for c in find_candidates(text)]
    assert not [s for s in spans if s.lower() not in ("soon",)]


def test_soon_in_a_past_clause_is_dropped(nlp: Language) -> None:
    assert "soon" not in times_in(nlp, "He was soon released from the hospital.")


def test_reporting_quarter_sets_the_year_ago_reference(nlp: Language) -> None:
    text = (
        "Borwick reported third-quarter sales of $7 million, from $2 million a year ago. "
        "After a weak second quarter, orders grew. In the latest quarter, orders were larger, "
        "and a fourth-quarter charge is likely. The year-ago period was weaker."
    )
    found = times_in(nlp, text, date(1996, 11, 5))
    assert found["a year ago"].value == "1995-Q3"
    assert found["the latest quarter"].value == "1996-Q3"
    assert found["The year-ago period"].value == "1995-Q3"


def test_the_march_for_a_cause_is_not_the_month(nlp: Language) -> None:
    text = "Thousands joined the annual March for Peace on Capitol Hill in March."
    found = find_times(nlp(text), FRIDAY)
    assert [(t.start, t.value) for t in found] == [(text.rindex("March"), "2025-03")]
    quoted = 'She led the "March of the Mothers" to the palace.'
    assert find_times(nlp(quoted), FRIDAY) == []


def test_modal_may_is_not_a_month() -> None:
    text = "The army may attack, officials said in May."
    spans = [text[c.start : c.end] for c in find_candidates(text)]
    assert spans == ["May"]


def test_offsets_point_into_text(nlp: Language) -> None:
    text = "Talks were held Wednesday and again on 5 November 2025."
    for t in find_times(nlp(text), FRIDAY):
        assert text[t.start : t.end] == t.text


def test_quarter_context_for_year_ago(nlp: Language) -> None:
    text = "Third-quarter sales climbed to $8 million from $6 million a year ago."
    assert value_of(nlp, text, "a year ago", date(1996, 10, 24)) == "1995-Q3"


def test_seasons_step_across_years() -> None:
    assert season_step(FRIDAY, "FA", -1) == "2024-FA"
    assert season_step(FRIDAY, "SU", 0) == "2025-SU"
    assert season_step(date(2025, 1, 15), "WI", 0) == "2024-WI"
    assert season_step(FRIDAY, "SP", 1) == "2026-SP"


def test_resolver_without_anchor_never_guesses() -> None:
    for text, kind in (
        ("Friday", "weekday"),
        ("last week", "relunit"),
        ("June", "month"),
        ("two days ago", "ago"),
        ("this summer", "season"),
    ):
        assert resolve(text, kind, Context(None))[1] is None


# ---------------------------------------------------------------- seed


def test_seed_article(nlp: Language, seed_article: Article) -> None:
    article = seed_article
    anchor = article.published_date()
    assert anchor == FRIDAY
    times = find_times(nlp(article.text), anchor)
    values = {(t.text, t.value) for t in times}
    assert ("Wednesday", "2025-11-05") in values
    assert ("Thursday", "2025-11-06") in values
    assert ("Tuesday", "2025-11-04") in values
    assert ("this week", "2025-W45") in values
    assert ("last fall", "2024-FA") in values
    assert ("September", "2025-09") in values
    for t in times:
        assert article.text[t.start : t.end] == t.text


def test_clock_time_belongs_to_the_day_in_focus(nlp: Language) -> None:
    text = "Bombs exploded on Tuesday.\n\nThe first blast came at 10:35 a.m. near the embassy."
    assert times_in(nlp, text)["10:35 a.m."].value == "2025-11-04T10:35"
    assert times_in(nlp, "The blast came at 10:35 a.m.")["10:35 a.m."].value == "2025-11-07T10:35"


def test_same_and_following_week_count_from_the_last_date(nlp: Language) -> None:
    text = (
        "Talks began on March 4, 2024. The following week they stalled, "
        "and that same week the envoy left. Police raided a house on Nov. 3 "
        "and arrested him the same day."
    )
    found = times_in(nlp, text)
    assert found["The following week"].value == "2024-W11"
    assert found["that same week"].value == "2024-W10"
    assert found["the same day"].value == "2025-11-03"


def test_year_ago_compares_with_the_period_last_spoken_of(nlp: Language) -> None:
    text = (
        "Borwick reported third-quarter sales of $7 million, up from $2 million a year earlier. "
        "Over the first nine months, sales reached $20 million, against $14 million a year "
        "earlier. The 1995 period included a gain."
    )
    found = find_times(nlp(text), date(1996, 11, 5))
    values = [t.value for t in found if t.text.lower().startswith(("a year", "the 1995"))]
    assert values == ["1995-Q3", "1995", "1995"]


def test_a_month_name_after_a_first_name_is_a_surname(nlp: Language) -> None:
    assert "May" not in times_in(nlp, "Prime Minister Theresa May resigned in June.")
    assert "May" in times_in(nlp, "Since May, prices rose.")
    assert "March" in times_in(nlp, "Germany in March rejected the plan.")


def test_an_age_is_no_decade(nlp: Language) -> None:
    assert not times_in(nlp, "She is in her forties.")
