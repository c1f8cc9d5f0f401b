#!/usr/bin/env python3
"""Score PLOVER events on each dev half without the lexicon rows only the other half supports.

    PYTHONPATH=src python3 scripts/score_events_heldout.py [--eval DIR] [--support evt|text]

The halves of scripts/score_halves.py (A: even items, B: odd ones) score a rule
written for one dev sentence on the very sentence it was written for. This script
imitates fitting on one half: for "A->B" every row of the hand-written lists
(plover_triggers.csv, plover_words.csv) whose lemma occurs in half B's gold
event spans (--support evt, the default; or anywhere in B's text: --support text)
and in none of half A's is removed (through $SITREP_LEXICONS), then half B is
scored; "B->A" the other way round. Lists built from WordNet (plover_classes.csv,
plover_verb_classes.csv, plover_nouns.csv) stay whole unless --with-classes drops the
first two (their seed senses were named by hand: the harshest reading);
plover_codebook.csv stays whole in every reading (read off the codebook's category
descriptions with no word chosen by hand: scripts/codebook_classes.py). --with-seeds
reads the WordNet rows as what they are, words reached from hand-named seed senses: a
class row goes when its seed's word is supported only by the held-out half (the seed was
perhaps named after a held-out sentence), and stays when WordNet reached it from a seed
the fitting half supports too (every seed that reaches a row is recorded in its seed
column). The gap between a
half's plain score and its held-out score is how much the dev figure owes to rows
fitted to dev sentences.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_EVAL = os.path.join(HERE, "..", "..", "shared", "eval")
DATA = os.path.join(HERE, "..", "src", "sitrep", "annotate", "data")
HAND_LISTS = ("plover_triggers.csv", "plover_words.csv")
# --with-classes: the WordNet verb and noun classes too (their seeds were named by hand)
CLASS_LISTS = ("plover_classes.csv", "plover_verb_classes.csv")
# the column of a row's lemma and of its seeds, where not the first and the sixth
LEMMA_COLUMN = {"plover_words.csv": 1, "plover_verb_classes.csv": 1}
SEED_COLUMN = {"plover_verb_classes.csv": 2}
EVT = re.compile(r"\(EVT: ([^)]*)\)")


def _items(path: str) -> list[dict[str, object]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _lemmas(texts: list[str]) -> list[set[str]]:
    from sitrep.annotate.nlp import load_nlp

    nlp = load_nlp()
    out = []
    for doc in nlp.pipe(texts):
        out.append({w for t in doc for w in (t.lemma_.lower(), t.lower_)})
    return out


def supported(items: list[dict[str, object]], support: str) -> list[set[str]]:
    """Per item, the lemmas (and word forms) that can support a lexicon row."""
    texts = []
    for it in items:
        if support == "text":
            texts.append(str(it["text"]))
        else:
            info = it.get("textInfo")
            markup = str(info.get("markup", "")) if isinstance(info, dict) else ""
            texts.append(" ; ".join(EVT.findall(markup)) or str(it.get("eventText", "")))
    return _lemmas(texts)


def row_words(name: str, cells: list[str], by_seed: bool) -> list[str]:
    """The words a row stands on: its lemma, or for a WordNet row read by seed its seeds' words."""
    seeds = SEED_COLUMN.get(name, 5)
    if by_seed and name in CLASS_LISTS and len(cells) > seeds:
        return [seed.split(".")[0].split("_")[0] for seed in cells[seeds].split()]
    return [cells[LEMMA_COLUMN.get(name, 0)]]


def held_out_lists(
    out: str, fit: set[str], other: set[str], names: tuple[str, ...], by_seed: bool = False
) -> int:
    """Write the hand lists without rows whose lemma only the held-out half supports."""
    dropped = 0
    os.makedirs(out, exist_ok=True)
    for name in names:
        kept: list[str] = []
        header_seen = False
        with open(os.path.join(DATA, name), encoding="utf-8") as fh:
            for line in fh:
                cells = [c.strip().lower() for c in line.split(",")]
                comment = line.lstrip().startswith("#") or not line.strip()
                if comment or not header_seen:
                    header_seen = header_seen or not comment
                    kept.append(line)
                    continue
                # a row goes when every word it stands on is supported by the held-out half only
                if all(w in other and w not in fit for w in row_words(name, cells, by_seed)):
                    dropped += 1
                    continue
                kept.append(line)
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.writelines(kept)
    return dropped


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--eval", default=DEFAULT_EVAL, help="folder holding score.py")
    ap.add_argument("--support", choices=("evt", "text"), default="evt")
    ap.add_argument("--with-classes", action="store_true", help="drop WordNet class rows too")
    ap.add_argument(
        "--with-seeds", action="store_true", help="drop WordNet class rows by their seed word"
    )
    args = ap.parse_args(argv)
    score = os.path.join(args.eval, "score.py")
    src = os.path.join(args.eval, "..", "data", "events", "plover-dev.jsonl")
    items = _items(src)
    lemmas = supported(items, args.support)
    halves = [items[0::2], items[1::2]]
    words = [set().union(*lemmas[0::2]), set().union(*lemmas[1::2])]
    with tempfile.TemporaryDirectory(prefix="sitrep-heldout-") as tmp:
        for fit, test, name in ((0, 1, "A->B"), (1, 0, "B->A")):
            data = os.path.join(tmp, name.replace(">", ""), "data")
            os.makedirs(data)
            with open(os.path.join(data, "plover-dev.jsonl"), "w", encoding="utf-8") as fh:
                fh.writelines(json.dumps(it) + "\n" for it in halves[test])
            lex = os.path.join(tmp, name.replace(">", ""), "lexicons")
            harsh = args.with_classes or args.with_seeds
            names = HAND_LISTS + (CLASS_LISTS if harsh else ())
            dropped = held_out_lists(lex, words[fit], words[test], names, args.with_seeds)
            env = dict(os.environ, SITREP_LEXICONS=lex)
            done = subprocess.run(
                [sys.executable, score, "events", data], capture_output=True, text=True, env=env
            )
            last = (done.stdout.strip().splitlines() or [done.stderr.strip()[-300:]])[-1]
            print(f"{name} {last} rows_dropped={dropped}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
