"""Quality gates: story assignment on real reports, against the gold of ../shared.

Ingests development sets (beside the repo in ../shared/data/stories) through the
whole pipeline, language model included, and scores the stories against the gold
with B-cubed F1, the measure of ../shared/eval/score.py; the thresholds sit under
the measured figures (docs/stories.md) so a regression fails. Skipped when
../shared is absent: the data is only read to measure, never shipped.

- ECB+ (462 articles, 22 topics holding two real events of the same kind each):
  twin events must stay apart.
- Giveme5W1H news_cluster (115 articles, 16 events told by 4-19 outlets each, page
  chrome kept): one event's outlets must come together.
"""

from __future__ import annotations

import json

import pytest

from sitrep.export import export_rows
from sitrep.pipeline import ingest
from sitrep.store import open_store
from sitrep.stories.agreement import bcubed
from tests.support.paths import require_shared

# (data set, least F1, least precision, least recall)
GATES = [("ecbplus-dev", 0.90, 0.88, 0.88), ("giveme-dev", 0.82, 0.95, 0.70)]


@pytest.mark.parametrize(("name", "min_f1", "min_p", "min_r"), GATES)
def test_stories_against_gold(name: str, min_f1: float, min_p: float, min_r: float) -> None:
    data = require_shared("data", "stories", name)
    gold = json.loads((data / "gold.json").read_text(encoding="utf-8"))
    with open_store(":memory:") as store:
        ingest([data / "articles.jsonl"], store)
        pred = {article: row["id"] for row in export_rows(store, "stories")
                for article in row["articles"]}
    p, r, f = bcubed(pred, gold)
    assert f >= min_f1, f"{name}: B-cubed F1 {f:.3f} (precision {p:.3f}, recall {r:.3f})"
    assert p >= min_p and r >= min_r, f"{name}: precision {p:.3f}, recall {r:.3f}"
