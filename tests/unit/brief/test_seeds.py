"""Briefs of the seed story and of the VOA Pakistan train-attack story."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.brief import (
    Brief,
    BriefConfig,
    brief_to_html,
    brief_to_json,
    brief_to_markdown,
    build_brief,
    check_citations,
)
from sitrep.models import Article
from sitrep.pipeline import extract_inputs
from tests.support.brief import Pair, annotated, voa_train_story


@pytest.fixture(scope="session")
def seed_pairs(seeds_dir: Path) -> list[Pair]:
    found = [a for a in extract_inputs(sorted(str(p) for p in seeds_dir.glob("*.txt")))
             if isinstance(a, Article)]
    return annotated(found)


@pytest.fixture(scope="session")
def seed_story(seed_pairs: list[Pair]) -> list[Pair]:
    brief_doc = [p for p in seed_pairs if "000_" in p[0].source]
    report = [p for p in seed_pairs if "Pyongyang" in (p[0].title or "") and "002_" in p[0].source]
    assert brief_doc and report
    return brief_doc + report[:1]


@pytest.fixture(scope="session")
def seed_brief(seed_story: list[Pair]) -> Brief:
    return build_brief(seed_story, story_id="seed")


@pytest.fixture(scope="session")
def train_pairs(voa_corpus: Path) -> list[Pair]:
    articles = voa_train_story(voa_corpus)
    assert len(articles) >= 3
    return annotated(articles)


def test_seed_actors_once_with_roles(seed_brief: Brief) -> None:
    for name in ("Pak Yong Il", "Viktor Goremykin", "No Kwang Chol"):
        entries = [a for a in seed_brief.actors if a.name == name]
        assert len(entries) == 1, name
        assert entries[0].roles, name
    goremykin = next(a for a in seed_brief.actors if a.name == "Viktor Goremykin")
    assert len(goremykin.roles) == 1  # "Deputy Defence Minister" = "Vice Defense Minister"


def test_seed_timeline_dates(seed_brief: Brief) -> None:
    dates = {e.date for e in seed_brief.timeline}
    assert {"2025-11-05", "2025-11-06"} <= dates


def test_seed_troop_discrepancy(seed_brief: Brief, seed_story: list[Pair]) -> None:
    conflicts = [d for d in seed_brief.discrepancies if d.kind == "quantity_conflict"]
    assert len(conflicts) == 1
    values = {c.value_text for c in conflicts[0].claims}  # type: ignore[attr-defined]
    assert values == {"around 15,000", "some 10 000"}
    assert {c.citation.article for c in conflicts[0].claims} == {a.id for a, _ in seed_story}
    assert "cannot both hold" in conflicts[0].explanation
    assert "15,000" in conflicts[0].explanation and "10 000" in conflicts[0].explanation


def test_seed_brief_checks_and_has_no_iran(seed_brief: Brief, seed_story: list[Pair]) -> None:
    assert check_citations(seed_brief, [a for a, _ in seed_story]) == []
    md = brief_to_markdown(seed_brief)
    assert "Iran" not in md and "Trump" not in md


def test_unrelated_article_adds_no_discrepancy(
    seed_story: list[Pair], seed_pairs: list[Pair]
) -> None:
    iran = [p for p in seed_pairs if "Iran" in (p[0].title or "")]
    assert iran
    mixed = build_brief([*seed_story, *iran], story_id="mixed")
    assert len([d for d in mixed.discrepancies if d.is_conflict]) == 1
    ids = {iran[0][0].id}
    for d in mixed.discrepancies:
        assert not ids & {c.citation.article for c in d.claims}


def test_seed_renderers(seed_brief: Brief) -> None:
    data = brief_to_json(seed_brief)
    for key in ("story", "title", "summary", "facts", "actors", "timeline", "numbers",
                "discrepancies", "related", "sources"):
        assert key in data
    item = data["summary"][0]
    assert set(item) >= {"text", "citations"} and set(item["citations"][0]) >= {
        "article", "start", "end"}
    claim = data["discrepancies"][0]["claims"][0]
    assert set(claim) >= {"value", "text", "source", "article", "start", "end"}
    html = brief_to_html(seed_brief)
    assert html.startswith("<!DOCTYPE html>") and 'href="#c1"' in html and 'id="c1"' in html
    assert "<script" not in html


def test_train_story_is_developing(train_pairs: list[Pair]) -> None:
    brief = build_brief(train_pairs, story_id="train")
    assert check_citations(brief, [a for a, _ in train_pairs]) == []
    assert not [d for d in brief.discrepancies if d.is_conflict]
    about = {n.about: n for n in brief.numbers}
    rescued = next(n for k, n in about.items() if "rescued" in k)
    assert rescued.developing and len({p.value for p in rescued.points}) >= 3
    assert all(p.date for p in rescued.points)
    assert any("held" in k or "hostage" in k for k in about)
    assert any("killed" in k for k in about)
    updates = [d for d in brief.discrepancies if d.kind == "quantity_update"]
    assert updates and all("update" in d.explanation for d in updates)


def test_since_marks_new(train_pairs: list[Pair]) -> None:
    brief = build_brief(train_pairs, story_id="train", since="2025-03-13T12:00:00+00:00")
    assert any(s.new for s in brief.sources) and not all(s.new for s in brief.sources)
    limited = build_brief(train_pairs, story_id="train", since="2025-03-13T12:00:00+00:00",
                          config=BriefConfig(since_mode="limit"))
    assert limited.timeline and all(e.new for e in limited.timeline)
