"""Alerts on annotated articles: a watchlist on an entity given by an alias, a new
story, a new article in it, and the figure it revises or contradicts;
each alert once, with links to the story and the cited sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.store import open_store
from sitrep.watch import Watcher, Watchlist
from sitrep.watch.feedlist import FeedSpec
from tests.support.store import NK_REPORT
from tests.support.watch import add_watchlist, settings
from tests.support.watch_servers import Site, Story, serve_site


@pytest.mark.parametrize(("published", "kind"), [
    # A later report with another troop figure: a developing figure.
    ("Sat, 08 Nov 2025 09:00:00 GMT", "figure_update"),
    # One of the same moment cannot be a later revision: the two figures conflict.
    ("Fri, 07 Nov 2025 09:00:00 GMT", "new_conflict"),
])
def test_alias_watchlist_alerts_new_story_article_and_discrepancy_once(
        seed_brief: Path, tmp_path: Path, file_db: str, published: str, kind: str) -> None:
    log = tmp_path / "alerts.jsonl"
    brief = seed_brief.read_text(encoding="utf-8")
    site = Site(feeds={"wire": [Story("talks", "North Korean and Russian military officials "
                                      "discuss further cooperation", NK_REPORT,
                                      "Fri, 07 Nov 2025 09:00:00 GMT")]})
    with serve_site(site) as base, open_store(file_db) as store:
        # "DPRK" is an alias: the rule resolves to the canonical North Korea entity.
        add_watchlist(store, Watchlist("korea", entities=["DPRK"], sinks=[f"log:{log}"]))
        config = settings(annotate=True, base_url="http://sitrep.test")
        with Watcher(store, [FeedSpec(f"{base}/feed/wire.xml")], config) as watcher:
            watcher.run_cycle()
            first = store.watch.alerts_of("korea")
            assert [a.kind for a in first] == ["new_story"]
            cite = first[0].data["cite"]
            article = store.get_article(cite["article"])
            assert article.text[cite["start"]:cite["end"]].startswith(cite["text"][:20])
            assert cite["link"].startswith("http://sitrep.test/articles/")
            story = first[0].story_id

            site.feeds["wire"].append(Story("brief", "High-Level Talks in Pyongyang", brief,
                                            published))
            watcher.run_cycle()
            second = [a for a in store.watch.alerts_of("korea") if a.digest_id != first[0].digest_id]
            kinds = sorted(a.kind for a in second)
            assert kinds == sorted([kind, "new_article"]), kinds
            assert all(a.story_id == story for a in second)
            update = next(a for a in second if a.kind == kind)
            assert "troops" in update.data["what"] and update.data["cite"]["link"]
            values = {c["value_text"] for c in update.data["discrepancy"]["claims"]}
            assert any("15,000" in v for v in values) and any("10 000" in v for v in values)

            watcher.run_cycle()  # nothing new: nothing alerted again
        assert len(store.watch.alerts_of("korea")) == 1 + len(second)
        assert len(log.read_text().splitlines()) == 2  # one digest per round with news
