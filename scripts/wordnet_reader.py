"""A minimal reader of the WordNet 3.0 database files (index.POS, data.POS).

Used only offline, by build_plover_classes.py; sitrep itself never reads WordNet.
The files ship in Debian's ``wordnet-base`` package (/usr/share/wordnet). Adjectives
(satellites filed with their heads under "a") are read when their files are there; so
are the sense tag counts (cntlist.rev: how often each sense was tagged in the SemCor
texts) and the words of every part of speech with their irregular forms (``known``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field

POS_FILES = {"n": "noun", "v": "verb", "a": "adj"}
OPTIONAL = frozenset({"a"})
# a sense key's part of speech ("passage%1:04:04::" is a noun); 5 is an adjective satellite
KEY_POS = {"1": "n", "2": "v", "3": "a", "5": "a"}
# WordNet's morphy detachment rules (morphy(7WN)): an inflected form's suffix -> its lemma's
DETACH = {
    "n": (
        *(("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch")),
        *(("shes", "sh"), ("men", "man"), ("ies", "y")),
    ),
    "v": (
        *(("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", "")),
        *(("ing", "e"), ("ing", "")),
    ),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
}
# an adjective's syntactic marker: "inclined(p)" is "inclined", only predicative
MARKER = re.compile(r"\([a-z]+\)$")


@dataclass(slots=True)
class Synset:
    offset: int
    pos: str
    lexfile: int
    words: list[str]
    # (pointer symbol, target offset, target pos, source word no., target word no.)
    pointers: list[tuple[str, int, str, int, int]] = field(default_factory=list)
    gloss: str = ""
    # verb frames (WordNet's numbering: 24 "Somebody ----s somebody to INFINITIVE")
    frames: frozenset[int] = frozenset()


def _frames(cells: list[str]) -> frozenset[int]:
    """The frame numbers of a verb synset: "f_cnt + f_num w_num ..." after its pointers."""
    count = int(cells[0]) if cells else 0
    return frozenset(int(cells[2 + 3 * i]) for i in range(count))


class WordNet:
    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.index: dict[tuple[str, str], list[int]] = {}
        self.synsets: dict[tuple[str, int], Synset] = {}
        for pos, name in POS_FILES.items():
            if pos in OPTIONAL and not os.path.exists(os.path.join(folder, "index." + name)):
                continue
            self._read_index(pos, os.path.join(folder, "index." + name))
            self._read_data(pos, os.path.join(folder, "data." + name))
        # (lemma, pos, sense number) -> times tagged in SemCor
        self.counts: dict[tuple[str, str, int], int] = self._read_counts()
        self.adverbs: set[str] = self._first_words("index.adv")
        # the irregular inflections of the exception lists ("went", "mice")
        self.forms: set[str] = self._first_words("noun.exc", "verb.exc", "adj.exc", "adv.exc")

    def _read_index(self, pos: str, path: str) -> None:
        with open(path, encoding="latin-1") as fh:
            for line in fh:
                if line.startswith(" "):
                    continue
                cells = line.split()
                n_senses, n_ptrs = int(cells[2]), int(cells[3])
                offsets = cells[6 + n_ptrs : 6 + n_ptrs + n_senses]
                self.index[(cells[0], pos)] = [int(o) for o in offsets]

    def _read_data(self, pos: str, path: str) -> None:
        with open(path, encoding="latin-1") as fh:
            for line in fh:
                if line.startswith(" "):
                    continue
                head, _, gloss = line.partition(" | ")
                cells = head.split()
                n_words = int(cells[3], 16)
                words = [MARKER.sub("", cells[4 + 2 * i].lower()) for i in range(n_words)]
                at = 4 + 2 * n_words
                n_ptrs = int(cells[at])
                ptrs = []
                for i in range(n_ptrs):
                    sym, off, tpos, st = cells[at + 1 + 4 * i : at + 5 + 4 * i]
                    tpos = "a" if tpos == "s" else tpos
                    ptrs.append((sym, int(off), tpos, int(st[:2], 16), int(st[2:], 16)))
                syn = Synset(int(cells[0]), pos, int(cells[1]), words, ptrs, gloss.strip())
                if pos == "v":
                    syn.frames = _frames(cells[at + 1 + 4 * n_ptrs :])
                self.synsets[(pos, syn.offset)] = syn

    def _read_counts(self) -> dict[tuple[str, str, int], int]:
        path = os.path.join(self.folder, "cntlist.rev")
        out: dict[tuple[str, str, int], int] = {}
        if os.path.exists(path):
            with open(path, encoding="latin-1") as fh:
                for line in fh:
                    if len(cells := line.split()) != 3:
                        continue
                    key, number, count = cells
                    lemma, _, rest = key.partition("%")
                    out[(lemma, KEY_POS.get(rest[:1], ""), int(number))] = int(count)
        return out

    def _first_words(self, *names: str) -> set[str]:
        out: set[str] = set()
        for name in names:
            path = os.path.join(self.folder, name)
            if os.path.exists(path):
                with open(path, encoding="latin-1") as fh:
                    out.update(line.split()[0] for line in fh if line[:1].isalnum())
        return out

    def lemmas(self) -> set[str]:
        """The words of every part of speech (adverbs too), without inflected forms."""
        return {lemma for lemma, _ in self.index} | self.adverbs

    def known(self, word: str) -> bool:
        """Whether ``word`` is a WordNet word or an inflection of one (morphy)."""
        if word in self.adverbs or word in self.forms:
            return True
        if any((word, pos) in self.index for pos in DETACH):
            return True
        return any(
            word.endswith(suffix) and ((word[: -len(suffix)] + ending), pos) in self.index
            for pos, rules in DETACH.items()
            for suffix, ending in rules
        )

    def dominant(self, lemma: str, pos: str) -> bool:
        """Whether ``lemma``'s first sense is at least half of its tagged uses (an untagged
        lemma: its only sense). WordNet orders senses by these counts, but a first sense
        tagged 6 times of 25 ("passage") says little of what the word means."""
        tagged = self.tagged(lemma, pos)
        return 2 * tagged[0] >= sum(tagged) if sum(tagged) else len(tagged) == 1

    def tagged(self, lemma: str, pos: str) -> list[int]:
        """How often the tagged texts use ``lemma`` in each of its senses, in sense order."""
        senses = self.index.get((lemma, pos), [])
        return [self.counts.get((lemma, pos, n), 0) for n in range(1, len(senses) + 1)]

    def used(self, lemma: str, syn: Synset) -> bool:
        """Whether the tagged texts use ``lemma`` in ``syn`` (or never tag the lemma at all)."""
        tagged = self.tagged(lemma, syn.pos)
        rank = self.rank(lemma, syn)
        return not any(tagged) or (rank > 0 and tagged[rank - 1] > 0)

    def senses(self, lemma: str, pos: str) -> list[Synset]:
        """The synsets of ``lemma``, most frequent sense first."""
        return [self.synsets[(pos, o)] for o in self.index.get((lemma, pos), [])]

    def rank(self, lemma: str, syn: Synset) -> int:
        """1 for ``lemma``'s most frequent sense, 2 for the next, ...; 0 if not a sense of it."""
        offsets = self.index.get((lemma, syn.pos), [])
        return offsets.index(syn.offset) + 1 if syn.offset in offsets else 0

    def related(self, syn: Synset, symbol: str) -> list[Synset]:
        return [
            self.synsets[(p, o)]
            for s, o, p, _, _ in syn.pointers
            if s == symbol and (p, o) in self.synsets
        ]


def word_list_main(doc: str, build: Callable[[WordNet], list[str]], out: str,
                   header: str) -> None:
    """The command line of a script that writes one word per line under ``header``."""
    import argparse

    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--out", default=out)
    args = ap.parse_args()
    words = build(WordNet(args.wordnet))
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write(header + "".join(w + "\n" for w in words))
    print(f"{len(words)} words -> {args.out}")
