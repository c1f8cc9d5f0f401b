"""Lone terms (held by no other stored document) weigh less in a side's norm."""

from __future__ import annotations

import dataclasses

from sitrep.store import Store
from sitrep.stories import Tuning
from sitrep.stories.state import lone_weights
from sitrep.stories.vectors import Idf, open_similarity, similarity, weighted_norm
from tests.support.store import make_article
from tests.support.stories import ingest

TUNING = Tuning()


def _idf(store: Store, n: int, dfs: dict[str, int]) -> Idf:
    idf = Idf(store, TUNING.idf_power)
    idf.prepare([])
    idf.n = n
    idf.df.update(dfs)
    return idf


def test_a_lone_word_does_not_dilute_but_a_word_others_hold_does(store: Store) -> None:
    # "w:recall" is shared; "w:newsletter" only the stored side holds (df 1: itself);
    # "w:weather" the stored side holds along with other documents (df 5).
    idf = _idf(store, 20, {"w:recall": 2, "w:newsletter": 1, "w:weather": 5})
    article = {"w:recall": 1.0}
    lone = {"w:recall": 0.5, "w:newsletter": 0.5}
    common = {"w:recall": 0.5, "w:weather": 0.5}
    plain = similarity(article, weighted_norm(article, idf), lone, weighted_norm(lone, idf), idf)
    weights = lone_weights(TUNING)
    assert TUNING.lone_words == 0.0
    assert open_similarity(article, 0, lone, 1, idf, weights) == 1.0 > plain
    assert open_similarity(article, 0, common, 1, idf, weights) < 1.0
    # Weight 1 for every namespace: the plain cosine.
    assert abs(open_similarity(article, 0, lone, 1, idf, {}) - plain) < 1e-12


def test_the_new_articles_own_terms_are_lone_until_counted(store: Store) -> None:
    # An article not yet counted (counted=0): a term with df 0 is its alone.
    idf = _idf(store, 20, {"w:recall": 1, "n:500": 0})
    article = {"w:recall": 0.5, "n:500": 0.5}
    story = {"w:recall": 1.0}
    names_and_figures_kept = open_similarity(article, 0, story, 1, idf, {"n": 1.0})
    figures_discounted = open_similarity(article, 0, story, 1, idf, {"n": 0.25})
    assert names_and_figures_kept < figures_discounted < 1.0
    # Shared, a term is never lone: the same figure on both sides counts in full.
    both = open_similarity(article, 0, article, 0, idf, {"n": 0.0})
    assert abs(both - 1.0) < 1e-12


_CORE = "Acme recalled 40,000 toasters after kitchen fires, the regulator said."
# Each outlet's page chrome: many words no other page holds.
_CHROME = (
    "Subscribe: sports scores, gardening columns, horoscopes, crossword puzzles, lottery "
    "numbers, celebrity gossip, reader recipes, knitting patterns, chess problems, bird "
    "watching, antique auctions, yacht racing, opera tickets, museum exhibits, tennis "
    "rankings, golf handicaps.",
    "Follow: film reviews, travel deals, fashion tips, concert listings, restaurant guides, "
    "pet adoption, weekend quizzes, cycling routes, vintage cars, wine tasting, pottery "
    "classes, surfing forecasts, comedy clubs, jazz festivals, baking contests, hiking trails.",
)
_OTHER = ("The city council approved a new budget for road repairs on Monday after a "
          "long debate about bus lanes and parking meters downtown.")


def _pair_scores(tuning: Tuning) -> list[tuple[str, float]]:
    from sitrep.store import open_store

    first, second = (make_article(f"{_CORE}\n{chrome}", url=f"https://o{i}.example/recall",
                                  title="Toaster recall", published="2025-11-07T10:00:00")
                     for i, chrome in enumerate(_CHROME))
    with open_store(":memory:") as store:
        ingest(store, [make_article(_OTHER, url="https://c.example/budget")], tuning)
        return [(a.how, a.score) for a in ingest(store, [first, second], tuning)]


def test_two_outlets_pages_of_one_event_match_despite_their_chrome() -> None:
    judged = dataclasses.replace(TUNING, lone_after=0)  # a tiny store, judged all the same
    (_, _), (how, score) = _pair_scores(judged)
    assert how == "joined" and score > 0.9
    # The plain cosine: the chrome's words, which nothing else holds, dilute the match.
    plain = dataclasses.replace(judged, lone_words=1.0, lone_figures=1.0, lone_names=1.0)
    (_, _), (_, plain_score) = _pair_scores(plain)
    assert plain_score < 0.5
    # Below ``lone_after`` stored documents nothing is judged lone: in a store of
    # three, every term but the shared ones would be.
    (_, _), (_, young_score) = _pair_scores(TUNING)
    assert TUNING.lone_after > 3 and abs(young_score - plain_score) < 1e-9
