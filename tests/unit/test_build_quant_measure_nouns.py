"""scripts/build_quant_measure_nouns.py on a tiny made-up WordNet: a noun measures when
its most frequent sense is filed under noun.attribute (07) or noun.quantity (23)."""

from __future__ import annotations

from pathlib import Path

from tests.support.paths import REPO
from tests.support.scripts import load_script
from tests.support.wordnet import write_wordnet

# offset lexfile pos n_words words... n_pointers | gloss
DATA_NOUN = [
    "00000100 07 n 01 depth 0 000 | how deep a thing is",
    "00000200 23 n 01 league 0 000 | a distance of about three miles",
    "00000300 14 n 01 league 0 000 | an association of clubs",
    "00000400 06 n 01 berth 0 000 | a place to moor a ship",
    "00000500 07 n 01 berth 0 000 | room enough",
    "00000600 04 n 01 tee-off 0 000 | a start of play",
]
# lemma pos n_senses n_pointer_kinds n_senses n_tagged offsets (most frequent first)
INDEX_NOUN = [
    "depth n 1 0 1 0 00000100",
    "league n 2 0 2 0 00000300 00000200",
    "berth n 2 0 2 0 00000400 00000500",
    "tee-off n 1 0 1 0 00000600",
]


def test_measure_nouns_are_read_off_their_most_frequent_sense(tmp_path: Path) -> None:
    module = load_script(REPO / "scripts" / "build_quant_measure_nouns.py")
    verb = ["00000050 30 v 01 moor 0 000 | tie a ship"]
    wordnet = write_wordnet(tmp_path, verb, DATA_NOUN, ["moor v 1 0 1 0 00000050"], INDEX_NOUN)
    # "league" is a club before a distance, "berth" a mooring before room; "tee-off"
    # is no single word
    assert module.measure_nouns(module.WordNet(str(wordnet))) == ["depth"]
