"""scripts/build_plover_classes.py: the adjective classes of the event frames, read from a
tiny made-up WordNet with adjective files (derived adjectives and their similar-to)."""

from __future__ import annotations

from pathlib import Path

from tests.support.paths import REPO
from tests.support.scripts import load_script
from tests.support.wordnet import write_wordnet

HEADER = "  1 This software and database is being provided to you\n"
NOUNS = ["00000900 07 n 01 eagerness 0 001 + 00000100 a 0101 | a wish to act"]
INDEX_NOUN = ["eagerness n 1 1 + 1 0 00000900"]
VERBS = ["00000700 41 v 01 act 0 000 | do something"]
INDEX_VERB = ["act v 1 0 1 0 00000700"]
# offset lexfile type n_words words... n_pointers pointers... | gloss; "s" is a satellite
ADJS = [
    "00000100 00 a 01 eager 0 003 + 00000900 n 0101 & 00000200 a 0000 & 00000300 a 0000 | keen",
    "00000200 00 s 01 raring(p) 0 001 & 00000100 a 0000 | very eager",
    "00000300 00 s 01 hot 0 001 & 00000100 a 0000 | eager, in a rare sense",
    "00000400 00 a 01 hot 0 000 | of high temperature",
    "00000500 00 a 01 hot 0 000 | spicy",
]
INDEX_ADJ = [
    "eager a 1 1 + 1 0 00000100",
    "hot a 3 0 3 0 00000400 00000500 00000300",
    "raring a 1 0 1 0 00000200",
]


def test_adjectives_of_a_noun_seed_and_their_similar_words(tmp_path: Path) -> None:
    module = load_script(REPO / "scripts" / "build_plover_classes.py")
    folder = write_wordnet(tmp_path, VERBS, NOUNS, INDEX_VERB, INDEX_NOUN)
    (folder / "data.adj").write_text(HEADER + "\n".join(ADJS) + "\n", encoding="latin-1")
    (folder / "index.adj").write_text(HEADER + "\n".join(INDEX_ADJ) + "\n", encoding="latin-1")
    wn = module.WordNet(str(folder))
    # "raring(p)" loses its marker; "hot" is eager only in its third sense
    assert module.adjectives(wn, "eagerness.n.1") == ["eager", "raring"]


def test_the_reader_needs_no_adjective_files(tmp_path: Path) -> None:
    module = load_script(REPO / "scripts" / "build_plover_classes.py")
    wn = module.WordNet(str(write_wordnet(tmp_path, VERBS, NOUNS, INDEX_VERB, INDEX_NOUN)))
    assert module.adjectives(wn, "eagerness.n.1") == []
