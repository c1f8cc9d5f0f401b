"""scripts/build_quant_substances.py on a tiny made-up WordNet: a noun is a substance when
one of its first three senses lies under a root (matter, agent)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from tests.support.paths import REPO
from tests.support.scripts import load_script
from tests.support.wordnet import write_wordnet

SCRIPTS = REPO / "scripts"

# offset lexfile pos n_words words... n_pointers pointers... | gloss
DATA_NOUN = [
    "00000100 03 n 01 matter 0 000 | what has mass",
    "00000200 13 n 01 food 0 001 @ 00000100 n 0000 | what is eaten",
    "00000300 13 n 01 lamb 0 001 @ 00000200 n 0000 | meat of a young sheep",
    "00000400 05 n 01 lamb 0 000 | a young sheep",
    "00000500 03 n 01 agent 0 000 | a substance with an effect",
    "00000600 06 n 01 opiate 0 001 @ 00000500 n 0000 | a drug",
    "00000700 04 n 01 grant 0 000 | money given",
    "00000800 04 n 01 stock 0 000 | shares",
    "00000900 04 n 01 stock 0 000 | goods kept",
    "00001000 13 n 01 stock 0 001 @ 00000200 n 0000 | a broth",
    "00001100 14 n 01 stock 0 000 | a line of descent",
    "00001200 13 n 01 millet 0 001 @ 00000200 n 0000 | a grain eaten",
    "00001300 20 n 01 millet 0 000 | a grass",
    "00001400 20 n 01 millet 0 000 | its seed",
]
# lemma pos n_senses n_pointer_kinds kinds... n_senses n_tagged offsets (most frequent first)
INDEX_NOUN = [
    "matter n 1 0 1 0 00000100",
    "food n 1 0 1 0 00000200",
    "lamb n 2 0 2 0 00000400 00000300",
    "agent n 1 0 1 0 00000500",
    "opiate n 1 0 1 0 00000600",
    "grant n 1 0 1 0 00000700",
    "stock n 4 0 4 0 00000800 00000900 00001100 00001000",
    "millet n 3 0 3 0 00001300 00001400 00001200",
]


def load() -> ModuleType:
    return load_script(SCRIPTS / "build_quant_substances.py")


def test_substances_are_nouns_under_a_root_in_their_first_three_senses(tmp_path: Path) -> None:
    module = load()
    setattr(module, "ROOTS", (("matter", 1), ("agent", 1)))  # noqa: B010
    verb = ["00000050 30 v 01 eat 0 000 | take in food"]
    wordnet = write_wordnet(tmp_path, verb, DATA_NOUN, ["eat v 1 0 1 0 00000050"], INDEX_NOUN)
    words = module.substances(module.WordNet(str(wordnet)))
    # the meat is the second sense of "lamb", the grain eaten the third of "millet";
    # a broth only the fourth of "stock"
    assert words == ["agent", "food", "lamb", "matter", "millet", "opiate"]
