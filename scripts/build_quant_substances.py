#!/usr/bin/env python3
"""Build src/sitrep/annotate/data/quant_substances.csv: nouns that name a substance.

    apt-get install wordnet-base   # Debian's WordNet 3.0 database, /usr/share/wordnet
    python3 scripts/build_quant_substances.py [--wordnet DIR] [--out FILE]

"2 million pounds of rice" weighs; "2 million pounds of aid" is sterling. A noun after
"of" names a substance when one of its MAX_RANK most frequent WordNet senses lies under
a root of ROOTS: matter ("that which has mass and occupies space": substances, foods,
materials, waste) or agent ("a substance that exerts some force or effect": drugs,
chemicals). Single words only (the head of the noun phrase is looked up); sitrep never
reads WordNet itself.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wordnet_reader import Synset, WordNet, word_list_main

ROOTS = (("matter", 3), ("agent", 3))  # lemma and sense number
# "beef": the meat is its second sense, the cattle its first; "corn": the grain is its
# third, after the plant and the kernel; "gold": the metal is its third, after wealth
# and the colour
MAX_RANK = 3
OUT = os.path.join(
    os.path.dirname(__file__), "..", "src", "sitrep", "annotate", "data", "quant_substances.csv"
)
HEADER = """# Nouns naming a substance, food or material (WordNet 3.0, under matter.n.03 or
# agent.n.03 among a word's three most frequent senses): "pounds of <noun>" is a weight.
# Built by scripts/build_quant_substances.py; do not edit by hand.
word
"""


def _under(wn: WordNet, syn: Synset, roots: set[int], seen: set[int]) -> bool:
    if syn.offset in roots:
        return True
    for up in wn.related(syn, "@") + wn.related(syn, "@i"):
        if up.offset not in seen:
            seen.add(up.offset)
            if _under(wn, up, roots, seen):
                return True
    return False


def substances(wn: WordNet) -> list[str]:
    roots = {wn.senses(lemma, "n")[n - 1].offset for lemma, n in ROOTS}
    found = []
    for lemma, pos in wn.index:
        if pos != "n" or not lemma.isalpha():
            continue
        if any(_under(wn, s, roots, set()) for s in wn.senses(lemma, "n")[:MAX_RANK]):
            found.append(lemma)
    return sorted(found)


def main() -> None:
    word_list_main(__doc__ or "", substances, OUT, HEADER)


if __name__ == "__main__":
    main()
