"""scripts/score_events_heldout.py: which lexicon rows a held-out reading drops."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from tests.support.paths import REPO
from tests.support.scripts import load_script

CLASSES = """# comment
lemma,with,pos,type,mode,seed
garrotte,,verb,ASSAULT,,kill.v.1
kill,,verb,ASSAULT,,kill.v.1
kidnap,,verb,COERCE,abduction,kidnap.v.1
abduct,,verb,COERCE,abduction,kidnap.v.1 seize.v.2
"""


def load() -> ModuleType:
    return load_script(REPO / "scripts" / "score_events_heldout.py")


def kept(tmp_path: Path, by_seed: bool) -> set[str]:
    module = load()
    data = tmp_path / "data"
    data.mkdir()
    (data / "plover_classes.csv").write_text(CLASSES, encoding="utf-8")
    setattr(module, "DATA", str(data))  # noqa: B010
    out = tmp_path / "out"
    # the held-out half uses "garrotte", "kidnap" and "abduct"; the fitting one "kill" and "seize"
    fit, other = {"kill", "seize"}, {"kill", "garrotte", "kidnap", "abduct"}
    module.held_out_lists(str(out), fit, other, ("plover_classes.csv",), by_seed)
    lines = (out / "plover_classes.csv").read_text(encoding="utf-8").splitlines()
    return {line.split(",")[0] for line in lines[2:]}


def test_by_lemma_drops_every_word_only_the_held_out_half_uses(tmp_path: Path) -> None:
    assert kept(tmp_path, by_seed=False) == {"kill"}


def test_by_seed_keeps_words_reached_from_a_shared_seed(tmp_path: Path) -> None:
    assert kept(tmp_path, by_seed=True) == {"kill", "garrotte", "abduct"}


def test_by_seed_drops_a_row_only_when_every_seed_is_held_out(tmp_path: Path) -> None:
    # "kidnap" stands on its own seed alone; "abduct" on "seize" too, which the fitting half has
    assert "kidnap" not in kept(tmp_path, by_seed=True)


def test_verb_class_rows_stand_on_their_lemma_or_their_seeds() -> None:
    module = load()
    cells = ["ease", "shorten", "reduce.v.1 end.v.2="]
    assert module.row_words("plover_verb_classes.csv", cells, False) == ["shorten"]
    assert module.row_words("plover_verb_classes.csv", cells, True) == ["reduce", "end"]
    assert module.row_words("plover_words.csv", ["light", "hold"], True) == ["hold"]
