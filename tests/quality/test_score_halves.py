"""scripts/score_halves.py: the two halves of a gold set are alternate items, disjoint, complete."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

from tests.support.paths import REPO
from tests.support.scripts import load_script

SCRIPT = REPO / "scripts" / "score_halves.py"


def load() -> ModuleType:
    return load_script(SCRIPT)


def test_jsonl_halves_alternate(tmp_path: Path) -> None:
    halves = load()
    src = tmp_path / "src"
    src.mkdir()
    (src / "plover-dev.jsonl").write_text("".join(f'{{"id": {i}}}\n' for i in range(7)))
    seen = []
    for half in (0, 1):
        out = tmp_path / f"h{half}"
        halves.split_jsonl(str(src), "plover-*.jsonl", str(out), half)
        lines = (out / "plover-dev.jsonl").read_text().splitlines()
        seen.append([json.loads(line)["id"] for line in lines])
    assert seen == [[0, 2, 4, 6], [1, 3, 5]]


def test_attribution_halves_keep_their_annotations(tmp_path: Path) -> None:
    halves = load()
    src = tmp_path / "src"
    (src / "text").mkdir(parents=True)
    (src / "attributions").mkdir()
    for name in ("a", "b", "c"):
        (src / "text" / f"{name}.txt").write_text(name)
        (src / "attributions" / f"{name}.ann").write_text("")
    out = tmp_path / "B"
    halves.split_attribution(str(src), str(out), 1)
    assert sorted(p.name for p in (out / "text").iterdir()) == ["b.txt"]
    assert sorted(p.name for p in (out / "attributions").iterdir()) == ["b.ann"]
