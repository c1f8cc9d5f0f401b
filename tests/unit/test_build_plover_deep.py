"""scripts/build_plover_classes.py: troponyms below the first level join a class only when
the class sense is their one sense, verbs only, and never displace a nearer row."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.wordnet import write_wordnet
from tests.unit.test_build_plover_classes import load

# offset lexfile pos n_words words... n_pointers pointers... | gloss
DATA_VERB = [
    "00000100 35 v 01 kill 0 001 ~ 00000200 v 0000 | cause to die",
    "00000200 35 v 01 murder 0 002 ~ 00000300 v 0000 ~ 00000400 v 0000 | kill on purpose",
    "00000300 35 v 01 strangle 0 002 ~ 00000700 v 0000 + 00000900 n 0101 | kill by choking",
    "00000400 35 v 01 choke 0 000 | kill by squeezing the throat",
    "00000500 43 v 01 choke 0 000 | have trouble breathing",
    "00000700 35 v 01 garrotte 0 000 | strangle with an iron collar",
]
DATA_NOUN = ["00000900 04 n 01 strangling 0 000 | the act of strangling"]
# lemma pos n_synsets n_pointer_kinds kinds... n_senses n_tagged offsets (most frequent first)
INDEX_VERB = [
    "kill v 1 0 1 0 00000100",
    "murder v 1 0 1 0 00000200",
    "strangle v 1 0 1 0 00000300",
    "choke v 2 0 2 0 00000400 00000500",
    "garrotte v 1 0 1 0 00000700",
]
INDEX_NOUN = ["strangling n 1 0 1 0 00000900"]


@pytest.fixture()
def wordnet(tmp_path: Path) -> Path:
    return write_wordnet(tmp_path, DATA_VERB, DATA_NOUN, INDEX_VERB, INDEX_NOUN)


def build(folder: Path, seeds: dict[str, list[tuple[str, str]]]) -> dict[str, str]:
    module = load()
    setattr(module, "SEEDS", seeds)  # noqa: B010
    return {r["lemma"]: r["type"] for r in module.build(module.WordNet(str(folder)))}


def test_deep_troponyms_join_only_when_unambiguous(wordnet: Path) -> None:
    rows = build(wordnet, {"ASSAULT": [("kill.v.1", "")]})
    assert rows.get("strangle") == "ASSAULT"  # two levels down, one sense
    assert rows.get("garrotte") == "ASSAULT"  # three levels down, one sense
    assert "choke" not in rows  # two levels down, but it has a second sense
    assert "strangling" not in rows  # nouns derived from deep verbs drift: left out


def test_deep_rows_never_displace_nearer_ones(wordnet: Path) -> None:
    # strangle is two levels below kill but one below murder: the nearer seed names its type
    rows = build(wordnet, {"ASSAULT": [("kill.v.1", "")], "COERCE": [("murder.v.1", "")]})
    assert rows["strangle"] == "COERCE"
    assert rows["strangling"] == "COERCE"  # a derived noun one level down still joins
