"""The end-of-run settle assigns the run's articles again in an order of their own
(reassign.py): a chain of reports gives one partition whatever order it came in."""

from __future__ import annotations

from itertools import permutations

from sitrep.models import Article
from sitrep.store import Store, open_store
from sitrep.store.stories import MemberRow
from sitrep.stories import Assigner, Tuning
from sitrep.stories.reassign import canonical_key, counted_through
from tests.support.store import make_article

# Each report shares a name or two with the next one only: a chain, whose links
# form in some arrival orders and not in others when each is judged once.
CHAIN = [
    ("Floods closed the old stone bridge at Kelvale on Monday, and mayor Rina Osk ordered "
     "the lower streets cleared as the river rose past its banks.", "Floods close Kelvale bridge",
     "2025-04-07"),
    ("Mayor Rina Osk said the Kelvale bridge stays shut while engineer Tam Volo checks its "
     "piers for cracks the floods left behind.", "Kelvale bridge stays shut", "2025-04-08"),
    ("Engineer Tam Volo found cracks in the piers and said repairs would take until summer, "
     "with a ferry to carry commuters meanwhile.", "Cracks found in the piers", "2025-04-09"),
    ("A ferry will carry commuters across the river until summer, the transport office "
     "said, running every twenty minutes from the north landing.", "Ferry to run until summer",
     "2025-04-10"),
]


def _chain() -> list[Article]:
    return [make_article(text, title=title, published=day) for text, title, day in CHAIN]


def _run(store: Store, order: list[Article], tuning: Tuning) -> None:
    assigner = Assigner(store, tuning)
    for a in order:
        with store.stories.write("one article"):
            assigner.assign_batch([a], [None], store.add_articles([a]))
    assigner.settle()


def _partitions(reassign: bool) -> set[frozenset[frozenset[str]]]:
    # Loose joins, no recheck point in the run: the settle alone decides.
    tuning = Tuning(join=0.1, sure=0.0, member_min=0.0, recheck_every=1000,
                    settle_reassign=reassign)
    found = set()
    for order in permutations(_chain()):
        with open_store(":memory:") as store:
            _run(store, list(order), tuning)
            groups: dict[str, set[str]] = {}
            for a in order:
                got = store.stories.of_article(a.id)
                assert got is not None
                groups.setdefault(got[0], set()).add(a.id)
        found.add(frozenset(frozenset(g) for g in groups.values()))
    return found


def test_the_run_assigned_again_gives_one_partition_in_any_order() -> None:
    assert len(_partitions(reassign=False)) > 1  # judged once, arrival decides
    assert len(_partitions(reassign=True)) == 1


def test_counts_after_the_settle_are_the_runs() -> None:
    articles = _chain()
    with open_store(":memory:") as before, open_store(":memory:") as after:
        _run(before, articles, Tuning(recheck_every=1000, settle_reassign=False))
        _run(after, list(reversed(articles)), Tuning(recheck_every=1000, settle_reassign=True))
        terms = sorted({t for a in articles
                        for t in (after.stories.features([a.id]).get(a.id) or {})})
        assert terms
        assert before.stories.term_dfs(terms) == after.stories.term_dfs(terms)


def test_the_order_is_by_day_then_a_hash_undated_last() -> None:
    keys = [canonical_key("x", "2025-04-08"), canonical_key("y", None),
            canonical_key("z", "2025-04-07")]
    assert sorted(keys)[0][0] == "2025-04-07"
    assert sorted(keys)[-1] == canonical_key("y", None)
    assert canonical_key("x", None) != canonical_key("y", None)  # the id breaks ties


def _rows(n: int) -> list[MemberRow]:
    return [MemberRow(article_id=f"a{i}", score=None, how="new", pinned=False, title=None,
                      outlet=None, url=None, published=None, seq=i + 1, copy_of=None)
            for i in range(n)]


def test_an_article_is_judged_with_the_counts_of_the_days_after_it() -> None:
    rows = _rows(6)
    days = {"a0": "2025-04-07", "a1": "2025-04-07", "a2": "2025-04-09", "a3": "2025-04-12",
            "a4": None, "a5": None}
    # a0 and a1: the counts of all dated up to 04-10 (a0-a2); a2: up to 04-12 (a3);
    # the undated come last, each with the counts of those before it.
    assert counted_through(rows, days, 3) == [2, 2, 3, 3, 3, 4]
    assert counted_through(rows, days, 0) == [1, 1, 2, 3, 3, 4]
    assert counted_through(rows, days, -1) == [-1, 0, 1, 2, 3, 4]  # as they come


# Two reports of two happenings (talks on tolls; barges held at a harbour) that share a
# name and a commodity, and a few days of other reports all naming the two.
TALKS = ("Envoys from the Velmark council met in Tallport on Monday to talk about grain "
         "shipments and river tolls, with a second round set for Friday.",
         "Velmark envoys talk grain tolls", "2025-05-05")
