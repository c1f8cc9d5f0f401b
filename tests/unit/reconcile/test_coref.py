"""Light coreference for claim subjects: a figure about "him" or "the young Dane" is
keyed to the person the article named. Each test builds its own small texts."""

from __future__ import annotations

import re

from sitrep.models import Span
from sitrep.reconcile.coref import resolve
from tests.support.brief import discrepancy_values, story


def _refs(text: str, names: list[str]) -> dict[str, str]:
    """What each pronoun or epithet of ``text`` resolves to (its words -> the name)."""
    people = {m.start(): (n.lower(), m.end(), n) for n in names for m in re.finditer(n, text)}
    sentences, start = [], 0
    for m in re.finditer(r"(?<=\.) ", text):
        sentences.append(Span(start, m.start()))
        start = m.end()
    sentences.append(Span(start, len(text)))
    return {text[r.start:r.end]: r.name for r in resolve(text, sentences, people)}


def test_a_pronoun_names_the_subject_of_the_sentence_before() -> None:
    text = ("Tomas Brink passed Pavel Orsic and Ivo Marek. "
            "A late stop dropped him down the order.")
    assert _refs(text, ["Tomas Brink", "Pavel Orsic", "Ivo Marek"]) == {
        "him": "Tomas Brink"}


def test_a_pronoun_skips_a_person_of_the_other_gender() -> None:
    text = ("Mrs Nora Lindgren met Peter Lund. She said he was going home.")
    assert _refs(text, ["Nora Lindgren", "Peter Lund"]) == {
        "She": "Nora Lindgren", "he": "Peter Lund"}


def test_an_object_pronoun_is_not_the_subject_of_its_own_clause() -> None:
    text = "Rafael Cota was fast. Ivo Marek passed him."
    assert _refs(text, ["Rafael Cota", "Ivo Marek"]) == {"him": "Rafael Cota"}


def test_an_epithet_prefers_the_person_of_its_nationality() -> None:
    text = ("Danish driver Tomas Brink started well. Ivo Marek led. "
            "The young Dane then attacked.")
    assert _refs(text, ["Tomas Brink", "Ivo Marek"]) == {
        "The young Dane": "Tomas Brink"}


def test_an_epithet_naming_a_relation_or_a_thing_names_no_one() -> None:
    text = ("Tomas Brink won. The son of Jan was praised. "
            "The 400-year-old church stood. The driver smiled.")
    assert _refs(text, ["Tomas Brink"]) == {"The driver": "Tomas Brink"}


def test_a_place_told_of_him_and_of_the_dane_conflicts() -> None:
    pairs = story(
        ("Halden Racing called Tomas Brink in for fresh tyres. The stop dropped him down to "
         "15th place before he fought back to third.", "2016-11-13"),
        ("Danish driver Tomas Brink spun early. The young Dane then climbed "
         "through the field from 16th to third.", "2016-11-13"),
    )
    assert discrepancy_values(pairs) == [[15.0, 16.0]]


def test_places_of_different_people_told_by_pronouns_never_conflict() -> None:
    # Alike but for the person "him" names: read as no one, the clauses would share
    # "Kestrel Bend" and the stop, and their places would conflict.
    pairs = story(
        ("Halden Racing called Tomas Brink in. The stop at Kestrel Bend dropped him down to "
         "15th place.", "2016-11-13"),
        ("Rafael Cota pitted for fresh tyres. The stop at Kestrel Bend dropped him down "
         "to 16th place.", "2016-11-13"),
    )
    assert discrepancy_values(pairs) == []


def test_an_age_told_by_an_epithet_of_the_persons_role_is_compared() -> None:
    pairs = story(
        ("Comedian Nora Lindgren and Peter Lund have split. The comedian, 47, shared "
         "the news on Monday.", "2016-11-13"),
        ("Nora Lindgren, 46, shared the news of the split on Monday.", "2016-11-13"),
    )
    assert discrepancy_values(pairs) == [[46.0, 47.0]]
