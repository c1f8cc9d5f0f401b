"""scripts/build_quant_movements.py: verb forms, directions checked on a tiny made-up
WordNet, nouns derived from the movement sense, and nouns naming what is won or lost."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from tests.support.paths import REPO
from tests.support.scripts import load_script
from tests.support.wordnet import write_wordnet

# offset lexfile pos n_words words... n_pointers pointers... | gloss
DATA_VERB = [
    "00000100 30 v 01 grow_more 0 000 | become more",
    "00000200 30 v 01 grow_less 0 000 | become less",
    "00000300 30 v 01 climb 0 002 @ 00000100 v 0000 + 00000400 n 0101 | go up in value",
    "00000500 30 v 01 sag 0 002 @ 00000200 v 0000 + 00000600 n 0101 | go down in value",
    "00000700 30 v 01 sag 0 000 | hang loosely",
]
DATA_NOUN = [
    "00000050 04 n 01 change 0 000 | a becoming different",
    "00000400 04 n 01 climb 0 001 @ 00000050 n 0000 | a going up",
    "00000600 18 n 01 sagger 0 000 | one who sags",
    "00000800 04 n 01 contest 0 000 | an occasion with a winner",
    "00000900 04 n 01 bout 0 001 @ 00000800 n 0000 | a fight",
    "00001000 04 n 01 bout 0 000 | a spell of illness",
]
INDEX_VERB = [
    "grow_more v 1 0 1 0 00000100",
    "grow_less v 1 0 1 0 00000200",
    "climb v 1 0 1 0 00000300",
    "sag v 2 0 2 0 00000700 00000500",
]
INDEX_NOUN = [
    "change n 1 0 1 0 00000050",
    "climb n 1 0 1 0 00000400",
    "sagger n 1 0 1 0 00000600",
    "contest n 1 0 1 0 00000800",
    "bout n 2 0 2 0 00001000 00000900",
]


@pytest.fixture
def module() -> ModuleType:
    m = load_script(REPO / "scripts" / "build_quant_movements.py")
    setattr(m, "UP_ROOTS", (("grow_more", 1),))  # noqa: B010
    setattr(m, "DOWN_ROOTS", (("grow_less", 1),))  # noqa: B010
    setattr(m, "NOUN_ROOTS", ("change",))  # noqa: B010
    setattr(m, "CONTEST_ROOTS", (("contest", 1),))  # noqa: B010
    return m


def _wordnet(module: ModuleType, tmp_path: Path) -> object:
    write_wordnet(tmp_path, DATA_VERB, DATA_NOUN, INDEX_VERB, INDEX_NOUN)
    return module.WordNet(str(tmp_path))


def test_verb_forms_double_short_verbs_and_take_irregular_pasts(module: ModuleType) -> None:
    irregular = {"sink": ["sank", "sunk"]}
    assert module.verb_forms("slip", irregular) == ["slip", "slipped", "slipping", "slips"]
    assert module.verb_forms("plummet", {}) == ["plummet", "plummeted", "plummeting", "plummets"]
    assert module.verb_forms("surge", {}) == ["surge", "surged", "surges", "surging"]
    assert module.verb_forms("rally", {}) == ["rallied", "rallies", "rally", "rallying"]
    assert module.verb_forms("sink", irregular) == ["sank", "sink", "sinking", "sinks", "sunk"]


def test_direction_comes_from_the_sense_under_a_root(module: ModuleType, tmp_path: Path) -> None:
    wn = _wordnet(module, tmp_path)
    found = module.directed_senses(wn, "sag")
    # the second sense of "sag" goes down; none goes up
    assert [s.offset for s in found["down"]] == [500] and found["up"] == []


def test_derived_nouns_name_the_movement_not_the_agent(
    module: ModuleType, tmp_path: Path
) -> None:
    wn = _wordnet(module, tmp_path)
    climb = module.directed_senses(wn, "climb")["up"]
    sag = module.directed_senses(wn, "sag")["down"]
    assert module.derived_nouns(wn, "climb", climb) == ["climb"]
    assert module.derived_nouns(wn, "sag", sag) == []  # "sagger" is who sags


def test_contest_nouns_lie_under_a_contest_in_their_first_senses(
    module: ModuleType, tmp_path: Path
) -> None:
    wn = _wordnet(module, tmp_path)
    assert module.contest_nouns(wn) == ["bout", "contest"]
