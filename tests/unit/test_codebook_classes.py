"""scripts/codebook_classes.py on a tiny made-up WordNet and made-up CAMEO descriptions
(in the shape of gdelt's cameoCodes.json): head verbs, support verbs' event nouns and
pairs, framing heads, the CAMEO root -> PLOVER mapping, the modes of detail codes."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from tests.support.paths import REPO
from tests.support.scripts import load_script
from tests.support.wordnet import write_wordnet

DATA_VERB = [
    "00000100 32 v 01 praise 0 000 | express approval of",
    "00000200 41 v 01 make 0 000 | engage in",
    "00000300 32 v 01 threaten 0 000 | utter threats",
]
DATA_NOUN = [
    "00000900 04 n 01 visit 0 000 | the act of going to see",
    "00000910 04 n 01 blockade 0 000 | a closing off",
]
INDEX_VERB = ["make v 1 0 1 0 00000200", "praise v 1 0 1 0 00000100", "threaten v 1 0 1 0 00000300"]
INDEX_NOUN = ["blockade n 1 0 1 0 00000910", "visit n 1 0 1 0 00000900"]
# made-up descriptions under real CAMEO codes
DESCRIPTIONS = {
    "04": "CONSULT",  # a root's heading: no act
    "011": "Praise loudly",  # root 01 is dropped: no second category for "praise"
    "035": "Praise to threaten",  # framing: no AGREE row
    "042": "Make a short visit",
    "051": "Praise warmly",
    "080": "Threaten",  # the bare YIELD code is neither CONCEDE nor RETREAT
    "130": "Threaten",  # the root's general code: no mode
    "1381": "Threaten a blockade",
}


def cameo_json(tmp_path: Path) -> Path:
    path = tmp_path / "cameoCodes.json"
    codes = {code: code for code in DESCRIPTIONS}
    path.write_text(json.dumps({"cameoCode": codes, "Description": DESCRIPTIONS}), "utf-8")
    return path


@pytest.fixture(name="module")
def fixture_module() -> ModuleType:
    return load_script(REPO / "scripts" / "codebook_classes.py")


def rows_of(
    module: ModuleType, tmp_path: Path, source: Path
) -> dict[tuple[str, str, str], tuple[str, str]]:
    wn = module.WordNet(str(write_wordnet(tmp_path, DATA_VERB, DATA_NOUN, INDEX_VERB, INDEX_NOUN)))
    return {
        (r["lemma"], r["with"], r["pos"]): (r["type"], r["mode"])
        for r in module.codebook_rows(wn, frozenset(), str(source))
    }


def test_codebook_rows(module: ModuleType, tmp_path: Path) -> None:
    rows = rows_of(module, tmp_path, cameo_json(tmp_path))
    assert rows[("praise", "", "verb")] == ("SUPPORT", "praise")  # detail code 051: a mode
    assert rows[("threaten", "", "verb")] == ("THREATEN", "")  # general code 130: no mode
    assert rows[("visit", "", "noun")] == ("CONSULT", "visit")  # a support verb's event noun
    assert rows[("make", "visit", "verb")] == ("CONSULT", "visit")  # the pair
    assert ("make", "", "verb") not in rows  # a support verb names no act alone
    assert ("blockade", "", "noun") not in rows  # what a threat names is no threat


def test_rows_read_from_the_wheel_as_from_its_json(module: ModuleType, tmp_path: Path) -> None:
    source = cameo_json(tmp_path)
    wheel = tmp_path / "gdelt-0.1.14-py2.py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        zf.write(source, "gdelt-0.1.14.data/data/data/cameoCodes.json")
    assert rows_of(module, tmp_path, wheel) == rows_of(module, tmp_path, source)


def test_plover_category(module: ModuleType) -> None:
    category = module.plover_category
    assert category("0831") == "CONCEDE" and category("0841") == "RETREAT"
    assert category("080") is None and category("0211") is None  # bare YIELD; APPEAL dropped
    assert category("1823") == "ASSAULT" and category("2042") == "FIGHT"


def test_a_cached_wheel_is_not_downloaded(
    module: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wheel = tmp_path / "gdelt-0.1.14-py2.py3-none-any.whl"
    wheel.write_bytes(b"")

    def no_download(*args: object, **kwargs: object) -> None:
        raise AssertionError("pip download ran")

    monkeypatch.setattr(module.subprocess, "run", no_download)
    assert module.fetch_wheel(str(tmp_path)) == str(wheel)


def test_a_verb_heading_two_categories_is_no_lesk_cue(module: ModuleType, tmp_path: Path) -> None:
    wn = module.WordNet(str(write_wordnet(tmp_path, DATA_VERB, DATA_NOUN, INDEX_VERB, INDEX_NOUN)))
    table = [
        module.Description("CONSULT", "042", ["make", "a", "visit"]),
        module.Description("THREATEN", "1381", ["make", "a", "blockade"]),
        module.Description("THREATEN", "130", ["threaten"]),
    ]
    vocab = module.vocabulary(wn, table)
    assert "make" not in vocab["CONSULT"] | vocab["THREATEN"]
    assert {"visit", "consult"} <= vocab["CONSULT"] and "blockade" in vocab["THREATEN"]
