"""The story bench's stream: a text that comes back is told of another happening."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from sitrep.store import Store
from tests.support.scripts import load_script

BENCH = Path(__file__).resolve().parents[3] / "benchmarks" / "bench_stories.py"

FERRY = ["The ferry left Harwick harbour at 6 in the morning with 212 passengers.",
         "Coastguard officers said the ferry hit rocks near Harwick.",
         "Rescuers from Tolmey reached the ship within 40 minutes."]
STORM = ["A storm closed the port of Harwick for two days.",
         "A sign on the quay read Port Closed For The Day Says Harwick Council.",
         "Fishermen in Harwick said the storm was the worst in 15 years, and the mayor says so."]


def _bench() -> ModuleType:
    return load_script(BENCH)


def test_names_are_the_words_written_capitalised_inside_a_sentence() -> None:
    assert _bench().names(FERRY) == {"Harwick", "Tolmey"}  # not "The", "Coastguard"


def test_a_headline_in_title_case_names_no_common_words() -> None:
    # "Port", "Closed", "Says" are written in lower case too; "For", "The" are stop words.
    assert _bench().names(STORM) == {"Harwick", "Council"}


def test_a_later_round_renames_names_and_figures_and_can_keep_the_topic_words() -> None:
    bench = _bench()
    assert bench.renamed(FERRY, 0) == FERRY
    told = bench.renamed(FERRY, 2, words=False)
    joined = " ".join(told)
    assert "Harwick" not in joined and "Tolmey" not in joined
    assert "212" not in joined and "40 minutes" not in joined
    assert told[0].startswith("The ferry left ") and " harbour at " in told[0]
    assert told[1].startswith("Coastguard officers said the ferry hit rocks near ")
    stand_in = told[1].split()[-1].rstrip(".")
    assert stand_in[0].isupper() and len(stand_in) == len("Harwick")
    # One name, one stand-in in every text of the round; another round, another one.
    assert stand_in in " ".join(bench.renamed(STORM, 2, words=False))
    assert stand_in not in " ".join(bench.renamed(FERRY, 3, words=False))


def test_a_later_round_renames_the_words_few_texts_write() -> None:
    bench = _bench()
    common = frozenset({"left", "said", "near", "reached", "within", "minutes", "officers"})
    told = bench.renamed(FERRY, 2, common)
    joined = " ".join(told)
    for word in ("ferry", "harbour", "passengers", "rocks", "Coastguard", "Rescuers"):
        assert word not in joined
    assert told[0].startswith("The ") and " left " in told[0] and " at " in told[0]
    assert " said the " in told[1] and " within " in told[2]
    # one word, one stand-in in the round (written at a sentence's start or inside it)
    first, second = told[0].split()[1], told[1].split()[4]
    assert first == second and first.islower() and len(first) == len("ferry")
    assert told[2].split()[0][0].isupper()  # "Rescuers" -> a capitalised stand-in
    assert bench.renamed(FERRY, 3, common)[0].split()[1] != first


def test_words_many_texts_write_are_common() -> None:
    common = _bench().common_tokens([FERRY, STORM], 2)
    assert {"the", "in", "harwick"} <= common and "rocks" not in common


def test_the_stream_tells_a_text_afresh_each_time_it_comes_back() -> None:
    bench = _bench()
    stream = bench.Stream([FERRY, STORM], window=1, shift=1)
    assert stream.live(0) == [FERRY] and stream.live(1) == [STORM]
    again = stream.live(2)[0]
    assert again != FERRY and again[0].startswith("The ") and len(again[0]) == len(FERRY[0])
    assert stream.live(2)[0] is again  # worked out once per round


def test_names_and_figures_many_texts_write_stay_themselves_in_a_later_round() -> None:
    bench = _bench()
    common = bench.common_tokens([FERRY, STORM], 2)
    assert "Harwick" in common  # both texts name it; "Tolmey" is the ferry's alone
    assert "Tolmey" not in common
    told = " ".join(bench.renamed(FERRY, 1, common))
    assert "Harwick" in told and "Tolmey" not in told
    stream = bench.Stream([FERRY, STORM], window=1, shift=1, common=common)
    assert "Harwick" in " ".join(stream.live(3)[0])
    # a figure both texts write (a year) stays; one the ferry alone writes does not
    dated = [[*FERRY, "It was the third wreck of 1998."], [*STORM, "The harbour was built in 1998."]]
    kept = bench.common_tokens(dated, 2)
    assert "1998" in kept and "212" not in kept
    again = " ".join(bench.renamed(dated[0], 1, kept))
    assert "1998" in again and "212" not in again


def test_a_retelling_renames_rare_terms_and_moves_days() -> None:
    bench = _bench()
    told = bench.Retelling(key=7, days=30, common=frozenset({"ferry"}))
    assert told.term("w:ferry") == "w:ferry" and told.term("h:ferry") == "h:ferry"
    assert told.term("w:harwick") == "w:harwick~7"
    assert told.term("d:2024-01-05") == "d:2024-02-04"
    assert told.day("2024-01-05T00:00:00") == "2024-02-04T00:00:00" and told.day(None) is None
    assert told.ident("abc") == bench.Retelling(7, 0, frozenset()).ident("abc") != told.ident("abd")


def test_retell_grows_a_store_as_the_assigner_would_have_written_it(tmp_path: Path) -> None:
    import random

    from sitrep.store import open_store

    bench = _bench()
    stream = bench.Stream([FERRY, STORM, FERRY[::-1]], window=3, shift=2, per_day=2)
    db = str(tmp_path / "bench.db")
    with open_store(db) as store:
        bench.fill(store, stream, random.Random(1), 6, 3)
        stories = len(store.stories.live_ids())
    assert bench.retell(db, stream, 15, span=4) == 9  # 4, 4, then the last 1
    with open_store(db) as store:
        assert store.count_articles() == 15
        rows = store._db.execute
        assert rows("SELECT df FROM term_df WHERE term = ''").fetchone()[0] == 15
        assert rows("SELECT count(*) FROM story_features").fetchone()[0] == 15
        assert rows("SELECT count(*) FROM story_articles").fetchone()[0] == 15
        assert len(store.stories.live_ids()) > stories
        # the retold terms are counted and indexed under their stand-ins
        retold = rows("SELECT terms, day FROM story_features ORDER BY rowid DESC").fetchone()
        assert "~" in retold[0] and retold[1] > "2024-01-03"
        # and the assigner goes on from there
        bench.fill(store, stream, random.Random(2), 17, 2)
        assert store.count_articles() == 17
        assert rows("SELECT count(*) FROM story_articles").fetchone()[0] == 17


def test_the_bench_counts_a_probes_sql_and_digests_its_stories(store: Store) -> None:
    from sitrep.models import Article, article_id
    from sitrep.stories import Assigner

    bench = _bench()
    tally = bench.SqlTally(store)
    text = " ".join(FERRY)
    url = "https://bench.example/test/0"
    article = Article(id=article_id(url, text), source="bench", text=text, url=url,
                      title=FERRY[0], outlet="outlet0", published="2024-01-01")
    before = bench.digest(store)
    tally.taken()
    bench.store_batch(store, Assigner(store), [(article, None)])
    statements, rows = tally.taken()
    assert statements > 0 and rows > 0 and tally.taken() == (0, 0)
    after = bench.digest(store)
    assert after != before and bench.digest(store) == after  # the stories, read twice
