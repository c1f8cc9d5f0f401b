"""Protagonists (stories/protagonists.py): a concentrated central name joins a followed event."""

from __future__ import annotations

from sitrep.models import Article
from sitrep.store import Store
from sitrep.stories import Tuning, recheck_recent
from sitrep.stories.features import proper_title_words
from sitrep.stories.protagonists import (
    Cast,
    GroupBar,
    cast_of,
    central_terms,
    protagonist_groups,
    shared_protagonist,
    title_ratio,
)
from sitrep.stories.state import StoryContext, absorb
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
    # A report told by its headline alone (a headline read, no lead): all its words.
    headline = {"w:zentrox": 0.6, "w:recall": 0.6, "h:": 1e-6, "h:zentrox": 1e-6}
    assert central_terms(headline, names=False) == {"w:zentrox", "w:recall"}
    assert central_terms({**headline, "l:zentrox": 1e-6}, names=False) == set()


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


def test_title_words_the_text_writes_as_names() -> None:
    text = ("Shares of Zentrox fell. The zentrox board met.\nPolice said the Price of fuel "
            "rose.\nShares fell again as Zentrox sold assets.")
    # "Price" is capitalised inside a sentence once: it passes (anchors weigh by rarity);
    # "Shares" and "Police" only open a line or sentence.
    assert proper_title_words("Zentrox Shares Fall as Police Probe Price", text) == {
        "zentrox", "price"}


def test_title_ratio_follows_the_story_weights() -> None:
    assert title_ratio({"w": 0.7, "title": 1.0}) == (1.0 + 1.0 / 0.7) / 2
    assert title_ratio({"w": 0.0, "title": 1.0}) == 1.0


def test_a_core_story_gathers_the_fragments_holding_its_name() -> None:
    core = Cast("core", {"c:zentrox": 4.0})
    bits = [Cast(f"bit{i}", {"c:zentrox": 1.0}) for i in range(4)]
    idf = _idf({"c:zentrox": 8, "w:teen": 8}, 100)
    # No two hold 0.9 of its 8 documents; the core and the fragments together do.
    assert all(shared_protagonist(core, b, idf, 0.9) is None for b in bits)
    assert protagonist_groups([core, *bits], idf, GroupBar(0.9, 0.5)) == [
        ("c:zentrox", "core", ["bit0", "bit1", "bit2", "bit3"])]
    # Fragments alone have no core; a title word not written as a name joins only pairs.
    assert protagonist_groups(bits, idf, GroupBar(0.9, 0.5)) == []
    words = [Cast(c.story, {"w:teen": c.held["c:zentrox"]}) for c in [core, *bits]]
    assert protagonist_groups(words, idf, GroupBar(0.9, 0.5)) == []


def test_a_burst_of_reports_needs_no_core_share_whatever_joined_first() -> None:
    # 8 documents: a story of 3 and 5 single reports, all within one week.
    casts = [Cast("three", {"c:zentrox": 3.0})] + [
        Cast(f"bit{i}", {"c:zentrox": 1.0}) for i in range(5)]
    idf = _idf({"c:zentrox": 8}, 100)
    week = {c.story: ("2024-03-04", "2024-03-09") for c in casts}
    found = [("c:zentrox", "three", ["bit0", "bit1", "bit2", "bit3", "bit4"])]
    assert protagonist_groups(casts, idf, GroupBar(0.9, 0.5)) == []  # 3 of 8 is no core share
    assert protagonist_groups(casts, idf, GroupBar(0.9, 0.5, 2, 7), week) == found
    # Spread over two months (a town's separate incidents), or burst off: no core.
    months = dict(week, bit4=("2024-05-01", "2024-05-01"))
    assert protagonist_groups(casts, idf, GroupBar(0.9, 0.5, 2, 7), months) == []
    assert protagonist_groups(casts, idf, GroupBar(0.9, 0.5, 2, -1), week) == []
    # Single reports alone are still no core, however close in time.
    singles = [Cast(f"one{i}", {"c:zentrox": 1.0}) for i in range(8)]
    assert protagonist_groups(singles, idf, GroupBar(0.9, 0.5, 2, 7),
                              {c.story: week["three"] for c in singles}) == []


