"""Willingness to act as an intent (CAMEO 03): "be ADJ to X" with an adjective of the
WordNet "willing" class, and "be committed to X-ing", which the parser reads as a
passive verb with a "to" phrase. Made-up sentences."""

from __future__ import annotations

from typing import Any

from sitrep import lexicons
from sitrep.annotate.events.layer import find_events
from sitrep.annotate.events.plover import load_lexicon
from sitrep.annotate.events.triggers import gerund_complements, willing_word
from sitrep.models import Annotations


def types_of(nlp: Any, text: str) -> set[str]:
    return {e.type for e in find_events(nlp(text), Annotations(), None)}


def test_a_wordnet_willing_adjective_states_an_intent(nlp: Any) -> None:
    hand = {r["lemma"] for r in lexicons.rows("plover_words.csv") if r["class"] == "willing"}
    assert "disposed" not in hand  # WordNet's similar-to of "willing", not a hand row
    text = "The rebels said they were disposed to negotiate with the governor."
    assert "AGREE" in types_of(nlp, text)


def test_committed_to_a_gerund_is_an_intent(nlp: Any) -> None:
    text = "The minister said Chile is committed to reopening the mine to foreign investors."
    assert "AGREE" in types_of(nlp, text)
    doc = nlp(text)
    committed = next(t for t in doc if t.lower_ == "committed")
    assert willing_word(committed, load_lexicon())
    assert [t.lower_ for t in gerund_complements(committed)] == ["reopening"]


def test_a_to_phrase_after_another_passive_is_no_intent(nlp: Any) -> None:
    text = "The ferry was moved to the northern harbour."
    assert "AGREE" not in types_of(nlp, text)
    assert not willing_word(next(t for t in nlp(text) if t.lower_ == "moved"), load_lexicon())


def test_a_participle_of_a_verb_of_intention_keeps_its_reading(nlp: Any) -> None:
    doc = nlp("The rebels had prepared to negotiate with the governor.")
    prepared = next(t for t in doc if t.lower_ == "prepared")
    assert prepared.tag_ == "VBN"
    assert not willing_word(prepared, load_lexicon())
