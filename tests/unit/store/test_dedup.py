"""Duplicate and near-duplicate detection: the pure functions, then the store's outcomes."""

from __future__ import annotations

import pytest

from sitrep.store import Store
from sitrep.store.dedup import (
    BANDS,
    COPY_THRESHOLD,
    NUM_PERM,
    band_keys,
    canonical_url,
    estimate_jaccard,
    jaccard,
    pack_signature,
    shingles,
    signature,
    text_hash,
    text_signature,
    unpack_signature,
)
from tests.support.store import IRAN_REPORT, NK_OTHER_REPORT, NK_REPORT, make_article, wire_copy

# ------------------------------------------------------------ pure functions


def test_text_hash_folds_case_spacing_and_punctuation() -> None:
    assert text_hash("North Korea,  said KCNA.") == text_hash("north korea said\nKCNA")
    assert text_hash("North Korea said") != text_hash("South Korea said")


@pytest.mark.parametrize(("a", "b"), [
    ("https://www.Example.com/news/a/", "http://example.com/news/a"),
    ("https://example.com/a?utm_source=tw&id=3#top", "https://example.com/a?id=3"),
    ("https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2"),
])
def test_canonical_url_folds_variants_of_one_page(a: str, b: str) -> None:
    assert canonical_url(a) == canonical_url(b)


def test_canonical_url_keeps_distinct_pages_apart() -> None:
    assert canonical_url("https://example.com/a?id=3") != canonical_url("https://example.com/a?id=4")
    assert canonical_url("https://example.com/a") != canonical_url("https://example.org/a")
    assert canonical_url(None) is None
    assert canonical_url("  ") is None


def test_shingles_of_short_and_empty_texts() -> None:
    assert shingles("") == set()
    assert shingles(" ,. ") == set()
    assert len(shingles("too short")) == 1
    assert len(shingles("one two three four five six")) == 2


def test_signature_is_deterministic_and_packs() -> None:
    sig = text_signature(NK_REPORT)
    assert sig is not None and len(sig) == NUM_PERM
    assert sig == text_signature(NK_REPORT)  # fixed hash functions, no random seed
    assert unpack_signature(pack_signature(sig)) == sig
    assert signature([]) is None


def test_estimate_tracks_exact_jaccard() -> None:
    pairs = [(NK_REPORT, wire_copy(NK_REPORT, 1)), (NK_REPORT, NK_OTHER_REPORT),
             (IRAN_REPORT, wire_copy(IRAN_REPORT, 0))]
    for a, b in pairs:
        sa, sb = shingles(a), shingles(b)
        estimate = estimate_jaccard(signature(sa) or [], signature(sb) or [])
        assert abs(estimate - jaccard(sa, sb)) < 0.15


@pytest.mark.parametrize("variant", [0, 1, 2])
@pytest.mark.parametrize("body", [NK_REPORT, IRAN_REPORT])
def test_same_article_under_other_chrome_is_a_copy(body: str, variant: int) -> None:
    a, b = text_signature(body), text_signature(wire_copy(body, variant))
    assert a and b
    assert estimate_jaccard(a, b) >= COPY_THRESHOLD
    assert set(band_keys(a)) & set(band_keys(b))  # LSH finds it as a candidate


def test_two_reports_of_the_same_event_are_not_copies() -> None:
    a, b, c = (text_signature(t) for t in (NK_REPORT, NK_OTHER_REPORT, IRAN_REPORT))
    assert a and b and c
    assert estimate_jaccard(a, b) < 0.2
    assert estimate_jaccard(a, c) < 0.2


def test_band_keys_one_per_band_and_signed_64_bit() -> None:
    keys = band_keys(text_signature(NK_REPORT) or [])
    assert [band for band, _ in keys] == list(range(BANDS))
    assert all(-(2**63) <= key < 2**63 for _, key in keys)


# ------------------------------------------------------------ store outcomes


def _nk(url: str | None = "https://example.com/nk", text: str = NK_REPORT):
    return make_article(text, url=url, title="North Korean and Russian officials meet")


def test_outcomes_added_duplicate_copy(store: Store) -> None:
    original = _nk()
    outcomes = store.add_articles([
        original,
        make_article(NK_OTHER_REPORT, url="https://other.example/nk"),
        make_article(wire_copy(NK_REPORT, 1), url="https://ap.example/nk"),
        make_article(NK_REPORT, url="https://www.example.com/nk/?utm_source=x"),  # same URL
        make_article(NK_REPORT.upper().replace(",", " ;"), url="https://third.example/nk"),
    ])
    assert [o.status for o in outcomes] == ["added", "added", "copy", "duplicate", "duplicate"]
    assert outcomes[2].of == original.id and (outcomes[2].similarity or 0) >= COPY_THRESHOLD
    assert outcomes[3].of == original.id and outcomes[4].of == original.id
    assert store.count_articles() == 3
    assert store.copies_of(original.id) == [outcomes[2].article_id]
    assert store.original_of(outcomes[2].article_id) == original.id
    assert store.original_of(original.id) is None
    assert store.copy_links() == {outcomes[2].article_id: original.id}


