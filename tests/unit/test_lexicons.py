"""The one word-list loader: one CSV format, one override folder."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from sitrep import config, lexicons
from sitrep.errors import SitrepError


def packaged_names() -> list[str]:
    names = []
    for package in lexicons.PACKAGES:
        folder = resources.files(package).joinpath("data")
        names += [f.name for f in folder.iterdir() if f.is_file()]
    return names


def test_every_packaged_list_is_csv_with_a_header_and_a_unique_name() -> None:
    names = packaged_names()
    assert len(names) == len(set(names))  # an override names one list only
    for name in names:
        assert name.endswith(".csv"), name
        rows = lexicons.rows(name)
        assert rows, name
        header = list(rows[0])
        assert all(list(r) == header for r in rows), name
        assert all(v == v.strip() for r in rows for v in r.values()), name


def test_format() -> None:
    text = "# a comment\n\n  # an indented comment\nword, value\n one ,1\ntwo\n# more\nthree,3,x\n"
    rows = lexicons.parse(text.splitlines(keepends=True), "test")
    assert rows == [{"word": "one", "value": "1"}, {"word": "two", "value": ""},
                    {"word": "three", "value": "3"}]
    with pytest.raises(SitrepError, match="header"):
        lexicons.parse(["# nothing but comments\n"], "empty.csv")
    with pytest.raises(SitrepError, match="no word list named"):
        lexicons.rows("no_such_list.csv")


def test_override_folder_replaces_a_list_by_name(tmp_path: Path) -> None:
    (tmp_path / "plan_cues.csv").write_text("word\nintends\n", encoding="utf-8")
    shipped = lexicons.column("plan_cues.csv", "word")
    config.use(config.load(env={"SITREP_LEXICONS": str(tmp_path)}))
    try:
        assert lexicons.column("plan_cues.csv", "word") == ["intends"]
        assert lexicons.rows("unit_scales.csv") == config_free_rows("unit_scales.csv")
    finally:
        config.use(None)
    assert lexicons.column("plan_cues.csv", "word") == shipped


def config_free_rows(name: str) -> list[lexicons.Row]:
    return lexicons.parse(lexicons.packaged(name).read_text("utf-8").splitlines(), name)


def test_time_words_take_counting_words_from_number_words() -> None:
    from sitrep.annotate.times.time_words import counting_words

    counted = {r["word"]: r["value"] for r in counting_words()}
    assert counted["twelve"] == "12" and counted["dozen"] == "12"
    assert "zero" not in counted and "thousands" not in counted and "half" not in counted


def test_counting_word_alternations_choose_vague_counts_phrases_and_skips() -> None:
    import re

    from sitrep.annotate.times.time_words import load_lexicon

    lex = load_lexicon()

    def whole(alternation: str, text: str) -> bool:
        return re.fullmatch(rf"(?:{alternation})", text) is not None

    assert whole(lex.counts(), "several") and whole(lex.counts(), "a   dozen")
    assert not whole(lex.counts(vague=False), "several")
    assert whole(lex.counts(vague=False), "a couple of")
    assert not whole(lex.counts(phrases=False), "a dozen")
    assert not whole(lex.counts(skip=frozenset({"an"})), "an") and whole(lex.counts(), "an")
    # longest first: a search takes "a dozen", not its "a"
    found = re.match(rf"(?:{lex.counts()})\b", "a dozen years")
    assert found is not None and found.group() == "a dozen"


def test_stop_word_lists_share_one_file_and_an_unknown_list_is_an_error() -> None:
    assert "said" in lexicons.stop_words("news")
    assert "the" in lexicons.stop_words("salience")
    assert "of" in lexicons.stop_words("initials")
    assert lexicons.stop_words("salience") is lexicons.stop_words("salience")  # read once
    with pytest.raises(SitrepError, match="no list named"):
        lexicons.stop_words("no_such_list")


def test_stop_words_are_the_users_of_the_lists() -> None:
    from sitrep.annotate.entities.mentions import _initials
    from sitrep.brief.salience import terms
    from sitrep.stories.features import stop_words

    assert terms("The minister said the bridge collapsed") == ["minister", "bridge", "collapsed"]
    assert _initials("Bank of the Americas") == ("BA", "BOTA")
    assert {"said", "percent", "the"} <= stop_words()
