#!/usr/bin/env python3
"""Print the quantities layer's false positives and misses on one half of NewsQuant dev.

    python3 scripts/quantity_errors.py [--half A|B|dev] [--eval DIR]

Matching is score.py's: a predicted value equal to a gold value. Gold ranges and
changes are written "a-b" ("120.0-150.0", "3.9-3.6"), which score.py's float()
cannot read, so they are misses whatever is predicted, and a predicted range
(value null) or change ("from 3.9 to 3.6": value 3.6, old_value 3.9) is a false
positive. The last line gives score.py's F1 and, beside it, the F1 when such gold
values are matched to a predicted range's low and high or a change's two values.
Look at half A only and report half B (scripts/score_halves.py) unfitted.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_EVAL = os.path.join(HERE, "..", "..", "shared", "eval")
_RANGE = re.compile(r"\s*(-?[\d.]+)\s*-\s*(-?[\d.]+)\s*")


def _num(x: Any) -> float | None:
    try:
        return float(str(x).replace(",", ""))
    except (TypeError, ValueError):
        return None


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(b))


def _matches(gold: dict[str, Any], pred: dict[str, Any], ranges: bool) -> bool:
    gv = _num(gold.get("value"))
    if gv is not None:
        return _close(_num(pred.get("value")), gv)
    m = _RANGE.fullmatch(str(gold.get("value")))
    if not (ranges and m):
        return False
    first, second = float(m.group(1)), float(m.group(2))
    if pred.get("old_value") is not None:
        return _close(pred["old_value"], first) and _close(pred.get("value"), second)
    return bool(
        pred.get("value") is None
        and _close(pred.get("low"), first)
        and _close(pred.get("high"), second)
    )


def _annotate(texts: list[str]) -> list[list[dict[str, Any]]]:
    fd, path = tempfile.mkstemp(suffix=".jsonl", prefix="sitrep-qerr-")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        for i, text in enumerate(texts):
            fh.write(json.dumps({"id": f"q{i}", "text": text}) + "\n")
    cmd = [*os.environ.get("SITREP", "sitrep").split(), "annotate", "--format", "jsonl", path]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    os.unlink(path)
    by_id = {r["id"]: r for r in map(json.loads, filter(None, done.stdout.split("\n")))}
    return [by_id.get(f"q{i}", {}).get("quantities", []) for i in range(len(texts))]


def _f1(tp: int, npred: int, ngold: int) -> float:
    p, r = tp / max(npred, 1), tp / max(ngold, 1)
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--half", choices=("A", "B", "dev"), default="A")
    ap.add_argument("--eval", default=DEFAULT_EVAL, help="folder holding score.py")
    args = ap.parse_args(argv)
    path = os.path.join(args.eval, "..", "data", "quantities", "newsquant-dev.json")
    with open(path, encoding="utf-8") as fh:
        items = json.load(fh)
    items = {"A": items[0::2], "B": items[1::2], "dev": items}[args.half]
    preds = _annotate([it["text"] for it in items])
    tp = {False: 0, True: 0}
    npred = ngold = 0
    for i, (it, pred) in enumerate(zip(items, preds, strict=True)):
        gold = it["quantities"]
        npred, ngold = npred + len(pred), ngold + len(gold)
        for ranges in (False, True):
            used: set[int] = set()
            missed = []
            for g in gold:
                j = next(
                    (j for j, q in enumerate(pred) if j not in used and _matches(g, q, ranges)),
                    None,
                )
                if j is None:
                    missed.append(g)
                else:
                    used.add(j)
            tp[ranges] += len(used)
            if ranges:
                continue
            wrong = [q for j, q in enumerate(pred) if j not in used]
            if not wrong and not missed:
                continue
            print(f"--- [{i}] {it['text']}")
            for q in wrong:
                value = q.get("value")
                shown = value if value is not None else (q.get("low"), q.get("high"))
                if q.get("old_value") is not None:
                    shown = f"{q['old_value']} -> {value} ({q.get('change')})"
                print(f"   FP   {q.get('text')!r} = {shown} unit={q.get('unit')}", end=" ")
                print(f"counted={q.get('counted')}")
            for g in missed:
                print(f"   MISS {g['value']} unit={g['unit']!r} change={g['change']}")
    print(
        f"{args.half}: qty_f1={_f1(tp[False], npred, ngold):.3f} "
        f"range_aware_f1={_f1(tp[True], npred, ngold):.3f} predicted={npred} gold={ngold}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
