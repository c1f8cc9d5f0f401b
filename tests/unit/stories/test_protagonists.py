"""Protagonists (stories/protagonists.py): a concentrated central name joins a followed event."""

from __future__ import annotations

from sitrep.store import Store
from sitrep.stories import Tuning, recheck_recent
from sitrep.stories.protagonists import Cast, cast_of, central_terms, shared_protagonist
from sitrep.stories.vectors import Idf
from tests.support.store import make_article
from tests.support.stories import ingest, story


def _idf(df: dict[str, int], n: int) -> Idf:
    idf = Idf(None, 1.5)  # type: ignore[arg-type]  # no store read: the counts are set
    idf.df, idf.n, idf._loaded_n = dict(df), n, True
    return idf


def test_central_terms_are_title_words_and_optionally_names() -> None:
    vec = {"w:zentrox": 1.7, "w:said": 0.7, "w:week": 0.7, "e:abc": 2.0, "n:5": 3.0}
    assert central_terms(vec, names=False) == {"w:zentrox"}
    assert central_terms(vec, names=True) == {"w:zentrox", "e:abc"}


def test_cast_keeps_terms_most_members_hold() -> None:
    vecs = [{"w:zentrox": 1.7, "w:fall": 1.7, "w:said": 0.7},
            {"w:zentrox": 1.0, "w:said": 0.7, "w:fall": 0.7},
            {"w:zentrox": 1.7, "w:price": 0.7}]
    cast = cast_of("s1", vecs, members=6, least=0.5, least_members=1)
    assert set(cast.held) == {"w:zentrox"}  # "fall" is a title word in one of three
    assert cast.held["w:zentrox"] == 6.0  # estimated over the story's 6 members
    assert not cast_of("s1", vecs[:1], members=1, least=0.5, least_members=2).held


def test_a_concentrated_name_is_shared_a_spread_one_is_not() -> None:
    a = Cast("a", {"w:zentrox": 4.0, "w:town": 2.0})
    b = Cast("b", {"w:zentrox": 1.0, "w:town": 1.0})
    idf = _idf({"w:zentrox": 5, "w:town": 30}, 100)
    assert shared_protagonist(a, b, idf, 0.9, least_df=5) == "w:zentrox"
    # The town is in 3 of its 30 documents here: spread over other stories.
    assert shared_protagonist(Cast("a", {"w:town": 2.0}), Cast("b", {"w:town": 1.0}),
                              idf, 0.5) is None
    # Held by too few documents, a concentration is chance.
    assert shared_protagonist(a, b, idf, 0.9, least_df=6) is None


_REPORTS = [
    ("Zentrox breach exposes customer records",
     "Hackers took names and card numbers from the company's servers, investigators said."),
    ("Zentrox chief steps down",
     "The chief executive resigned on Tuesday as lawmakers demanded answers from the board."),
    ("Zentrox faces lawsuits",
     "Customers filed class actions in three states, lawyers told reporters on Wednesday."),
]


def test_recheck_merges_stories_told_around_one_name(store: Store) -> None:
    arts = [make_article(text, title=title, published=f"2025-11-0{i + 1}")
            for i, (title, text) in enumerate(_REPORTS)]
    alone = Tuning(join=0.99, sure=0.99, bridge=1.0, recheck_every=0)
    ingest(store, arts, alone)
    assert len({story(store, a) for a in arts}) == 3
    # Moves and cosine merges off: only a shared protagonist can join them (each
    # pair holds 2 of the 3 documents that name it).
    only = dict(recheck_margin=10.0, recheck_every=0, recheck_merge=100.0,
                protagonist_df=3, protagonist_concentration=0.6)
    off = Tuning(**{**only, "protagonist_concentration": 2.0})  # type: ignore[arg-type]
    assert not recheck_recent(store, off).merged
    far = Tuning(**{**only, "protagonist_days": 0})  # type: ignore[arg-type]
    assert not recheck_recent(store, far).merged  # days apart: related, not one
    done = recheck_recent(store, Tuning(**only))  # type: ignore[arg-type]
    assert len(done.merged) == 2
    assert len({story(store, a) for a in arts}) == 1
