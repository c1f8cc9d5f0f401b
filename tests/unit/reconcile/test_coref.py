"""Light coreference for claim subjects: a figure about "him" or "the young Dutchman" is
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
    text = ("Max Verstappen passed Kimi Raikkonen and Nico Rosberg. "
            "A late stop dropped him down the order.")
    assert _refs(text, ["Max Verstappen", "Kimi Raikkonen", "Nico Rosberg"]) == {
        "him": "Max Verstappen"}


def test_a_pronoun_skips_a_person_of_the_other_gender() -> None:
    text = ("Mrs Sarah Silverman met Michael Sheen. She said he was going home.")
    assert _refs(text, ["Sarah Silverman", "Michael Sheen"]) == {
        "She": "Sarah Silverman", "he": "Michael Sheen"}


def test_an_object_pronoun_is_not_the_subject_of_its_own_clause() -> None:
    text = "Lewis Hamilton was fast. Nico Rosberg passed him."
    assert _refs(text, ["Lewis Hamilton", "Nico Rosberg"]) == {"him": "Lewis Hamilton"}


def test_an_epithet_prefers_the_person_of_its_nationality() -> None:
    text = ("Dutch driver Max Verstappen started well. Nico Rosberg led. "
            "The young Dutchman then attacked.")
    assert _refs(text, ["Max Verstappen", "Nico Rosberg"]) == {
        "The young Dutchman": "Max Verstappen"}


def test_an_epithet_naming_a_relation_or_a_thing_names_no_one() -> None:
    text = ("Max Verstappen won. The son of Jos was praised. "
            "The 400-year-old church stood. The driver smiled.")
    assert _refs(text, ["Max Verstappen"]) == {"The driver": "Max Verstappen"}


def test_a_place_told_of_him_and_of_the_dutchman_conflicts() -> None:
    pairs = story(
        ("Red Bull called Max Verstappen in for fresh tyres. The stop dropped him down to "
         "15th place before he battled back to third.", "2016-11-13"),
        ("Dutch driver Max Verstappen spun early. The young Dutchman then sliced his way "
         "through the field from 16th to third.", "2016-11-13"),
    )
    assert discrepancy_values(pairs) == [[15.0, 16.0]]


def test_places_of_different_people_told_by_pronouns_never_conflict() -> None:
    # Alike but for the person "him" names: read as no one, the clauses would share
    # "Interlagos" and the stop, and their places would conflict.
    pairs = story(
        ("Red Bull called Max Verstappen in. The stop at Interlagos dropped him down to "
         "15th place.", "2016-11-13"),
        ("Lewis Hamilton pitted for fresh tyres. The stop at Interlagos dropped him down "
         "to 16th place.", "2016-11-13"),
    )
    assert discrepancy_values(pairs) == []


def test_an_age_told_by_an_epithet_of_the_persons_role_is_compared() -> None:
    pairs = story(
        ("Comedian Sarah Silverman and Michael Sheen have split. The comedian, 47, shared "
         "the news on Monday.", "2016-11-13"),
        ("Sarah Silverman, 46, shared the news of the split on Monday.", "2016-11-13"),
    )
    assert discrepancy_values(pairs) == [[46.0, 47.0]]
