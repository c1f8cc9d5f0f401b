#!/usr/bin/env python3
"""Build src/sitrep/annotate/data/quant_measure_nouns.csv: nouns that name a measure.

    apt-get install wordnet-base   # Debian's WordNet 3.0 database, /usr/share/wordnet
    python3 scripts/build_quant_measure_nouns.py [--wordnet DIR] [--out FILE]

A whole number right after a singular noun that a preposition takes names one of a
series ("on lap 12", "in row 5", "at exit 3"): a count comes before what it counts.
A noun that names a property or an amount takes its value after it instead ("at age
85", "at magnitude 6", "at mile 20" of a distance): such nouns are those whose most
frequent WordNet sense is filed under noun.attribute or noun.quantity. Single words
only; sitrep never reads WordNet itself.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wordnet_reader import WordNet, word_list_main

LEXFILES = (7, 23)  # noun.attribute, noun.quantity
OUT = os.path.join(
    os.path.dirname(__file__), "..", "src", "sitrep", "annotate", "data", "quant_measure_nouns.csv"
)
HEADER = """# Nouns naming a property or an amount (WordNet 3.0: the most frequent sense is filed
# under noun.attribute or noun.quantity): "at age 85" gives a value, "on lap 12" a label.
# Built by scripts/build_quant_measure_nouns.py; do not edit by hand.
word
"""


def measure_nouns(wn: WordNet) -> list[str]:
    found = []
    for lemma, pos in wn.index:
        if pos != "n" or not lemma.isalpha():
            continue
        senses = wn.senses(lemma, "n")
        if senses and senses[0].lexfile in LEXFILES:
            found.append(lemma)
    return sorted(found)


def main() -> None:
    word_list_main(__doc__ or "", measure_nouns, OUT, HEADER)


if __name__ == "__main__":
    main()
