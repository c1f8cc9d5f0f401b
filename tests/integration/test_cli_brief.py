"""``sitrep brief`` and the discrepancies export on the seed documents, end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.cli import jsonl, run_sitrep


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> str:
    db = str(tmp_path_factory.mktemp("brief") / "seeds.db")
    proc = run_sitrep("ingest", "-q", "--db", db, str(seeds_dir))
    assert proc.returncode == 0, proc.stderr
    return db


def _story_of(db: str, title_word: str) -> dict:
    stories = jsonl(run_sitrep("export", "stories", "--db", db).stdout)
    articles = {a["id"]: a for a in jsonl(run_sitrep("export", "articles", "--db", db).stdout)}
    return next(s for s in stories if any(title_word in (articles[a]["title"] or "") for a in s["articles"]))


def test_brief_json_follows_the_contract(seed_db: str) -> None:
    story = _story_of(seed_db, "Pyongyang")
    proc = run_sitrep("brief", story["id"], "--db", seed_db, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    brief = json.loads(proc.stdout)
    for key in ("story", "title", "summary", "facts", "actors", "timeline", "discrepancies", "sources"):
        assert key in brief
    names = [a["name"] for a in brief["actors"]]
    for person in ("Pak Yong Il", "Viktor Goremykin", "No Kwang Chol"):
        assert names.count(person) == 1
    assert {"2025-11-05", "2025-11-06"} <= {t["date"] for t in brief["timeline"]}
    claims = [c for d in brief["discrepancies"] for c in d["claims"]]
    assert {c["value"] for c in claims} >= {15000.0, 10000.0}  # numbers, not words
    words = {c["value_text"] for c in claims}
    assert any("15,000" in v for v in words) and any("10 000" in v for v in words)
    assert "Iran" not in json.dumps(brief)


def test_brief_markdown_html_and_since(seed_db: str, tmp_path: Path) -> None:
    story = _story_of(seed_db, "Pyongyang")
    md = run_sitrep("brief", story["id"], "--db", seed_db).stdout
    assert md.startswith("# ") and "## Timeline" in md
    page = tmp_path / "brief.html"
    proc = run_sitrep("brief", story["id"], "--db", seed_db, "--format", "html", "-o", str(page))
    assert proc.returncode == 0 and page.read_text().lstrip().lower().startswith("<!doctype html>")
    bad = run_sitrep("brief", story["id"], "--db", seed_db, "--since", "not a date")
    assert bad.returncode == 2 and "not a date" in bad.stderr


def test_unknown_story_is_a_clear_error(seed_db: str) -> None:
    proc = run_sitrep("brief", "no-such-story", "--db", seed_db)
    assert proc.returncode == 2
    assert "no story 'no-such-story'" in proc.stderr and "sitrep stories" in proc.stderr


def test_discrepancies_export(seed_db: str) -> None:
    rows = jsonl(run_sitrep("export", "discrepancies", "--db", seed_db).stdout)
    conflict = next(r for r in rows if r["conflict"])
    assert conflict["story"] == _story_of(seed_db, "Pyongyang")["id"]
    assert len(conflict["claims"]) == 2 and conflict["explanation"]