def test_a_report_titled_by_the_name_joins_though_its_text_never_writes_it_as_one() -> None:
    core = Cast("core", {"c:zentrox": 9.0})
    titled = Cast("video", {"w:zentrox": 1.0, "w:hack": 1.0})
    other = Cast("other", {"w:hack": 1.0})
    idf = _idf({"c:zentrox": 10, "w:zentrox": 11}, 100)
    assert protagonist_groups([core, titled, other], idf, GroupBar(0.9, 0.5)) == [
        ("c:zentrox", "core", ["video"])]
    # A name spread over other stories gathers nothing, titled reports included.
    spread = Cast("core", {"c:zentrox": 5.0})
    assert protagonist_groups([spread, titled], idf, GroupBar(0.9, 0.5)) == []


def test_recheck_gathers_single_reports_into_the_core_story(store: Store) -> None:
    core = [make_article(f"Zentrox said on Monday that {what}. Analysts at Zentrox rivals "
                         "watched closely.", title=f"Zentrox {head}", published="2025-11-03")
            for what, head in [("records of millions were taken", "breach widens"),
                               ("its chief would leave", "chief quits"),
                               ("customers can freeze their credit", "offers freezes")]]
    singles = [make_article(f"Regulators wrote to Zentrox about {what}.",
                            title=f"Zentrox {head}", published="2025-11-05")
               for what, head in [("fines", "faces fines"), ("its data", "hearing set")]]
    apart = Tuning(join=0.99, sure=0.99, bridge=1.0, recheck_every=0)
    ingest(store, core + singles, apart)
    with store.stories.write("the core reports as one story"):
        ctx = StoryContext(store, Idf(store, apart.idf_power), apart, "2025-11-06T00:00:00Z")
        states = store.stories.states([story(store, a) for a in core])
        first = states[story(store, core[0])]
        for a in core[1:]:
            absorb(ctx, first, states[story(store, a)])
    assert len({story(store, a) for a in core + singles}) == 3
    # Cosine merges and moves off: only the protagonist can gather them.
    only = dict(recheck_margin=10.0, recheck_every=0, recheck_merge=100.0, protagonist_df=3)
    done = recheck_recent(store, Tuning(**only))  # type: ignore[arg-type]
    assert len(done.merged) == 2
    assert len({story(store, a) for a in core + singles}) == 1


def _core_and_pairs(store: Store) -> tuple[list[Article], list[Article]]:
    """Four reports of one event in a story, four more that first joined in twos:
    no two of the stories hold most of the name's documents, all three do."""
    core = [make_article(f"Quorvel said on Monday that {what}. Analysts at Quorvel rivals "
                         "watched closely.", title=f"Quorvel {head}", published="2025-11-03")
            for what, head in [("records of millions were taken", "breach widens"),
                               ("its chief would leave", "chief quits"),
                               ("customers can freeze their credit", "offers freezes"),
                               ("its systems were patched", "patches systems")]]
    late = [make_article(f"Regulators wrote to Quorvel about {what}.",
                         title=f"Quorvel {head}", published="2025-11-05")
            for what, head in [("fines", "faces fines"), ("its data", "hearing set"),
                               ("refunds", "told to refund"), ("its audit", "audit ordered")]]
    apart = Tuning(join=0.99, sure=0.99, bridge=1.0, recheck_every=0)
    ingest(store, core + late, apart)
    with store.stories.write("the core reports as one story, the late ones in twos"):
        ctx = StoryContext(store, Idf(store, apart.idf_power), apart, "2025-11-06T00:00:00Z")
        for group in (core, late[:2], late[2:]):
            states = store.stories.states([story(store, a) for a in group])
            first = states[story(store, group[0])]
            for a in group[1:]:
                absorb(ctx, first, states[story(store, a)])
    assert len({story(store, a) for a in core + late}) == 3
    return core, late


ONLY_PROTAGONISTS = dict(recheck_margin=10.0, recheck_every=0, recheck_merge=100.0,
                         protagonist_df=3)


def test_recheck_gathers_young_stories_of_two_reports(store: Store) -> None:
    core, late = _core_and_pairs(store)
    recheck_recent(store, Tuning(**ONLY_PROTAGONISTS))  # type: ignore[arg-type]
    assert len({story(store, a) for a in core + late}) == 1


def test_stories_past_the_fragment_size_are_not_gathered(store: Store) -> None:
    core, late = _core_and_pairs(store)
    tuning = Tuning(**ONLY_PROTAGONISTS, protagonist_fragment=1)  # type: ignore[arg-type]
    recheck_recent(store, tuning)
    assert len({story(store, a) for a in core + late}) == 3
