"""Texts and helpers shared by the story tests (no language model: text-only profiles)."""

from __future__ import annotations

from collections.abc import Sequence

from sitrep.models import Article
from sitrep.store import Store
from sitrep.stories import Assigner, Assignment, Tuning
from tests.support.store import IRAN_REPORT, NK_OTHER_REPORT, NK_REPORT, make_article

IRAN_FOLLOWUP = (
    "WASHINGTON: The Pentagon said on Sunday that Operation Epic Fury had struck more sites "
    "across Iran overnight, as Iranian attacks on Israel and Gulf Arab countries continued. "
    "President Donald Trump said the briefings he received before the attack on Iran had "
    "described a high-risk, high-reward operation. US and Israeli militaries struck air "
    "defence sites in Iran, a US official told Reuters.")

NK_FOLLOWUP = (
    "SEOUL: South Korea's National Intelligence Service said North Korea may send more troops "
    "to Russia after talks in Pyongyang between Pak Yong Il and a Russian delegation led by "
    "Vice Defense Minister Viktor Goremykin. KCNA said the delegation met North Korean Defense "
    "Minister No Kwang Chol. Around 15,000 North Korean troops have gone to Russia, South "
    "Korean assessments say, with thousands of military construction troops since September.")


def nk() -> list[Article]:
    return [make_article(NK_REPORT, title="North Korean and Russian officials hold talks",
                         published="2025-11-07"),
            make_article(NK_OTHER_REPORT, title="Pyongyang talks end with pledges",
                         published="2025-11-07")]


def iran() -> list[Article]:
    return [make_article(IRAN_REPORT, title="Ahead of strikes, Trump was told of the risk",
                         published="2026-03-01")]


def later_iran() -> Article:
    return make_article(IRAN_FOLLOWUP, title="More US strikes on Iran", published="2026-03-02")


def later_nk() -> Article:
    return make_article(NK_FOLLOWUP, title="Seoul expects more North Korean troops for Russia",
                        published="2025-11-08")


def ingest(store: Store, articles: Sequence[Article],
           tuning: Tuning | None = None) -> list[Assignment]:
    """What the pipeline does per batch: store and assign in one transaction."""
    assigner = Assigner(store, tuning) if tuning else Assigner(store)
    with store.stories.write("test batch"):
        outcomes = store.add_articles(articles)
        return assigner.assign_batch(articles, [None] * len(articles), outcomes)


def story(store: Store, article: Article) -> str:
    found = store.stories.of_article(article.id)
    assert found is not None, f"{article.id} has no story"
    return found[0]


# Merges anything a new article touches at all: the worst case for manual state.
GREEDY = Tuning(join=0.05, bridge=0.0, bridge_centroids=0.0)
