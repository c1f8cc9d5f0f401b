"""Days of saying, dates set ahead by a future verb, dates that are a present copula's
predicate (TimeML: the tense of the governing verb places an underspecified date)."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from tests.support.times import values_at

THURSDAY = date(2031, 5, 22)  # a Thursday in late May
MONDAY = date(2031, 5, 26)


def test_the_day_after_said_on_is_the_day_of_the_saying(nlp: Language) -> None:
    # the parse hangs "on Tuesday" on the reported clause's verb, which looks ahead
    found = values_at(nlp, "The utility said on Tuesday it would raise its tariffs.", THURSDAY)
    assert found["Tuesday"] == "2031-05-20"
    found = values_at(nlp, "A union official said late on Monday it expects a strike.", THURSDAY)
    assert found["Monday"] == "2031-05-19"


def test_a_day_later_in_the_reported_clause_still_looks_ahead(nlp: Language) -> None:
    found = values_at(nlp, "The utility said it would raise its tariffs on Tuesday.", THURSDAY)
    assert found["Tuesday"] == "2031-05-27"


def test_a_future_verb_puts_a_past_month_in_next_year(nlp: Language) -> None:
    # March lies two months before the page: "will" points to the coming March
    found = values_at(nlp, "The ferry line will add a winter route in March.", THURSDAY)
    assert found["March"] == "2032-03"
    # with no tense cue the nearest month stays
    found = values_at(nlp, "Ferry traffic in March: a record.", THURSDAY)
    assert found["March"] == "2031-03"


def test_a_future_verb_puts_a_past_dated_day_in_next_year(nlp: Language) -> None:
    found = values_at(nlp, "The new bridge will open on April 2.", THURSDAY)
    assert found["April 2"] == "2032-04-02"


def test_a_date_as_the_predicate_of_a_present_be_lies_ahead(nlp: Language) -> None:
    assert values_at(nlp, "The filing deadline is April 30.", THURSDAY)["April 30"] == (
        "2032-04-30"
    )
    assert values_at(nlp, "The referendum is in February.", THURSDAY)["February"] == "2032-02"


def test_a_month_dating_a_figure_under_be_is_not_set_ahead(nlp: Language) -> None:
    found = values_at(nlp, "Ticket sales are up 4 percent in April.", THURSDAY)
    assert found["April"] == "2031-04"


def test_a_quarter_of_a_town_is_no_time(nlp: Language) -> None:
    found = values_at(nlp, "Shells fell on the walled quarter near the harbour.", THURSDAY)
    assert found == {}
    found = values_at(nlp, "Spending climbed 0.8 percent quarter on quarter.", THURSDAY)
    assert found == {}
    found = values_at(nlp, "Rents climbed on a year-on-year basis.", THURSDAY)
    assert found == {}


def test_the_quarter_of_an_earnings_report_is_still_read(nlp: Language) -> None:
    found = values_at(nlp, "Margins narrowed in the quarter, the brewer said.", THURSDAY)
    assert found["the quarter"] == "2031-Q1"


def test_a_day_of_an_awaited_event_is_the_nearest_one(nlp: Language) -> None:
    # a past clause before an event: the event's Saturday is the coming one, two days on
    found = values_at(nlp, "Supporters packed the square ahead of Saturday's runoff.", THURSDAY)
    assert found["Saturday"] == "2031-05-24"
    found = values_at(nlp, "Lawyers filed briefs ahead of the hearing on Saturday.", THURSDAY)
    assert found["Saturday"] == "2031-05-24"
    # Monday is nearer behind (three days) than ahead (four)
    found = values_at(nlp, "Traders sold bonds ahead of Monday's auction.", THURSDAY)
    assert found["Monday"] == "2031-05-19"


def test_a_day_of_a_past_event_under_a_past_verb_stays_past(nlp: Language) -> None:
    found = values_at(nlp, "Crowds cheered after Saturday's runoff.", THURSDAY)
    assert found["Saturday"] == "2031-05-17"


def test_a_time_word_inside_a_newspaper_name_is_no_time(nlp: Language) -> None:
    found = values_at(nlp, "The minister told the Daily Herald that talks had failed.", THURSDAY)
    assert "Daily" not in found
    found = values_at(nlp, "Editors at the Weekly Standard declined to comment.", THURSDAY)
    assert "Weekly" not in found


def test_a_capitalised_weekday_opening_a_sentence_is_still_a_day(nlp: Language) -> None:
    found = values_at(nlp, "Tuesday was the hottest day of the year.", THURSDAY)
    assert found["Tuesday"] == "2031-05-20"


def test_every_other_weekday_is_a_set(nlp: Language) -> None:
    found = values_at(nlp, "The choir rehearses every other Wednesday.", THURSDAY)
    assert found == {"every other Wednesday": "XXXX-WXX-3"}


def test_be_to_and_due_to_with_a_passive_set_a_day_ahead(nlp: Language) -> None:
    found = values_at(nlp, "The runoff is to be held on Tuesday.", THURSDAY)
    assert found["Tuesday"] == "2031-05-27"
    found = values_at(nlp, "The verdict is due to be read on Monday.", THURSDAY)
    assert found["Monday"] == "2031-05-26"


def test_each_other_before_a_weekday_is_no_set(nlp: Language) -> None:
    found = values_at(nlp, "The two men shot each other Monday night.", THURSDAY)
    assert found["Monday night"] == "2031-05-19"


def test_a_will_elsewhere_leaves_a_nouns_day_the_nearest(nlp: Language) -> None:
    text = "The town will mourn together after Saturday's flood."
    assert values_at(nlp, text, MONDAY)["Saturday"] == "2031-05-24"


def test_a_day_dating_a_predicate_noun_of_be_is_the_nearest(nlp: Language) -> None:
    text = "Officers said the blaze appears to be an arson Saturday."
    assert values_at(nlp, text, MONDAY)["Saturday"] == "2031-05-24"
    # "the hearing is Friday" has no noun predicate: a schedule, the coming Friday
    assert values_at(nlp, "The hearing is Friday.", MONDAY)["Friday"] == "2031-05-30"


def test_a_month_then_the_ordinal_day_is_one_date(nlp: Language) -> None:
    found = values_at(nlp, "The count resumes on June the 3rd.", THURSDAY)
    assert found == {"June the 3rd": "2031-06-03"}


def test_weekends_after_on_or_at_are_a_set(nlp: Language) -> None:
    assert values_at(nlp, "The ferry runs on weekends.", THURSDAY) == {
        "weekends": "XXXX-WXX-WE"
    }
    assert values_at(nlp, "Volunteers come every weekend.", THURSDAY) == {
        "every weekend": "XXXX-WXX-WE"
    }
    assert "weekends" not in values_at(nlp, "He spent three weekends at sea.", THURSDAY)


def test_a_month_between_a_saying_and_its_report_dates_the_saying(nlp: Language) -> None:
    # July lies two months after the page, yet "announced in July that" is a past saying
    found = values_at(nlp, "The port authority announced in July that fees would rise.", THURSDAY)
    assert found["July"] == "2030-07"
    # after the reported clause the month may be the clause's own: the nearest one
    found = values_at(nlp, "The port authority said fees would rise in July.", THURSDAY)
    assert found["July"] == "2031-07"


def test_a_perfect_or_since_puts_a_month_behind(nlp: Language) -> None:
    # July lies two months after the page: a perfect or "since" says it is last year's
    found = values_at(nlp, "The mural appears to have been painted in July.", THURSDAY)
    assert found["July"] == "2030-07"
    found = values_at(nlp, "Ferry fares have been frozen since July.", THURSDAY)
    assert found["July"] == "2030-07"
    # a future perfect looks ahead
    found = values_at(nlp, "The crews will have finished the road by July.", THURSDAY)
    assert found["July"] == "2031-07"


def test_a_date_fixed_as_a_deadline_keeps_the_nearest_reading(nlp: Language) -> None:
    found = values_at(nlp, "The board has set June 3 as the last day for bids.", THURSDAY)
    assert found["June 3"] == "2031-06-03"
