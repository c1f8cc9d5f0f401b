"""Quality gate: main-text extraction on real annotated news pages.

Like trafilatura's own evaluation, this runs the extractor over the pages of
the Zyte article-extraction benchmark (development half, beside the repo in
../shared/data) and scores the text against the annotated article bodies with
4-gram shingle F1, the measure of ../shared/eval/score.py. The threshold sits
a little under the measured figure (0.985 at the time of writing; bare
trafilatura 2.3 scores 0.964) so a regression fails the test.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from sitrep.models import Article
from sitrep.pipeline import extract_inputs
from tests.support.paths import require_shared

MIN_F1 = 0.975
MIN_PAGE_F1 = 0.5  # no single page may come out badly broken


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = re.findall(r"\w+", text.lower())
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


def f1(tp: int, n_pred: int, n_gold: int) -> float:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


@pytest.fixture(scope="module")
def zyte_dev() -> Path:
    return require_shared("data", "extraction", "zyte-dev")


@pytest.fixture(scope="module")
def gold(zyte_dev: Path) -> dict[str, str]:
    data = json.loads((zyte_dev / "ground-truth.json").read_text(encoding="utf-8"))
    return {page_id: item["articleBody"] for page_id, item in data.items()}


@pytest.fixture(scope="module")
def articles(gold: dict[str, str], zyte_dev: Path) -> dict[str, list[Article]]:
    """The articles of each page, read and extracted as `sitrep extract` does."""
    paths = [str(zyte_dev / "html" / f"{page_id}.html.gz") for page_id in sorted(gold)]
    found: dict[str, list[Article]] = {page_id: [] for page_id in gold}
    for item in extract_inputs(paths):
        assert isinstance(item, Article), f"page not extracted: {item}"
        found[Path(item.source).name.split(".")[0]].append(item)
    return found


@pytest.fixture(scope="module")
def extracted(articles: dict[str, list[Article]]) -> dict[str, str]:
    return {page_id: "\n".join(a.text for a in arts) for page_id, arts in articles.items()}


def test_shingle_f1_over_the_annotated_pages(
    gold: dict[str, str], extracted: dict[str, str]
) -> None:
    tp = n_pred = n_gold = 0
    for page_id, body in gold.items():
        pred, want = shingles(extracted[page_id]), shingles(body)
        tp += sum((pred & want).values())
        n_pred += sum(pred.values())
        n_gold += sum(want.values())
    score = f1(tp, n_pred, n_gold)
    assert score >= MIN_F1, f"extraction F1 {score:.4f} fell below {MIN_F1}"


def test_no_page_is_badly_broken(gold: dict[str, str], extracted: dict[str, str]) -> None:
    broken = {}
    for page_id, body in gold.items():
        pred, want = shingles(extracted[page_id]), shingles(body)
        tp = sum((pred & want).values())
        page_f1 = f1(tp, sum(pred.values()), sum(want.values()))
        if page_f1 < MIN_PAGE_F1:
            broken[page_id] = round(page_f1, 3)
    assert not broken, f"pages extracted badly (F1 per page): {broken}"


def test_pages_come_with_metadata(articles: dict[str, list[Article]]) -> None:
    found = [a for arts in articles.values() for a in arts]
    assert len(found) == len(articles)  # none of these pages carries two articles
    assert all(a.title for a in found)
    assert sum(1 for a in found if a.outlet) >= 0.9 * len(found)
    assert sum(1 for a in found if a.published) >= 0.9 * len(found)
    assert sum(1 for a in found if a.url and a.url.startswith("http")) >= 0.9 * len(found)
