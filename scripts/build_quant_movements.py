#!/usr/bin/env python3
"""Build src/sitrep/annotate/data/quant_movements.csv: the words that tell a figure moving.

    apt-get install wordnet-base   # Debian's WordNet 3.0 database, /usr/share/wordnet
    python3 scripts/build_quant_movements.py [--wordnet DIR] [--out FILE]

One lexicon for every rule of the quantities layer that reads a movement: "shares
rose 3%" (the amount moved), "fell from 96 to 88" (a change, not a range), "cut
from 12 to 9 billion" (which way the earlier value lies). The news vocabulary of
movement is short; SEEDS names its lemmas by the way they take a figure:

- ``moves``: the subject's figure moves and the number after the verb is the
  amount or the level reached ("rose 3%", "fell to $5");
- ``acts``: the verb moves its object, and the number after it counts or measures
  that object ("cut 500 jobs", "added 15 cents", "lost 1.1%");
- ``acts_by``: as ``acts``, but a figure right after it is no move: "raised $3
  million" is money collected, "raised rates by 0.25 points" a move;
- ``changes``: a change of no stated direction ("revised from 4 to 3").

WordNet does the rest: it checks each lemma's direction (a sense under "increase"
or "decrease", or under "rise" or "fall" as motion up or down) and the script
fails on a contradiction; it gives the irregular forms (verb.exc: "rose", "fell",
"shrank") and the nouns derived from the movement sense ("rise", "decline",
"growth", "cut"), which tell a change as well ("a rise from 4 to 6 percent").
Verbs WordNet files elsewhere ("lose", "shed": to cease to have, to get rid of;
"ease", "rally") keep their seed's direction and are reported. sitrep never
reads WordNet itself.
"""

from __future__ import annotations

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wordnet_reader import Synset, WordNet

# (direction, how the verb takes the figure, lemmas)
GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "up",
        "moves",
        ("rise", "climb", "jump", "surge", "soar", "gain", "advance", "grow", "increase", "rally"),
    ),
    (
        "down",
        "moves",
        (
            "fall",
            "drop",
            "decline",
            "decrease",
            "slip",
            "slide",
            "plunge",
            "plummet",
            "tumble",
            "sink",
            "shrink",
            "dip",
            "slump",
            "ease",
        ),
    ),
    ("up", "acts", ("boost", "widen", "hike", "double", "triple", "add", "create")),
    ("up", "acts_by", ("raise",)),
    ("down", "acts", ("cut", "lower", "reduce", "narrow", "halve", "shed", "lose", "slash")),
    ("none", "changes", ("change", "shift", "move", "revise", "go", "creep", "edge", "inch")),
)
SEEDS = {lemma: (direction, takes) for direction, takes, lemmas in GROUPS for lemma in lemmas}
# Adverbs of direction ("up 13 pence", "ended lower", "revised upward from 3 to 4").
ADVERBS = {
    "up": "up",
    "higher": "up",
    "upward": "up",
    "upwards": "up",
    "down": "down",
    "lower": "down",
    "downward": "down",
    "downwards": "down",
}
# Roots of the directions, as (lemma, sense number) in WordNet 3.0.
UP_ROOTS = (("increase", 1), ("increase", 2), ("rise", 1))
# A derived noun names the movement when its sense lies under one of these nouns (all
# their senses): "growth", "decline", "cut"; not the agent ("climber") or the thing
# made ("creation" as an artifact).
NOUN_ROOTS = ("change", "increase", "decrease", "movement")
# "lost 3 games" tells no fall: "lose" there is "fail to win", whose object is a
# contest, a battle or a vote (nouns with one of their first CONTEST_RANK senses under
# one of these); "lost 300 jobs" is "cease to have".
CONTEST_ROOTS = (("contest", 1), ("military_action", 1), ("vote", 1), ("vote", 2))
CONTEST_RANK = 2
# Seeds whose base and -s forms are chiefly nouns of another meaning (a unit, a border):
# only their past and -ing forms tell a movement ("inched up", "edging lower").
INFLECTED_ONLY = frozenset({"inch", "edge"})
DOWN_ROOTS = (("decrease", 1), ("decrease", 2), ("fall", 2))
OUT = os.path.join(
    os.path.dirname(__file__), "..", "src", "sitrep", "annotate", "data", "quant_movements.csv"
)
HEADER = """# Words telling a figure moving: word,lemma,pos,direction,takes
# pos verb|noun|adverb; direction up|down|none; takes: moves (the figure after the verb
# is the amount moved or the level reached), acts (the figure after it is the verb's
# object: "cut 500 jobs"), acts_by (a move only after "by" or "to": "raised by 2%"),
# changes (no stated direction), contest (a noun naming what is won or lost, not had:
# "lost 3 games" moves nothing); other nouns and adverbs: "-".
# Built by scripts/build_quant_movements.py from WordNet 3.0; do not edit by hand.
word,lemma,pos,direction,takes
"""
_VOWELS = set("aeiou")


def _under(wn: WordNet, syn: Synset, roots: set[int], seen: set[int]) -> bool:
    if syn.offset in roots:
        return True
    for up in wn.related(syn, "@"):
        if up.offset not in seen:
            seen.add(up.offset)
            if _under(wn, up, roots, seen):
                return True
    return False


def _roots(wn: WordNet, named: tuple[tuple[str, int], ...]) -> set[int]:
    return {wn.senses(lemma, "v")[n - 1].offset for lemma, n in named}


