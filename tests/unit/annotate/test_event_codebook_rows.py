"""The trigger rows read mechanically off the codebook's category descriptions
(plover_codebook.csv, scripts/codebook_classes.py): they code words no other list has,
and every other list overrides them. Made-up sentences."""

from __future__ import annotations

from typing import Any

from sitrep import lexicons
from sitrep.annotate.events.layer import find_events
from sitrep.annotate.events.plover import load_lexicon
from sitrep.models import Annotations


def rows_of(name: str) -> dict[tuple[str, str], str]:
    return {(r["lemma"], r["pos"]): r["type"] for r in lexicons.rows(name)}


def test_a_codebook_word_no_other_list_has_codes_its_category(nlp: Any) -> None:
    """ "Coerce" names its own category (CAMEO 170); no hand or class row has it."""
    assert ("coerce", "verb") not in rows_of("plover_triggers.csv")
    assert ("coerce", "verb") not in rows_of("plover_classes.csv")
    doc = nlp("The junta coerced the village elders into silence.")
    assert "COERCE" in {e.type for e in find_events(doc, Annotations(), None)}


def test_class_and_hand_rows_override_codebook_rows() -> None:
    """ "Receive deployment of peacekeepers" gives "deploy" RETREAT; the class says MOBILIZE."""
    assert rows_of("plover_codebook.csv")[("deploy", "verb")] == "RETREAT"
    assert load_lexicon().verbs[("deploy", "")].type == "MOBILIZE"


def test_codebook_rows_name_their_codebook_word() -> None:
    rows = lexicons.rows("plover_codebook.csv")
    assert rows and all(r["seed"] and r["type"] for r in rows)


def test_a_manner_of_a_codebook_act_codes_its_category(nlp: Any) -> None:
    """ "Terrorize" (coerce by violence or with threats) is a troponym of CAMEO 170's "coerce"."""
    assert ("terrorize", "verb") not in rows_of("plover_triggers.csv")
    assert ("terrorize", "verb") not in rows_of("plover_classes.csv")
    doc = nlp("Armed gangs terrorized the farmers of the valley for a month.")
    assert "COERCE" in {e.type for e in find_events(doc, Annotations(), None)}
