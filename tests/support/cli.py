"""Running the real ``sitrep`` command in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

SITREP = [sys.executable, "-m", "sitrep"]


def run_sitrep(
    *args: str, cwd: Path | None = None, input: str | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.run(
        [*SITREP, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        input=input,
        timeout=timeout,
        env=env,
    )


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def short_records(corpus: Path, n: int, chars: int = 700) -> list[dict[str, Any]]:
    """``n`` short distinct records cut from the VOA corpus (cheap to annotate)."""
    base = [json.loads(line) for line in corpus.open(encoding="utf-8")]
    out = []
    for i in range(n):
        rec = base[i % len(base)]
        window = (i // len(base)) * chars  # past the corpus size: a later part of the story
        cut = rec["text"][window : window + chars].rsplit(" ", 1)[0]
        out.append(
            {
                "id": f"{rec['id']}-{i}",
                "title": rec["title"],
                "published": rec["published"],
                "url": f"{rec['url']}?part={i}",
                "outlet": "VOA",
                "text": f"Part {i}. {cut}",
            }
        )
    return out


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path
