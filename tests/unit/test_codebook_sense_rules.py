"""The sense rules of scripts/codebook_classes.py that keep noise out of the codebook rows,
on a tiny made-up WordNet (with made-up SemCor tag counts) and made-up CAMEO descriptions:
lone words before a modified last conjunct share its head, a noun whose sense no
description bears out needs a dominant first sense, such a noun brings only its own verb,
a category's name as a noun must name an act, synonyms come only from a sense the tagged
texts use, and a misspelt description word is read as the one word an edit away."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from tests.support.paths import REPO
from tests.support.scripts import load_script
from tests.support.wordnet import write_wordnet

DATA_VERB = [
    "00000100 41 v 01 hinder 0 000 | get in the way of",
    "00000200 41 v 01 impose 0 000 | set or force upon",
    "00000300 32 v 01 protest 0 000 | utter words of objection",
    "00000400 32 v 01 praise 0 000 | express approval of",
    "00000500 32 v 01 measure 0 000 | take a measure",
    "00000600 32 v 01 counter 0 000 | act against",
    "00000700 37 v 01 regret 0 000 | feel sorry about",
    "00000710 32 v 02 regret 0 excuse 0 000 | defend by giving reasons",
    "00000800 32 v 01 defend 0 000 | speak in favour of",
]
DATA_NOUN = [
    "00000900 04 n 01 crossing 0 000 | the act of going across",
    "00000910 06 n 01 crossing 0 000 | a place to go across",
    "00000920 04 n 01 raid 0 000 | a sudden armed attack",
    "00000930 04 n 01 dawn 0 000 | the act of beginning",
    "00000940 04 n 02 measure 0 countermove 0 002 + 00000500 v 0101 + 00000600 v 0201"
    " | a course of action",
    "00000950 07 n 01 measure 0 000 | a quantity",
    "00000960 09 n 01 protest 0 000 | an idea held against",
]
INDEX_VERB = [
    "counter v 1 0 1 0 00000600",
    "defend v 1 0 1 0 00000800",
    "excuse v 1 0 1 0 00000710",
    "hinder v 1 0 1 0 00000100",
    "impose v 1 0 1 0 00000200",
    "measure v 1 0 1 0 00000500",
    "praise v 1 0 1 0 00000400",
    "protest v 1 0 1 0 00000300",
    "regret v 2 0 2 0 00000700 00000710",
]
INDEX_NOUN = [
    "crossing n 2 0 2 0 00000900 00000910",
    "dawn n 1 0 1 0 00000930",
    "measure n 2 0 2 0 00000940 00000950",
    "protest n 1 0 1 0 00000960",
    "raid n 1 0 1 0 00000920",
]


@pytest.fixture(name="module")
def fixture_module() -> ModuleType:
    return load_script(REPO / "scripts" / "codebook_classes.py")


def rows_of(
    module: ModuleType, tmp_path: Path, descriptions: dict[str, str], counts: list[str]
) -> dict[tuple[str, str, str], str]:
    folder = write_wordnet(tmp_path, DATA_VERB, DATA_NOUN, INDEX_VERB, INDEX_NOUN)
    (folder / "cntlist.rev").write_text("\n".join(counts) + "\n", encoding="latin-1")
    source = tmp_path / "cameoCodes.json"
    codes = {code: code for code in descriptions}
    source.write_text(json.dumps({"cameoCode": codes, "Description": descriptions}), "utf-8")
    wn = module.WordNet(str(folder))
    rows = module.codebook_rows(wn, frozenset(), str(source))
    return {(r["lemma"], r["with"], r["pos"]): r["type"] for r in rows}


def test_lone_words_before_a_modified_conjunct_are_its_modifiers(
    module: ModuleType, tmp_path: Path
) -> None:
    rows = rows_of(module, tmp_path, {"1833": "Impose dawn, or other sudden raid"}, [])
    assert rows[("raid", "", "noun")] == "ASSAULT"
    assert ("dawn", "", "noun") not in rows  # a dawn raid, not a dawn
    assert ("impose", "dawn", "verb") not in rows


def test_a_noun_without_a_borne_out_sense_needs_a_dominant_first_sense(
    module: ModuleType, tmp_path: Path
) -> None:
    spread = ["crossing%1:04:00:: 1 2", "crossing%1:06:00:: 2 3"]
    rows = rows_of(module, tmp_path, {"144": "Hinder crossing"}, spread)
    assert ("crossing", "", "noun") not in rows  # its act sense: 2 of 5 tagged uses
    assert rows[("hinder", "crossing", "verb")] == "PROTEST"  # the codebook's pair stays
    dominant = ["crossing%1:04:00:: 1 4", "crossing%1:06:00:: 2 1"]
    rows = rows_of(module, tmp_path, {"144": "Hinder crossing"}, dominant)
    assert rows[("crossing", "", "noun")] == "PROTEST"


def test_such_a_noun_brings_only_its_own_verb(module: ModuleType, tmp_path: Path) -> None:
    counts = ["measure%1:04:00:: 1 3", "measure%1:07:00:: 2 1"]
    rows = rows_of(module, tmp_path, {"163": "Impose measure"}, counts)
    assert rows[("measure", "", "noun")] == "SANCTION"
    assert rows[("measure", "", "verb")] == "SANCTION"
    assert ("counter", "", "verb") not in rows  # from "countermove", a word of another form


def test_a_category_name_as_a_noun_must_name_an_act(module: ModuleType, tmp_path: Path) -> None:
    rows = rows_of(module, tmp_path, {"141": "Hinder raid"}, [])
    assert rows[("protest", "", "verb")] == "PROTEST"
    assert ("protest", "", "noun") not in rows  # its only noun sense is an idea


def test_synonyms_only_from_a_sense_the_tagged_texts_use(
    module: ModuleType, tmp_path: Path
) -> None:
    table = {"052": "Defend verbally", "055": "Regret"}
    untagged = ["regret%2:37:00:: 1 4"]
    rows = rows_of(module, tmp_path, table, untagged)
    assert rows[("regret", "", "verb")] == "SUPPORT"
    assert ("excuse", "", "verb") not in rows  # "defend by reasons" is never its tagged sense
    tagged = ["regret%2:37:00:: 1 4", "regret%2:32:00:: 2 3"]
    assert rows_of(module, tmp_path, table, tagged)[("excuse", "", "verb")] == "SUPPORT"


def test_a_misspelt_word_is_read_as_the_one_word_an_edit_away(
    module: ModuleType, tmp_path: Path
) -> None:
    rows = rows_of(module, tmp_path, {"051": "Praize warmly", "1441": "Hindr raid"}, [])
    assert rows[("praise", "", "verb")] == "SUPPORT"
    assert ("praize", "", "verb") not in rows
    assert rows[("hinder", "raid", "verb")] == "PROTEST"


MANNER_VERB = [
    "00001000 35 v 01 wreck 0 003 ~ 00001100 v 0000 ~ 00001200 v 0000 ~ 00001300 v 0000"
    " | ruin completely",
    "00001100 35 v 01 flatten 0 001 @ 00001000 v 0000 | wreck a building to the ground",
    "00001200 35 v 01 refit 0 001 @ 00001000 v 0000 | fit out again",
    "00001300 35 v 01 level 0 001 @ 00001000 v 0000 | wreck by making flat",
    "00001400 30 v 01 level 0 000 | make even",
]
MANNER_INDEX = [
    "flatten v 1 0 1 0 00001100",
    "level v 2 0 2 0 00001400 00001300",
    "refit v 1 0 1 0 00001200",
    "wreck v 1 0 1 0 00001000",
]


def test_a_manner_of_the_act_in_the_category_s_words_joins(
    module: ModuleType, tmp_path: Path
) -> None:
    folder = write_wordnet(tmp_path, MANNER_VERB, DATA_NOUN, MANNER_INDEX, INDEX_NOUN)
    source = tmp_path / "cameoCodes.json"
    source.write_text(json.dumps({"Description": {"1712": "Wreck"}}), "utf-8")
    rows = module.codebook_rows(module.WordNet(str(folder)), frozenset(), str(source))
    got = {r["lemma"]: (r["type"], r["seed"]) for r in rows}
    assert got["wreck"] == ("COERCE", "wreck")
    assert got["flatten"] == ("COERCE", "wreck")  # "wreck a building to the ground"
    assert "refit" not in got  # its gloss says another act
    assert "level" not in got  # "wreck by making flat" is not its first sense


PHRASAL_VERB = [
    "00002000 32 v 03 rebuff 0 turn_down 0 frown_on 0 000 | refuse an offer",
    "00002100 32 v 01 refuse 0 000 | say no",
]
PHRASAL_INDEX = [
    "frown_on v 1 0 1 0 00002000",
    "rebuff v 1 0 1 0 00002000",
    "refuse v 1 0 1 0 00002100",
    "turn_down v 1 0 1 0 00002000",
]


def test_a_phrasal_synonym_is_its_verb_with_the_particle(
    module: ModuleType, tmp_path: Path
) -> None:
    folder = write_wordnet(tmp_path, PHRASAL_VERB, DATA_NOUN, PHRASAL_INDEX, INDEX_NOUN)
    source = tmp_path / "cameoCodes.json"
    table = {"120": "Rebuff", "128": "Refuse raid"}
    source.write_text(json.dumps({"Description": table}), "utf-8")
    rows = module.codebook_rows(module.WordNet(str(folder)), frozenset(), str(source))
    got = {(r["lemma"], r["with"]): r["type"] for r in rows if r["pos"] == "verb"}
    assert got[("rebuff", "")] == "REJECT"
    assert got[("turn", "down")] == "REJECT"  # "turned down the offer"
    assert ("frown", "on") not in got  # "on" mostly heads an object: "frown on the plan"
