#!/usr/bin/env python3
"""Score an annotation layer on a dev set and on its two halves, to see whether it generalises.

    python3 scripts/score_halves.py events|times|quantities|attribution [--eval DIR]

Half A holds the even positions (items, documents), half B the odd ones, as the
held-out halves of the gold sets were cut. A rule written for one dev sentence
raises one half only; a general one moves both. Each line is score.py's own line,
prefixed with dev, A or B. Only the standard library is used; score.py runs the
`sitrep` command on PATH (or $SITREP).
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_EVAL = os.path.join(HERE, "..", "..", "shared", "eval")


def _lines(path: str) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        return [line for line in fh.read().splitlines() if line.strip()]


def _write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


def split_jsonl(src: str, pattern: str, out: str, half: int) -> None:
    path = sorted(glob.glob(os.path.join(src, pattern)))[0]
    _write(os.path.join(out, os.path.basename(path)), "\n".join(_lines(path)[half::2]) + "\n")


def split_json(src: str, pattern: str, out: str, half: int) -> None:
    path = sorted(glob.glob(os.path.join(src, pattern)))[0]
    with open(path, encoding="utf-8") as fh:
        items = json.load(fh)
    _write(os.path.join(out, os.path.basename(path)), json.dumps(items[half::2]))


def split_attribution(src: str, out: str, half: int) -> None:
    texts = sorted(glob.glob(os.path.join(src, "text", "*.txt")))[half::2]
    for sub in ("text", "attributions"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)
    for text in texts:
        name = os.path.basename(text)[:-4]
        os.symlink(text, os.path.join(out, "text", name + ".txt"))
        for ann in glob.glob(os.path.join(src, "attributions", name + "*.ann")):
            os.symlink(ann, os.path.join(out, "attributions", os.path.basename(ann)))


Splitter = Callable[[str, str, int], None]
TASKS: dict[str, tuple[str, Splitter]] = {
    "events": ("events", lambda s, o, h: split_jsonl(s, "plover-*.jsonl", o, h)),
    "times": ("times", lambda s, o, h: split_jsonl(s, "*.jsonl", o, h)),
    "quantities": ("quantities", lambda s, o, h: split_json(s, "newsquant-*.json", o, h)),
    "attribution": ("attribution/polnear-dev", split_attribution),
}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("task", choices=sorted(TASKS))
    ap.add_argument("--eval", default=DEFAULT_EVAL, help="folder holding score.py")
    args = ap.parse_args(argv)
    score = os.path.join(args.eval, "score.py")
    if not os.path.exists(score):
        sys.exit(f"no score.py in {args.eval}: pass --eval DIR (the shared eval folder)")
    folder, split = TASKS[args.task]
    src = os.path.join(args.eval, "..", "data", folder)
    with tempfile.TemporaryDirectory(prefix="sitrep-halves-") as tmp:
        runs = [("dev", src)]
        for half, name in ((0, "A"), (1, "B")):
            out = os.path.join(tmp, name)
            split(src, out, half)
            runs.append((name, out))
        for name, data in runs:
            done = subprocess.run(
                [sys.executable, score, args.task, data], capture_output=True, text=True
            )
            last = (done.stdout.strip().splitlines() or [done.stderr.strip()[-300:]])[-1]
            print(f"{name:3s} {last}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
