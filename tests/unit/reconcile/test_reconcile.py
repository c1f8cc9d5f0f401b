"""Reconciliation on small written articles: each discrepancy kind, agreement, corroboration."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.brief import build_brief, check_citations
from sitrep.errors import SitrepError
from sitrep.reconcile import BriefConfig, Discrepancy, QuantityClaim, load_config, reconcile
from tests.support.brief import annotated, make


def kinds(ds: list[Discrepancy]) -> list[str]:
    return sorted(d.kind for d in ds)


def story(*texts: tuple[str, str | None, str]) -> list[Discrepancy]:
    """Discrepancies among articles given as (outlet, published, text)."""
    arts = [make(t, id=f"a{i}", outlet=o, published=p) for i, (o, p, t) in enumerate(texts)]
    return reconcile(annotated(arts)).discrepancies


def test_quantity_conflict_same_time_frame() -> None:
    ds = story(
        ("Alpha News", "2025-06-04", "Officials said the army has sent around 15,000 troops "
         "to the border since last fall."),
        ("Beta Post", "2025-06-04", "Analysts estimate that some 10,000 soldiers have already "
         "deployed to the border."),
    )
    assert kinds(ds) == ["quantity_conflict"]
    text = ds[0].explanation
    assert "around 15,000" in text and "some 10,000" in text and "Alpha News" in text
    assert "cannot both hold for the same time frame" in text


def test_quantity_update_over_time() -> None:
    ds = story(
        ("Alpha News", "2025-03-12T02:00:00+00:00", "Rescuers said 16 people were killed in "
         "the collapse."),
        ("Alpha News", "2025-03-13T20:00:00+00:00", "Officials said 31 people were killed in "
         "the collapse."),
    )
    assert kinds(ds) == ["quantity_update"]
    assert not ds[0].is_conflict
    values = [c.value_text for c in ds[0].claims if isinstance(c, QuantityClaim)]
    assert values == ["16", "31"]


def test_agreeing_qualifiers() -> None:
    ds = story(
        ("Alpha News", "2025-06-04", "The ministry plans nothing new; it has sent up to 5,000 "
         "troops to the region."),
        ("Beta Post", "2025-06-04", "The government has sent around 5,000 troops to the region."),
        ("Gamma Daily", "2025-06-04", "The government has sent more than 4,800 troops to the "
         "region."),
    )
    assert ds == []


def test_agreement_is_corroboration_by_independent_outlets() -> None:
    arts = [
        make("The government has sent around 5,000 troops to the region.", id="x1",
             outlet="Alpha News", published="2025-06-04"),
        make("The government has sent some 5,000 troops to the region.", id="x2",
             outlet="Alpha News", published="2025-06-04"),
        make("The government has sent about 5,000 troops to the region.", id="x3",
             outlet="Beta Post", published="2025-06-04"),
    ]
    rec = reconcile(annotated(arts), BriefConfig(weights={"Beta Post": 0.5}))
    agr = next(a for a in rec.agreements if isinstance(a.claims[0], QuantityClaim))
    assert len(agr.claims) == 3 and agr.count == 2  # one outlet counts once
    assert agr.weight == pytest.approx(1.5)


def test_event_date_conflict() -> None:
    ds = story(
        ("Alpha News", "2025-06-04", "Chinese and Russian officials met in Beijing on Monday "
         "to discuss trade."),
        ("Beta Post", "2025-06-04", "Chinese and Russian officials met in Beijing on Tuesday "
         "to discuss trade."),
    )
    assert kinds(ds) == ["event_date"]
    assert "2025-06-02" in ds[0].explanation and "2025-06-03" in ds[0].explanation


def test_event_participant_conflict() -> None:
    ds = story(
        ("Alpha News", "2025-06-04", "Chinese officials met Indian officials in Beijing on "
         "Monday to discuss trade."),
        ("Beta Post", "2025-06-04", "Chinese officials met Pakistani officials in Beijing on "
         "Monday to discuss trade."),
    )
    assert kinds(ds) == ["event_participants"]
    assert "India" in ds[0].explanation and "Pakistan" in ds[0].explanation


def test_role_conflict_only_when_incompatible() -> None:
    ds = story(
        ("Alpha News", "2025-06-04", "Foreign Minister Ivan Petrov arrived in Berlin on Monday."),
        ("Beta Post", "2025-06-04", "Defense Minister Ivan Petrov arrived in Berlin on Monday."),
    )
    assert kinds(ds) == ["role"]
    assert "Foreign Minister" in ds[0].explanation
    same = story(
        ("Alpha News", "2025-06-04", "Defence Minister Ivan Petrov arrived in Berlin on Monday."),
        ("Beta Post", "2025-06-04", "Russian Defense Minister Ivan Petrov arrived in Berlin on "
         "Monday."),
    )
    assert same == []


def test_unrelated_counts_do_not_clash() -> None:
    ds = story(
        ("Alpha News", "2025-06-04", "The army has sent around 15,000 troops to the border."),
        ("Beta Post", "2025-06-04", "The storm destroyed around 300 houses in the valley."),
        ("Beta Post", "2025-06-04", "Around 90 people were killed in the floods."),
    )
    assert ds == []
    elsewhere = story(
        ("Alpha News", "2025-06-04", "Officials said 30 people were killed in Pakistan."),
        ("Beta Post", "2025-06-04", "Officials said 50 people were killed in Somalia."),
    )
    assert elsewhere == []


def test_check_citations_reports_broken_span_and_invented_number() -> None:
    arts = [make("The government has sent around 5,000 troops to the region on Monday.",
                 id="c1", outlet="Alpha News", published="2025-06-04")]
    brief = build_brief(annotated(arts), story_id="s")
    assert check_citations(brief, arts) == []
    item = brief.summary[0]
    item.text = item.text.replace("5,000", "7,500")
    problems = check_citations(brief, arts)
    assert any("7500" in p for p in problems)
    item.text = item.text.replace("7,500", "5,000") + " Officials in Moscow agreed."
    assert any("Moscow" in p for p in check_citations(brief, arts))
    item.text = item.text.replace(" Officials in Moscow agreed.", "")
    bad = item.citations[0]
    item.citations[0] = type(bad)(bad.article, bad.start, len(arts[0].text) + 10)
    assert any("invalid span" in p for p in check_citations(brief, arts))


def test_config_from_toml_and_json(tmp_path: Path) -> None:
    toml = tmp_path / "brief.toml"
    toml.write_text('approx_tolerance = 0.1\n[weights]\n"voanews.com" = 0.8\n')
    cfg = load_config(toml)
    assert cfg.approx_tolerance == 0.1 and cfg.weight("VOAnews.com") == 0.8
    js = tmp_path / "brief.json"
    js.write_text('{"min_sources": 3}')
    assert load_config(js).min_sources == 3
    js.write_text('{"nonsense": 1}')
    with pytest.raises(SitrepError):
        load_config(js)