def test_same_batch_twice_adds_nothing(store: Store) -> None:
    batch = [_nk(), make_article(IRAN_REPORT), make_article(wire_copy(NK_REPORT, 2))]
    first = store.add_articles(batch)
    second = store.add_articles(batch)
    assert [o.status for o in first] == ["added", "added", "copy"]
    assert [o.status for o in second] == ["duplicate"] * 3
    assert [o.of for o in second] == [a.id for a in batch]
    assert store.count_articles() == 3


def test_known_ids(store: Store) -> None:
    stored = [make_article(f"Story {i} about the harvest in region {i}.") for i in range(600)]
    store.add_articles(stored)
    asked = [a.id for a in stored[::2]] + ["0000000000000000", stored[0].id]
    assert store.known_ids(asked) == {a.id for a in stored[::2]}
    assert store.known_ids([]) == set()


def test_duplicate_within_one_batch(store: Store) -> None:
    outcomes = store.add_articles([_nk(), _nk()])
    assert [o.status for o in outcomes] == ["added", "duplicate"]


def test_copy_of_a_copy_points_at_the_original(store: Store) -> None:
    original = _nk(url=None)
    copies = [make_article(wire_copy(NK_REPORT, v), url=f"https://site{v}.example/nk")
              for v in range(3)]
    outcomes = store.add_articles([original, *copies])
    assert [o.of for o in outcomes[1:]] == [original.id] * 3
    assert store.copies_of(original.id) == [c.id for c in copies]


def test_another_member_can_become_the_original(store: Store) -> None:
    # The settle's order-free choice among near-copies (stories/reassign.py).
    original = _nk(url=None)
    copies = [make_article(wire_copy(NK_REPORT, v), url=f"https://site{v}.example/nk")
              for v in range(2)]
    store.add_articles([original, *copies])
    store.stories.put_features(original.id, {"goremykin": 1.0}, None)
    with store.stories.write("swap"):
        store.set_original(copies[1].id, [original.id, copies[0].id])
        store.stories.drop_features([original.id])
    assert store.copy_links() == {original.id: copies[1].id, copies[0].id: copies[1].id}
    rows = dict(store._db.execute("SELECT id, similarity FROM articles").fetchall())
    assert rows[copies[1].id] is None and rows[original.id] is not None
    assert store.stories.features([original.id]) == {}
    assert [h.article_id for h in store.search("Goremykin")] == [copies[1].id]


def test_copies_left_out_of_search_unless_asked(store: Store) -> None:
    original, copy = _nk(), make_article(wire_copy(NK_REPORT, 0), url="https://ap.example/nk")
    store.add_articles([original, copy])
    assert [h.article_id for h in store.search("Goremykin")] == [original.id]
    found = {h.article_id for h in store.search("Goremykin", include_copies=True)}
    assert found == {original.id, copy.id}
    assert store.count_articles(include_copies=False) == 1
    assert [a.id for a in store.iter_articles(include_copies=False)] == [original.id]


def test_articles_without_words_are_not_duplicates_of_each_other(store: Store) -> None:
    outcomes = store.add_articles([
        make_article("", url="https://example.com/video/1"),
        make_article(" … ", url="https://example.com/video/2"),
    ])
    assert [o.status for o in outcomes] == ["added", "added"]


def test_candidates_come_from_the_band_index(store: Store) -> None:
    # Many unrelated articles in the store: the copy is still found, by its bands.
    fillers = [make_article(f"Filler story number {i} about harvest {i * 7} tonnes in region "
                            f"{i} with weather report {i} and market prices {i * 3}")
               for i in range(40)]
    store.add_articles([*fillers, _nk()])
    outcome = store.add_articles([make_article(wire_copy(NK_REPORT, 1))])[0]
    assert outcome.status == "copy" and outcome.of == _nk().id


def test_a_short_notice_under_other_headlines_is_two_pages(store: Store) -> None:
    notice = "Sign up for our morning newsletter to get the headlines first."
    outcomes = store.add_articles([
        make_article(notice, url="https://paper.example/a", title="Bridge closed after barge strike"),
        make_article(notice, url="https://paper.example/b", title="School board picks new head"),
        make_article(notice, url="https://paper.example/c", title="Bridge closed after barge strike"),
    ])
    # the second page is kept (the notice matches it as a near copy, not as the same page);
    # the same headline over the same notice is still the same page
    assert [o.status for o in outcomes][::2] == ["added", "duplicate"]
    assert outcomes[1].status != "duplicate"
    assert store.count_articles(include_copies=True) == 2


def test_a_long_body_is_one_report_whatever_its_headline(store: Store) -> None:
    outcomes = store.add_articles([
        make_article(NK_REPORT, url="https://one.example/nk", title="Officials meet"),
        make_article(NK_REPORT, url="https://two.example/nk", title="Talks held in Pyongyang"),
    ])
    assert [o.status for o in outcomes] == ["added", "duplicate"]
