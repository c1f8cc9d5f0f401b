"""Quantities: codes that look like numbers (split "No." labels, trunk-prefix phones)."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Span

from sitrep.annotate.quantities.layer import find_quantities


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Order No. 55120 and a spare box were lost.", "55120"),
        ("For help, ring 0161 555 0192 before noon.", "0161"),
        # a toll-free line with its "1-" trunk is no range from 1 to 888
        ("Tips go to 1-888-555-0147 around the clock.", "1-888"),
    ],
)
def test_codes_are_not_quantities(nlp: Any, sentence: str, code: str) -> None:
    assert code not in [q.text for q in find_quantities(nlp(sentence))]


def test_a_range_from_one_stays_a_range(nlp: Any) -> None:
    found = [q.text for q in find_quantities(nlp("Ratings run 1-100 points on the scale."))]
    assert found == ["1-100 points"]


def test_counts_beside_codes_stay(nlp: Any) -> None:
    found = [
        q.text for q in find_quantities(nlp("Order No. 55120 listed 12 chairs and 0.5 tonnes."))
    ]
    assert "12" in found and "0.5 tonnes" in found


@pytest.mark.parametrize(
    "sentence",
    [
        "A spare part was logged as exhibit 23 at trial.",
        "The choir sang verse 4 twice.",
    ],
)
def test_a_number_after_a_label_noun_names_it(nlp: Any, sentence: str) -> None:
    assert find_quantities(nlp(sentence)) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The leader spun off on lap 41 in the rain.",
        "Her ticket put her in row 17 behind the band.",
        "He found the ball on hole 9 after a long search.",
        "The car stalled in turn one and the race was halted at the start of day eight.",
    ],
)
def test_a_number_naming_one_of_a_series_is_no_amount(nlp: Any, sentence: str) -> None:
    # reconcile reads these positions from the text (reconcile.quantities.series_positions)
    assert find_quantities(nlp(sentence)) == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The painter died at age 91 in his studio.", 91.0),
        ("On lap 3, 14 cars pitted.", 14.0),
        ("He was jailed for stealing 40 and selling 9 of them.", 40.0),
    ],
)
def test_a_measure_noun_or_a_count_keeps_its_number(nlp: Any, sentence: str, value: float) -> None:
    assert value in [q.value for q in find_quantities(nlp(sentence))]


@pytest.mark.parametrize(
    "sentence",
    ["Picture 4 of 31: Crowds line the quay.", "The list runs on page 3 of 8 of the file."],
)
def test_the_length_of_a_numbered_series_is_part_of_its_label(nlp: Any, sentence: str) -> None:
    assert find_quantities(nlp(sentence)) == []


def test_a_gallery_counter_on_its_own_line_is_chrome(nlp: Any) -> None:
    found = [
        q.text for q in find_quantities(nlp("Gallery\n5 of 21\nTwo of 7 crew members swam ashore."))
    ]
    assert "5" not in found and "21" not in found and "7" in found


def test_a_spaced_toll_free_number_is_no_amount(nlp: Any) -> None:
    assert find_quantities(nlp("Call 1 877 555 0134 with any tips.")) == []


def test_counts_in_a_share_of_a_series_stay(nlp: Any) -> None:
    found = [q.text for q in find_quantities(nlp("She won 3 of 4 races that spring."))]
    assert found == ["3", "4"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Slide 7 of 12 A crowd gathers at the town hall.",
        "The probe left from Pad 17B at dawn while crews waited at gate 9C.",
        "Ana Ruiz, 31, of 215 E. Linden Blvd., was hurt.",
    ],
)
def test_letters_of_captions_ids_and_streets_are_no_units(nlp: Any, sentence: str) -> None:
    assert [q.unit for q in find_quantities(nlp(sentence)) if q.unit] == []


def test_amperes_and_watts_stay_units(nlp: Any) -> None:
    found = {q.text: q.unit for q in find_quantities(nlp("A 10A socket feeds a 40 W lamp."))}
    assert found == {"10A": "ampere", "40 W": "watt"}


@pytest.mark.parametrize(
    "sentence",
    [
        "A neighbour dialled 999 and waited by the door.",
        "Tips go to the hotline at 555-0142 or 555-TIPS.",
    ],
)
def test_numbers_called_and_numbers_naming_a_thing_are_no_amounts(nlp: Any, sentence: str) -> None:
    assert find_quantities(nlp(sentence)) == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The court called 14 witnesses in all.", 14.0),
        ("The 9 finalists met the press.", 9.0),
    ],
)
def test_counts_after_a_verb_of_calling_stay(nlp: Any, sentence: str, value: float) -> None:
    assert value in [q.value for q in find_quantities(nlp(sentence))]


def test_a_range_of_round_figures_is_no_phone_number(nlp: Any) -> None:
    found = find_quantities(nlp("Some 300-1000 hikers were counted."))
    assert [(q.low, q.high) for q in found] == [(300.0, 1000.0)]


def test_an_area_code_in_brackets_is_read_with_its_number(nlp: Any) -> None:
    assert find_quantities(nlp("Call (919) 555-0188 after noon.")) == []


def test_a_count_the_tagger_calls_a_name_still_counts(nlp: Any) -> None:
    doc = nlp("According to port officials, 96 travellers were stranded.")
    number = next(t for t in doc if t.text == "96")
    doc.ents = [Span(doc, number.i, number.i + 1, label="ORG")]
    assert [q.value for q in find_quantities(doc)] == [96.0]


def test_a_name_holding_a_number_still_names(nlp: Any) -> None:
    doc = nlp("The Apollo 11 crews trained for years.")
    doc.ents = [Span(doc, 1, 3, label="ORG")]
    assert 11.0 not in [q.value for q in find_quantities(doc)]
