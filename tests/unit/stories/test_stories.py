"""Stories on every backend: incremental assignment, copies, bridges, records, export,
and the seed documents."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from click.testing import CliRunner

from sitrep.cli import cli
from sitrep.export import export_rows
from sitrep.pipeline import ingest as pipeline_ingest
from sitrep.store import Store
from sitrep.stories import Tuning, assign_unassigned, story_record
from sitrep.stories.features import MAX_TERMS, profile, stem, words
from sitrep.stories.happening import LEAD_WORDS, MARKERS
from tests.support.store import NK_REPORT, make_article, wire_copy
from tests.support.stories import ingest, iran, later_iran, later_nk, nk, story


def test_profile_is_unit_length_and_namespaced() -> None:
    prof = profile(make_article(NK_REPORT, title="Talks in Pyongyang"), None)
    assert abs(sum(v * v for v in prof.terms.values()) - 1.0) < 1e-9
    assert "w:pyongyang" in prof.terms and "w:phase" not in prof.terms  # the last paragraph
    weighed = [t for t in prof.terms if not t.startswith(MARKERS)]  # markers weigh nothing
    assert len(weighed) <= MAX_TERMS + 3  # the first terms in reading order, and the title's
    assert len(prof.terms) - len(weighed) <= LEAD_WORDS + 3  # the lead's, the title's, one
    short = profile(make_article("Around 15,000 troops were sent.", title="Troops"), None)
    assert "n:15000" in short.terms and short.terms["w:troop"] > short.terms["w:sent"]
    assert stem("troops") == "troop" and stem("agencies") == "agency"
    assert "said" not in words("KCNA said the talks")


def test_related_articles_join_and_unrelated_start_a_story(store: Store) -> None:
    first = ingest(store, [*nk(), *iran()])
    assert [a.how for a in first] == ["new", "joined", "new"]
    nk_story, iran_story = first[0].story_id, first[2].story_id
    assert first[1].story_id == nk_story != iran_story
    later = ingest(store, [later_iran(), later_nk()])
    assert [a.story_id for a in later] == [iran_story, nk_story]
    record = story_record(store, nk_story)
    assert record.article_count == 3
    assert (record.first_date, record.last_date) == ("2025-11-07", "2025-11-08")
    assert record.title and store.stories.live_ids()[0] in (nk_story, iran_story)


def test_story_ids_are_stable_across_stores(store: Store, tmp_path: Path) -> None:
    from sitrep.store import open_store

    ids = [a.story_id for a in ingest(store, [*nk(), *iran()])]
    with open_store(str(tmp_path / "again.db")) as other:
        assert [a.story_id for a in ingest(other, [*nk(), *iran()])] == ids


def test_copy_joins_its_originals_story(store: Store) -> None:
    original = make_article(NK_REPORT, url="https://a.example/nk")
    ingest(store, [original, *iran()])
    copy = make_article(wire_copy(NK_REPORT, 1), url="https://b.example/nk-wire")
    (assigned,) = ingest(store, [copy])
    assert assigned.how == "copy" and assigned.story_id == story(store, original)
    record = story_record(store, assigned.story_id)
    assert record.copies == 1 and set(record.outlets) == {"a.example", "b.example"}


def test_duplicates_are_not_assigned_twice(store: Store) -> None:
    ingest(store, nk())
    assert ingest(store, nk()) == []
    assert sum(story_record(store, s).article_count for s in store.stories.live_ids()) == 2


def test_article_bridging_two_stories_merges_them(store: Store) -> None:
    strict = Tuning(join=0.2, bridge=0.1, bridge_centroids=0.0)
    a, b = nk()
    first = ingest(store, [a], strict)
    second = ingest(store, [later_iran()], strict)
    assert first[0].story_id != second[0].story_id
    (bridge,) = ingest(store, [b], strict)  # close to NK, and above 0.1 to the Iran one?
    if bridge.merged:
        gone = bridge.merged[0]
        assert store.stories.resolve(gone) == bridge.story_id
        assert any(e["action"] == "merge" and not e["manual"]
                   for e in store.stories.history(bridge.story_id))
    assert bridge.story_id == story(store, a)


def test_date_gap_lowers_similarity(store: Store) -> None:
    a, b = nk()
    far = make_article(b.text, title=b.title, published="2027-06-01")
    ingest(store, [a])
    (assigned,) = ingest(store, [far], Tuning(join=0.5))
    assert assigned.how == "new"


def test_assign_unassigned_backfills(store: Store) -> None:
    store.add_articles([*nk(), *iran()])
    done = assign_unassigned(store)
    assert len(done) == 3 and done[0].story_id == done[1].story_id != done[2].story_id
    assert assign_unassigned(store) == []


def test_export_rows_carry_the_contract_fields(store: Store) -> None:
    ingest(store, [*nk(), *iran(), later_nk()])
    rows = list(export_rows(store, "stories"))
    assert len(rows) == 2
    for row in rows:
        assert {"id", "title", "articles", "first_date", "last_date", "outlets", "actors",
                "related"} <= set(row)
    assert sorted(len(r["articles"]) for r in rows) == [1, 3]


def test_seeds_brief_with_nk_report_and_iran_apart(store: Store, news_page: Path,
                                                   seed_brief: Path) -> None:
    pipeline_ingest([seed_brief, news_page], store)
    by_story: dict[str, list[str]] = {}
    for sid in store.stories.live_ids():
        by_story[sid] = [m.title or "" for m in store.stories.members(sid)]
    assert len(by_story) == 2, by_story
    texts = {sid: " ".join(store.get_article(m.article_id).text for m in
                           store.stories.members(sid)) for sid in by_story}
    nk_story = next(s for s, t in texts.items() if "Goremykin" in t)
    iran_story = next(s for s in texts if s != nk_story)
    assert len(by_story[nk_story]) == 2  # the brief and the Pyongyang report
    assert "Iran" in texts[iran_story] and "Goremykin" not in texts[iran_story]


def test_cli_stories_show_and_export(tmp_path: Path) -> None:
    from sitrep.store import open_store

    db = str(tmp_path / "cli.db")
    with open_store(db) as store:
        ids = [a.story_id for a in ingest(store, [*nk(), *iran()])]
    runner = CliRunner()
    listed = runner.invoke(cli, ["stories", "--db", db, "--format", "jsonl"])
    assert listed.exit_code == 0, listed.output
    assert {json.loads(line)["id"] for line in listed.output.splitlines()} == set(ids)
    assert runner.invoke(cli, ["stories", "--db", db]).exit_code == 0
    shown = runner.invoke(cli, ["show", ids[0], "--db", db, "--format", "json"])
    assert shown.exit_code == 0 and json.loads(shown.output)["article_count"] == 2
    table = runner.invoke(cli, ["show", ids[0], "--db", db, "--format", "table"])
    assert table.exit_code == 0 and "joined by: word" in table.output
    assert not json.loads(runner.invoke(cli, ["show", ids[2], "--db", db, "--format",
                                              "json"]).output)["shared"]  # one article
    csv_out = runner.invoke(cli, ["export", "stories", "--db", db, "--format", "csv"])
    assert csv_out.exit_code == 0 and csv_out.output.startswith("id,title")


def test_story_lists_what_its_reports_share(store: Store) -> None:
    nk_story = ingest(store, [*nk(), *iran()])[0].story_id
    shared = story_record(store, nk_story).shared
    labels = {r["label"] for r in shared}
    assert {"pyongyang", "talk"} <= labels, shared
    assert all(r["articles"] == 2 for r in shared) and len(shared) <= 8
    assert "iran" not in labels


def test_exact_duplicates_under_other_ids_are_listed_as_aliases(store: Store) -> None:
    first = nk()[0]
    same_text = dataclasses.replace(first, id="dump-record-2")
    same_url = make_article(NK_REPORT + " Updated.", url="https://example.com/nk?utm_source=x")
    same_url_again = dataclasses.replace(
        make_article("Another text.", url="https://example.com/nk"), id="dump-record-3")
    done = ingest(store, [first, same_text, same_url, same_url_again])
    assert len(done) == 2  # the two duplicates are not assigned themselves
    assert store.known_ids(["dump-record-2", "dump-record-3"]) == set()
    record = story_record(store, story(store, first))
    assert record.articles[:2] == [first.id, "dump-record-2"]
    assert "dump-record-3" in record.articles and record.article_count == 2
    assert sorted(record.aliases) == ["dump-record-2", "dump-record-3"]
    # A second run of the same dump adds no alias twice.
    ingest(store, [same_text, same_url_again])
    assert story_record(store, story(store, first)).articles == record.articles
    rows = list(export_rows(store, "stories"))
    assert "dump-record-2" in rows[0]["articles"] and "dump-record-3" in rows[0]["articles"]