BARGES = ("Dock unions in Orrin said on Tuesday that Velmark grain barges will wait until the "
          "harbour fees are settled with the shipping board.",
          "Velmark grain barges wait in Orrin", "2025-05-06")
FOLLOWING = [
    (f"The Velmark grain {what} was reported on {weekday} by the {who}, who said {said}.",
     f"Velmark grain {what}", day)
    for what, weekday, who, said, day in [
        ("harvest", "Wednesday", "farm bureau", "yields fell by a third in the north",
         "2025-05-07"),
        ("prices", "Wednesday", "market desk", "bakers fear dearer bread by summer",
         "2025-05-07"),
        ("silos", "Thursday", "fire brigade", "a dust blast damaged two towers", "2025-05-08"),
        ("exports", "Thursday", "customs office", "permits are now issued weekly",
         "2025-05-08"),
        ("subsidy", "Friday", "finance ministry", "farmers may claim from June", "2025-05-09"),
        ("museum", "Friday", "city archive", "old mill tools go on show", "2025-05-09"),
    ]]


def _talks_and_barges_together(ahead: int) -> bool:
    articles = [make_article(text, title=title, published=day)
                for text, title, day in [TALKS, BARGES, *FOLLOWING]]
    with open_store(":memory:") as store:
        _run(store, list(reversed(articles)), Tuning(recheck_every=1000, settle_ahead=ahead))
        talks, barges = (store.stories.of_article(a.id) for a in articles[:2])
        assert talks is not None and barges is not None
        return talks[0] == barges[0]


def test_a_name_the_next_days_are_full_of_is_not_rare_for_their_first_reports() -> None:
    # Counted one by one (a young store), the shared name is rare when the second
    # report is judged and joins the two; counted with the next days' reports, not.
    assert _talks_and_barges_together(ahead=-1)
    assert not _talks_and_barges_together(ahead=3)


# Two gallery pages of one outlet whose captions are the same (near-copies), each under
# its own credit line, and another outlet's report of the same fire.
_CAPTIONS = ("Crews from three towns fought the fire at the Marrow Lane timber yard in "
             "Ostbury through the night, as smoke drifted over the harbour and the ring road "
             "was closed to traffic. Firefighter Ada Penk said the flames reached the stacked "
             "planks before the first engine arrived, and that no one was hurt. The yard's "
             "owner, Joss Brell, said the loss would run to several million and the yard "
             "would stay shut for weeks while inspectors looked for the cause of the blaze.")
_GALLERY = [(_CAPTIONS + "\nPhotos by the night desk, gallery one of two.", "Timber yard fire",
             "https://ostbury-herald.test/gallery/yard-fire-1", "2025-05-03"),
            (_CAPTIONS + "\nPhotos by the picture desk, gallery two of two.", "Yard fire photos",
             "https://ostbury-herald.test/gallery/yard-fire-2", "2025-05-04")]
_OTHER = ("A fire at the Marrow Lane timber yard in Ostbury burned through the night, owner "
          "Joss Brell said, and the yard will stay shut for weeks while inspectors look for "
          "the cause.", "Ostbury timber yard to stay shut", "https://coast-news.test/yard",
          "2025-05-04")


def _fire() -> list[Article]:
    return [make_article(text, title=title, url=url, published=day)
            for text, title, url, day in [*_GALLERY, _OTHER]]


def _settled(order: list[Article]) -> tuple[frozenset[frozenset[str]], dict[str, str],
                                              set[str]]:
    """Stories, copy links and the ids holding a profile after one run in this order."""
    with open_store(":memory:") as store:
        assigner = Assigner(store, Tuning(recheck_every=1000, settle_reassign=True))
        for a in order:
            with store.stories.write("one article"):
                assigner.assign_batch([a], [None], store.add_articles([a]))
        assigner.settle()
        groups: dict[str, set[str]] = {}
        for a in order:
            got = store.stories.of_article(a.id)
            assert got is not None
            groups.setdefault(got[0], set()).add(a.id)
        profiled = set(store.stories.feature_days([a.id for a in order]))
        return frozenset(frozenset(g) for g in groups.values()), store.copy_links(), profiled


def test_near_copies_in_either_order_give_one_original_and_the_same_stories() -> None:
    first, second, other = _fire()
    one = _settled([first, second, other])
    two = _settled([second, first, other])
    assert one == two
    _, links, profiled = one
    # The earlier day is the original whichever page came first; only it has a profile.
    assert links == {second.id: first.id}
    assert first.id in profiled and second.id not in profiled


def test_a_second_ingest_of_the_run_adds_nothing() -> None:
    articles = _fire()
    with open_store(":memory:") as store:
        for _ in range(2):
            assigner = Assigner(store, Tuning(recheck_every=1000, settle_reassign=True))
            with store.stories.write("the run"):
                outcomes = store.add_articles(list(reversed(articles)))
                assigner.assign_batch(list(reversed(articles)), [None] * 3, outcomes)
            assigner.settle()
        assert store.count_articles() == 3
        assert store.copy_links() == {articles[1].id: articles[0].id}
