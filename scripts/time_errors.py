#!/usr/bin/env python3
"""List the times layer's errors on one half of the TimeML dev set, per document.

    python3 scripts/time_errors.py [--half A|B|dev] [--eval DIR] [--cache FILE]

Half A holds the even documents, half B the odd ones (as scripts/score_halves.py).
Each line is gold text and value against the predicted ones: ``MISS`` (no overlap),
``VAL`` (overlap, other value) and ``FP`` (a prediction overlapping no gold). The
parse is cached (spaCy DocBin) so a rerun after a change in the time rules is quick;
delete the cache after changing the model. Look at half A, report half B unfitted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_EVAL = os.path.join(HERE, "..", "..", "shared", "eval")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--half", choices=("A", "B", "dev"), default="A")
    ap.add_argument("--eval", default=DEFAULT_EVAL)
    ap.add_argument("--cache", default="/tmp/sitrep-time-errors.docbin")
    args = ap.parse_args(argv)
    from spacy.tokens import DocBin

    from sitrep.annotate.nlp import load_nlp
    from sitrep.annotate.times.layer import find_times

    path = os.path.join(args.eval, "..", "data", "times", "tbaq.jsonl")
    with open(path, encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    nlp = load_nlp()
    if os.path.exists(args.cache):
        parsed = list(DocBin().from_disk(args.cache).get_docs(nlp.vocab))
    else:
        parsed = list(nlp.pipe(d["text"] for d in docs))
        DocBin(store_user_data=True, docs=parsed).to_disk(args.cache)
    picked = range(len(docs)) if args.half == "dev" else range("AB".index(args.half), len(docs), 2)
    tp = npred = ngold = 0
    for i in picked:
        doc, parse = docs[i], parsed[i]
        pred = find_times(parse, date.fromisoformat(doc["dct"][:10]))
        npred += len(pred)
        ngold += len(doc["timexes"])
        lines = []
        for g in doc["timexes"]:
            hits = [t for t in pred if t.start < g["end"] and g["start"] < t.end]
            if any(str(t.value) == str(g["value"]) for t in hits):
                tp += 1
                continue
            ctx = doc["text"][max(0, g["start"] - 60) : g["end"] + 30].replace("\n", " ")
            got = "; ".join(f"{t.text!r}={t.value}" for t in hits)
            tag = "VAL " if hits else "MISS"
            lines.append(f"  {tag} {g['text']!r}={g['value']} got [{got}]  | {ctx}")
        for t in pred:
            if not any(t.start < g["end"] and g["start"] < t.end for g in doc["timexes"]):
                ctx = doc["text"][max(0, t.start - 60) : t.end + 30].replace("\n", " ")
                lines.append(f"  FP   {t.text!r}={t.value}  | {ctx}")
        if lines:
            print(f"# {doc['doc']} dct={doc['dct']}")
            print("\n".join(lines))
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"half {args.half}: value_f1={f:.3f} tp={tp} predicted={npred} gold={ngold}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