def directed_senses(wn: WordNet, lemma: str) -> dict[str, list[Synset]]:
    """The verb senses of ``lemma`` lying under the up roots and under the down roots."""
    out: dict[str, list[Synset]] = {"up": [], "down": []}
    for direction, named in (("up", UP_ROOTS), ("down", DOWN_ROOTS)):
        roots = _roots(wn, named)
        out[direction] = [s for s in wn.senses(lemma, "v") if _under(wn, s, roots, set())]
    return out


def _irregular(folder: str) -> dict[str, list[str]]:
    forms: dict[str, list[str]] = {}
    with open(os.path.join(folder, "verb.exc"), encoding="latin-1") as fh:
        for line in fh:
            form, lemma = line.split()[:2]
            forms.setdefault(lemma, []).append(form)
    return forms


def _doubles(lemma: str) -> bool:
    """ "drop" -> "dropped", "slip" -> "slipping": one syllable ending consonant-vowel-consonant."""
    pairs = zip(" " + lemma, lemma, strict=False)
    vowels = sum(1 for a, b in pairs if b in _VOWELS and a not in _VOWELS)
    return (
        vowels == 1
        and len(lemma) >= 3
        and lemma[-1] not in _VOWELS | set("wxy")
        and lemma[-2] in _VOWELS
        and lemma[-3] not in _VOWELS
    )


def verb_forms(lemma: str, irregular: dict[str, list[str]]) -> list[str]:
    """The base, -s, past and -ing forms of a verb (irregular ones from WordNet)."""
    if lemma.endswith("e"):
        regular = [lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    elif lemma.endswith("y") and lemma[-2] not in _VOWELS:
        regular = [lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    elif lemma.endswith(("s", "sh", "ch", "x", "z")) or lemma == "go":
        regular = [lemma + "es", lemma + "ed", lemma + "ing"]
    elif _doubles(lemma):
        regular = [lemma + "s", lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
    else:
        regular = [lemma + "s", lemma + "ed", lemma + "ing"]
    if lemma in irregular:  # the irregular pasts replace the regular "-ed"
        regular = [f for f in regular if not f.endswith("ed")] + irregular[lemma]
    return sorted({lemma, *regular})


def _noun_roots(wn: WordNet) -> set[int]:
    return {s.offset for lemma in NOUN_ROOTS for s in wn.senses(lemma, "n")}


def derived_nouns(wn: WordNet, lemma: str, senses: list[Synset]) -> list[str]:
    """Nouns WordNet derives from ``lemma`` in its movement senses ("grow" -> "growth")."""
    roots = _noun_roots(wn)
    nouns: set[str] = set()
    for syn in senses:
        try:
            src = syn.words.index(lemma) + 1
        except ValueError:
            continue
        for sym, off, pos, s_no, t_no in syn.pointers:
            if sym != "+" or pos != "n" or s_no not in (0, src):
                continue
            target = wn.synsets.get(("n", off))
            if target is None:
                continue
            word = target.words[t_no - 1] if t_no else target.words[0]
            if word.isalpha() and _under(wn, target, roots, set()):
                nouns.add(word)
    return sorted(nouns)


def _plural(noun: str) -> str:
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    return noun + "s"


def contest_nouns(wn: WordNet) -> list[str]:
    """Nouns naming what is won or lost (a game, a race, a battle, an election)."""
    roots = {wn.senses(lemma, "n")[n - 1].offset for lemma, n in CONTEST_ROOTS}
    return sorted(
        lemma
        for lemma, pos in wn.index
        if pos == "n"
        and lemma.isalpha()
        and any(_under(wn, s, roots, set()) for s in wn.senses(lemma, "n")[:CONTEST_RANK])
    )


def build(wn: WordNet) -> tuple[list[tuple[str, str, str, str, str]], list[str]]:
    irregular = _irregular(wn.folder)
    rows: list[tuple[str, str, str, str, str]] = []
    notes: list[str] = []
    for lemma, (direction, takes) in sorted(SEEDS.items()):
        found = directed_senses(wn, lemma)
        if direction != "none" and not found[direction]:
            notes.append(f"{lemma}: no WordNet sense under {direction}; seed kept")
        other = {"up": "down", "down": "up"}.get(direction)
        if other and found[other] and not found[direction]:
            raise SystemExit(f"{lemma}: WordNet reads it {other}, the seed {direction}")
        for form in verb_forms(lemma, irregular):
            if lemma in INFLECTED_ONLY and not form.endswith(("ed", "ing")):
                continue
            rows.append((form, lemma, "verb", direction, takes))
        senses = found["up"] + found["down"] if direction == "none" else found[direction]
        for noun in derived_nouns(wn, lemma, senses or wn.senses(lemma, "v")[:2]):
            # "-ing" nouns name the act and are not counted ("the widening")
            for form in {noun, noun if noun.endswith("ing") else _plural(noun)}:
                rows.append((form, lemma, "noun", direction, "-"))
    for noun in contest_nouns(wn):
        for form in (noun, _plural(noun)):
            rows.append((form, noun, "noun", "none", "contest"))
    for word, direction in sorted(ADVERBS.items()):
        rows.append((word, word, "adverb", direction, "-"))
    return sorted(set(rows)), notes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    rows, notes = build(WordNet(args.wordnet))
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write(HEADER + "".join(",".join(r) + "\n" for r in rows))
    for note in notes:
        print(note)
    print(f"{len(rows)} rows -> {args.out}")


if __name__ == "__main__":
    main()
