"""Which way a weekday or a dated day points: the tense of the verb it modifies."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from sitrep.annotate.times.tense import verb_tagged_noun
from tests.support.times import values_at

WEDNESDAY = date(1998, 2, 11)


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        # "due" sets a date ahead, unless said in the past
        ("A ruling is due Thursday.", "Thursday", "1998-02-12"),
        ("The report, due Friday, will show growth.", "Friday", "1998-02-13"),
        ("The ruling was due Thursday.", "Thursday", "1998-02-05"),
    ],
)
def test_due_points_ahead(nlp: Language, text: str, expr: str, value: str) -> None:
    assert values_at(nlp, text, WEDNESDAY)[expr] == value


def test_a_day_on_a_past_verb_is_not_weeks_ahead(nlp: Language) -> None:
    # "mailed Dec. 3" written on Oct. 28: last year's Dec. 3, not one five weeks ahead
    text = "The package was mailed Dec. 3 and arrived five days later."
    assert values_at(nlp, text, date(1998, 10, 28))["Dec. 3"] == ("1997-12-03")
    # a target date set by a past verb may lie ahead
    text = "The hearing was postponed to Dec. 3."
    assert values_at(nlp, text, date(1998, 10, 28))["Dec. 3"] == ("1998-12-03")


def test_a_quarter_well_behind_in_a_future_clause_is_next_years(nlp: Language) -> None:
    def value(text: str) -> str | None:
        found = values_at(nlp, text, date(1989, 11, 2))
        return found["the first quarter" if "first" in text else "the third quarter"]

    assert value("The deal is expected to close by the end of the first quarter.") == "1990-Q1"
    # the quarter just ended is still to be reported
    assert value("It plans to publish its results for the third quarter.") == "1989-Q3"


def test_the_previous_month_counts_from_the_date_in_focus(nlp: Language) -> None:
    text = "The ship was seized in November. It had met a tanker the previous month."
    found = values_at(nlp, text, date(2018, 1, 5))
    assert found["the previous month"] == "2017-10"
    # without a date in focus, from the publication date
    found = values_at(nlp, "Sales rose from the previous year.", WEDNESDAY)
    assert found["the previous year"] == "1997"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The hearing is on Friday.", "1998-02-13"),
        ("The last day of the fair is Saturday.", "1998-02-14"),
        ("The hearing was on Friday.", "1998-02-06"),
        ("Prices rose before Friday's auction.", "1998-02-06"),
    ],
)
def test_a_weekday_said_of_with_present_be_is_the_coming_one(
    nlp: Language, text: str, value: str
) -> None:
    (found,) = values_at(nlp, text, WEDNESDAY).values()
    assert found == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a present main clause does not backshift a past time clause under it
        (
            "Deputies are questioning a neighbour after a barn was set alight on Monday.",
            "1998-02-09",
        ),
        ("The farmer faces a fine after his dog bit a runner Monday.", "1998-02-09"),
        # a future main clause does
        ("The club will vote once the members arrived on Monday.", "1998-02-16"),
    ],
)
def test_a_past_time_clause_under_a_present_clause_stays_past(
    nlp: Language, text: str, value: str
) -> None:
    assert values_at(nlp, text, WEDNESDAY)["Monday"] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # implicative verbs: the infinitive's event is the declining's, trying's time
        ("The coach declined to comment Monday.", "1998-02-09"),
        ("A man tried to steal a bicycle Monday.", "1998-02-09"),
        ("Shares continued to slide Monday.", "1998-02-09"),
        # a verb of intending looks ahead
        ("The unions agreed to strike Monday.", "1998-02-16"),
    ],
)
def test_an_infinitive_under_an_implicative_verb_takes_its_tense(
    nlp: Language, text: str, value: str
) -> None:
    assert values_at(nlp, text, WEDNESDAY)["Monday"] == value


def test_a_curly_will_points_ahead(nlp: Language) -> None:
    text = "“We’ll be testing the wells Monday,” the engineer said."
    assert values_at(nlp, text, WEDNESDAY)["Monday"] == "1998-02-16"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a present clause reporting on an event noun dated by the weekday: the event is past
        ("Detectives are investigating a burglary Monday night.", "1998-02-09"),
        ("The arrest comes after a robbery on Monday.", "1998-02-09"),
        # a noun the clause looks ahead to, and a weekday on the verb, stay ahead
        ("Senators are getting ready for a vote on Monday.", "1998-02-16"),
        ("The two teams play Monday.", "1998-02-16"),
    ],
)
def test_a_present_clause_about_an_event_noun_dates_a_past_event(
    nlp: Language, text: str, value: str
) -> None:
    (found,) = values_at(nlp, text, WEDNESDAY).values()
    assert found == value


def test_a_headline_line_does_not_lend_its_verb_to_the_next(nlp: Language) -> None:
    # a headline with no full stop: the parse joins it to the paragraph below
    text = (
        "Boy Hurt In Fall, Expected to Recover\n\nOn Monday afternoon the police received a call."
    )
    assert values_at(nlp, text, WEDNESDAY)["Monday afternoon"] == "1998-02-09"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a noun marked as arranged: the nearest such day, here the coming one
        ("Details of Thursday's planned flight appeared.", "1998-02-12"),
        # with no such mark the past clause decides
        ("Details of Thursday's flight appeared.", "1998-02-05"),
    ],
)
def test_a_day_of_an_arranged_noun_is_the_nearest(nlp: Language, text: str, value: str) -> None:
    assert values_at(nlp, text, WEDNESDAY)["Thursday"] == value


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        # the small model tags the present verb as a noun; the present with a day looks ahead
        ("Negotiations resume on Friday in Vienna.", "Friday", "1998-02-13"),
        ("The envoy returns Sunday from Cairo.", "Sunday", "1998-02-15"),
        ("Nurses strike Monday over pay, the union said.", "Monday", "1998-02-16"),
        # "The" hung on the verb belongs to the compound before it
        ("The assembly votes Thursday on the levy.", "Thursday", "1998-02-12"),
        # a noun with its determiner, and a past verb, keep their reading
        ("A wire service report Friday said the mill closed.", "Friday", "1998-02-06"),
        ("The envoy returned Sunday from Cairo.", "Sunday", "1998-02-08"),
    ],
)
def test_a_present_verb_tagged_as_a_noun_points_ahead(
    nlp: Language, text: str, expr: str, value: str
) -> None:
    assert values_at(nlp, text, WEDNESDAY)[expr] == value


def _parsed(nlp: Language, rows: list[tuple[str, str, str, str, int]]) -> Doc:
    words, tags, pos, deps, heads = (list(col) for col in zip(*rows, strict=True))
    return Doc(nlp.vocab, words=words, tags=tags, pos=pos, deps=deps, heads=heads)


def test_a_noun_read_as_a_verb_needs_a_verb_form_and_an_agreeing_subject(
    nlp: Language,
) -> None:
    def misread(subject_tag: str, word: str) -> bool:
        doc = _parsed(
            nlp,
            [
                ("Pilots", subject_tag, "NOUN", "compound", 1),
                (word, "NN", "NOUN", "ROOT", 1),
                ("Monday", "NNP", "PROPN", "npadvmod", 1),
            ],
        )
        return verb_tagged_noun(doc[2:3]) is not None

    assert misread("NNS", "resume")  # plural subject, base form
    assert misread("NN", "resumes")  # singular subject, "-s" form
    assert not misread("NN", "resume")  # no agreement: a compound noun ("a pilot resume")
    assert not misread("NNS", "tundra")  # no verb reading
