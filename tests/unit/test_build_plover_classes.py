"""scripts/build_plover_classes.py on a tiny made-up WordNet database: seeds, hyponyms,
derived event nouns, the sense-rank filter and the seed flags."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from tests.support.paths import REPO
from tests.support.scripts import load_script
from tests.support.wordnet import write_wordnet

SCRIPTS = REPO / "scripts"

# offset lexfile pos n_words words... n_pointers pointers... | gloss
DATA_VERB = [
    "00000100 33 v 01 attack 0 002 ~ 00000200 v 0000 + 00000900 n 0101 | begin hostilities",
    "00000200 33 v 02 raid 0 foray 0 000 | attack suddenly",
    "00000300 38 v 01 foray 0 000 | go on a trip",
    "00000400 33 v 01 storm 0 000 | take by force",
]
DATA_NOUN = ["00000900 04 n 01 attack 0 000 | an offensive"]
# lemma pos n_synsets n_pointer_kinds kinds... n_senses n_tagged offsets (most frequent first)
INDEX_VERB = [
    "attack v 1 2 ~ + 1 0 00000100",
    "foray v 2 0 2 0 00000300 00000200",
    "raid v 1 0 1 0 00000200",
    "storm v 1 0 1 0 00000400",
]
INDEX_NOUN = ["attack n 1 0 1 0 00000900"]


def load() -> ModuleType:
    return load_script(SCRIPTS / "build_plover_classes.py")


@pytest.fixture()
def wordnet(tmp_path: Path) -> Path:
    return write_wordnet(tmp_path, DATA_VERB, DATA_NOUN, INDEX_VERB, INDEX_NOUN)


def rows_for(module: ModuleType, folder: Path, seed: str) -> set[tuple[str, str, str]]:
    setattr(module, "SEEDS", {"ASSAULT": [(seed, "")]})  # noqa: B010
    wn = module.WordNet(str(folder))
    return {(r["lemma"], r["pos"], r["type"]) for r in module.build(wn)}


def test_class_takes_hyponyms_and_derived_nouns(wordnet: Path) -> None:
    rows = rows_for(load(), wordnet, "attack.v.1")
    assert ("attack", "verb", "ASSAULT") in rows
    assert ("raid", "verb", "ASSAULT") in rows  # hyponym whose first sense it is
    assert ("attack", "noun", "ASSAULT") in rows  # derived act noun
    assert ("foray", "verb", "ASSAULT") not in rows  # its first sense is a trip
    assert ("storm", "verb", "ASSAULT") not in rows  # not below the seed


def test_seed_flags(wordnet: Path) -> None:
    module = load()
    alone = rows_for(module, wordnet, "attack.v.1=")
    assert ("raid", "verb", "ASSAULT") not in alone
    assert ("attack", "noun", "ASSAULT") in alone
    word_only = rows_for(module, wordnet, "raid.v.1!")
    assert word_only == {("raid", "verb", "ASSAULT")}


def test_derivations_name_the_verb_of_act_nouns(tmp_path: Path) -> None:
    """ "invasion" is formed from "invade"; "raiding" (-ing) and "raider" (a person) are not."""
    verbs = [
        "00000100 33 v 01 invade 0 001 + 00000900 n 0101 | march aggressively into",
        "00000200 33 v 01 raid 0 002 + 00000910 n 0101 + 00000920 n 0101 | attack suddenly",
    ]
    nouns = [
        "00000900 04 n 01 invasion 0 001 + 00000100 v 0101 | the act of invading",
        "00000910 04 n 01 raiding 0 001 + 00000200 v 0101 | the act of raiding",
        "00000920 18 n 01 raider 0 001 + 00000200 v 0101 | someone who raids",
    ]
    index_verb = ["invade v 1 1 + 1 0 00000100", "raid v 1 1 + 1 0 00000200"]
    index_noun = [
        "invasion n 1 1 + 1 0 00000900",
        "raider n 1 1 + 1 0 00000920",
        "raiding n 1 1 + 1 0 00000910",
    ]
    module = load()
    wn = module.WordNet(str(write_wordnet(tmp_path, verbs, nouns, index_verb, index_noun)))
    assert module.derivations(wn) == [{"noun": "invasion", "verb": "invade"}]


def test_a_row_names_every_seed_of_its_type_that_reaches_it(wordnet: Path) -> None:
    """ "raid" is its own seed and lies below "attack": the row stands on both, nearest first."""
    module = load()
    setattr(module, "SEEDS", {"ASSAULT": [("attack.v.1", ""), ("raid.v.1!", "")]})  # noqa: B010
    rows = {r["lemma"] + "/" + r["pos"]: r["seed"] for r in module.build(module.WordNet(str(wordnet)))}
    assert rows["raid/verb"] == "raid.v.1! attack.v.1"
    assert rows["attack/verb"] == "attack.v.1"


def test_a_second_sense_joins_when_both_senses_are_acts_of_one_kind(tmp_path: Path) -> None:
    """ "maul" (two contact senses, the class sense second) joins below "attack"; "foray",
    whose first sense is a trip, and "pummel", with three senses, do not."""
    verbs = [
        "00000100 33 v 01 attack 0 003 ~ 00000200 v 0000 ~ 00000500 v 0000 ~ 00000600 v 0000 | fight",
        "00000200 33 v 01 foray 0 000 | attack suddenly",
        "00000300 38 v 01 foray 0 000 | go on a trip",
        "00000500 33 v 01 maul 0 000 | attack and injure",
        "00000510 33 v 01 maul 0 000 | handle roughly",
        "00000600 33 v 01 pummel 0 000 | attack with fists",
        "00000610 33 v 01 pummel 0 000 | strike repeatedly",
        "00000620 33 v 01 pummel 0 000 | defeat soundly",
    ]
    index_verb = [
        "attack v 1 1 ~ 1 0 00000100",
        "foray v 2 0 2 0 00000300 00000200",
        "maul v 2 0 2 0 00000510 00000500",
        "pummel v 3 0 3 0 00000610 00000600 00000620",
    ]
    folder = write_wordnet(tmp_path, verbs, DATA_NOUN, index_verb, INDEX_NOUN)
    rows = rows_for(load(), folder, "attack.v.1")
    assert ("maul", "verb", "ASSAULT") in rows
    assert ("foray", "verb", "ASSAULT") not in rows
    assert ("pummel", "verb", "ASSAULT") not in rows


def test_a_noun_seed_reaches_the_verb_it_is_derived_from(tmp_path: Path) -> None:
    """A noun seed names an act: its verb ("raid" for "a raid") joins the class, recording the
    noun seed; the verb of a synonym ("storming") whose linked sense is only its third
    ("storm") stays out."""
    verbs = [
        "00000100 33 v 01 raid 0 001 + 00000900 n 0101 | attack suddenly",
        "00000200 33 v 01 storm 0 001 + 00000900 n 0102 | take by force",
        "00000210 43 v 01 storm 0 000 | blow hard",
        "00000220 32 v 01 storm 0 000 | rage",
    ]
    nouns = [
        "00000900 04 n 02 raid 0 storming 0 002 + 00000100 v 0101 + 00000200 v 0201 | an attack",
    ]
    index_verb = ["raid v 1 1 + 1 0 00000100", "storm v 3 1 + 3 0 00000210 00000220 00000200"]
    index_noun = ["raid n 1 1 + 1 0 00000900"]
    module = load()
    setattr(module, "SEEDS", {"ASSAULT": [("raid.n.1", "")]})  # noqa: B010
    wn = module.WordNet(str(write_wordnet(tmp_path, verbs, nouns, index_verb, index_noun)))
    rows = {(r["lemma"], r["pos"]): r["seed"] for r in module.build(wn)}
    assert rows[("raid", "verb")] == "raid.n.1"
    assert ("storm", "verb") not in rows


def test_a_seeds_antonym_joins_the_mirror_type(tmp_path: Path) -> None:
    """ "extol" (SUPPORT) and "decry" (DISAPPROVE) are WordNet antonyms: each row stands on
    both seeds; "belittle", an antonym of another kind than the mirror's seeds, stays out."""
    verbs = [
        "00000100 32 v 01 extol 0 002 ! 00000200 v 0101 ! 00000300 v 0101 | speak well of",
        "00000200 32 v 01 decry 0 001 ! 00000100 v 0101 | speak ill of",
        "00000300 31 v 01 belittle 0 001 ! 00000100 v 0101 | think little of",
    ]
    index_verb = [
        "belittle v 1 1 ! 1 0 00000300",
        "decry v 1 1 ! 1 0 00000200",
        "extol v 1 1 ! 1 0 00000100",
    ]
    module = load()
    folder = write_wordnet(tmp_path, verbs, DATA_NOUN, index_verb, INDEX_NOUN)
    wn = module.WordNet(str(folder))
    setattr(module, "SEEDS", {"SUPPORT": [("extol.v.1", "")], "DISAPPROVE": [("decry.v.1", "")]})  # noqa: B010
    rows = {r["lemma"]: (r["type"], r["seed"]) for r in module.build(wn)}
    assert rows["extol"] == ("SUPPORT", "extol.v.1 decry.v.1")
    assert rows["decry"] == ("DISAPPROVE", "decry.v.1 extol.v.1")
    assert "belittle" not in rows


def test_an_antonym_without_a_mirror_type_stays_out(tmp_path: Path) -> None:
    """A type with no mirror in the codebook ("rescue" vs an assault) lends its antonyms to none."""
    verbs = [
        "00000100 33 v 01 maim 0 001 ! 00000200 v 0101 | injure badly",
        "00000200 33 v 01 rescue 0 001 ! 00000100 v 0101 | save from harm",
    ]
    index_verb = ["maim v 1 1 ! 1 0 00000100", "rescue v 1 1 ! 1 0 00000200"]
    module = load()
    folder = write_wordnet(tmp_path, verbs, DATA_NOUN, index_verb, INDEX_NOUN)
    rows = rows_for(module, folder, "maim.v.1")
    assert rows == {("maim", "verb", "ASSAULT")}


def test_a_mode_names_its_own_mirror_type(tmp_path: Path) -> None:
    """A RETREAT seed of the "demobilize" mode mirrors MOBILIZE, not COERCE: "stand down"
    undoes a call-up, so "muster" (its antonym) stands on it as a MOBILIZE row."""
    verbs = [
        "00000100 33 v 01 unmuster 0 001 ! 00000200 v 0101 | release from service",
        "00000200 33 v 01 muster 0 001 ! 00000100 v 0101 | call to arms",
    ]
    index_verb = ["muster v 1 1 ! 1 0 00000200", "unmuster v 1 1 ! 1 0 00000100"]
    module = load()
    wn = module.WordNet(str(write_wordnet(tmp_path, verbs, DATA_NOUN, index_verb, INDEX_NOUN)))
    seeds = {
        "RETREAT": [("unmuster.v.1", "demobilize")],
        "MOBILIZE": [("muster.v.1", "troops")],
    }
    setattr(module, "SEEDS", seeds)  # noqa: B010
    rows = {r["lemma"]: (r["type"], r["seed"]) for r in module.build(wn)}
    assert rows["muster"] == ("MOBILIZE", "muster.v.1 unmuster.v.1")
    assert rows["unmuster"] == ("RETREAT", "unmuster.v.1 muster.v.1")
    assert module.mirror_of("RETREAT", "demobilize") == "MOBILIZE"
    assert module.mirror_of("RETREAT", "release") == "COERCE"


def test_the_seed_nouns_own_verb_joins_whatever_its_rank(tmp_path: Path) -> None:
    """ "a march" of protest names its verb in the same sense, though "march" walks first:
    the seed word's own verb joins; a synonym's verb of that rank ("parade") does not."""
    verbs = [
        "00000100 38 v 01 march 0 000 | walk in step",
        "00000110 38 v 01 march 0 000 | walk fast",
        "00000120 41 v 01 march 0 001 + 00000900 n 0101 | march in protest",
        "00000200 41 v 01 parade 0 001 + 00000900 n 0102 | parade in protest",
        "00000210 38 v 01 parade 0 000 | walk ostentatiously",
        "00000220 39 v 01 parade 0 000 | display",
    ]
    nouns = [
        "00000900 04 n 02 march 0 parade 0 002 + 00000120 v 0101 + 00000200 v 0201 | a protest",
    ]
    index_verb = [
        "march v 3 1 + 3 0 00000100 00000110 00000120",
        "parade v 3 1 + 3 0 00000210 00000220 00000200",
    ]
    index_noun = ["march n 1 1 + 1 0 00000900", "parade n 1 1 + 1 0 00000900"]
    module = load()
    setattr(module, "SEEDS", {"PROTEST": [("march.n.1", "demonstrate")]})  # noqa: B010
    wn = module.WordNet(str(write_wordnet(tmp_path, verbs, nouns, index_verb, index_noun)))
    rows = {(r["lemma"], r["pos"]): r["seed"] for r in module.build(wn)}
    assert rows[("march", "verb")] == "march.n.1"
    assert ("parade", "verb") not in rows


def test_the_seed_verbs_own_nominalisation_joins_whatever_its_rank(tmp_path: Path) -> None:
    """ "suspend" in its freezing sense is named by "suspension", though that noun's first
    senses are others; a synonym's noun of that rank ("freezing") does not join."""
    verbs = [
        "00000100 30 v 02 suspend 0 freeze 0 003 + 00000930 n 0101 + 00000940 n 0201"
        " + 00000950 n 0202 | stop for a time",
    ]
    nouns = [
        "00000910 27 n 01 suspension 0 000 | a mixture",
        "00000920 26 n 01 suspension 0 000 | a state of rest",
        "00000930 11 n 01 suspension 0 001 + 00000100 v 0101 | an interruption",
        "00000940 11 n 01 freezing 0 001 + 00000100 v 0102 | a stop",
        "00000950 11 n 02 frost 0 freeze 0 001 + 00000100 v 0202 | a cold spell",
    ]
    index_verb = ["suspend v 1 1 + 1 0 00000100", "freeze v 1 1 + 1 0 00000100"]
    index_noun = [
        "freeze n 1 1 + 1 0 00000950",
        "freezing n 3 1 + 3 0 00000910 00000920 00000940",
        "frost n 1 1 + 1 0 00000950",
        "suspension n 3 1 + 3 0 00000910 00000920 00000930",
    ]
    module = load()
    setattr(module, "SEEDS", {"SANCTION": [("suspend.v.1=", "")]})  # noqa: B010
    wn = module.WordNet(str(write_wordnet(tmp_path, verbs, nouns, index_verb, index_noun)))
    rows = {(r["lemma"], r["pos"]): r["type"] for r in module.build(wn)}
    assert rows[("suspension", "noun")] == "SANCTION"
    assert ("freezing", "noun") not in rows


def test_verb_classes_take_the_verbs_their_seeds_reach(wordnet: Path) -> None:
    """A frame's verb class holds the seed's verbs and troponyms, not its nouns, and names its seeds."""
    module = load()
    setattr(module, "VERB_CLASSES", {"halt": ["attack.v.1"], "ease": ["storm.v.1="]})  # noqa: B010
    setattr(module, "ADJECTIVE_CLASSES", {})  # noqa: B010
    rows = module.verb_classes(module.WordNet(str(wordnet)))
    assert {(r["class"], r["lemma"], r["seed"]) for r in rows} == {
        ("halt", "attack", "attack.v.1"),
        ("halt", "raid", "attack.v.1"),
        ("ease", "storm", "storm.v.1="),
    }


def test_a_second_sense_joins_when_the_first_is_its_figurative_feeling(tmp_path: Path) -> None:
    """ "torment" (first a feeling, then bodily harm) joins below "injure"; "scrape", whose
    first sense is another kind of act (cooking), does not."""
    verbs = [
        "00000100 29 v 01 injure 0 002 ~ 00000500 v 0000 ~ 00000600 v 0000 | cause bodily harm",
        "00000500 29 v 01 torment 0 000 | subject to torture",
        "00000510 37 v 01 torment 0 000 | distress emotionally",
        "00000600 29 v 01 scrape 0 000 | graze the skin",
        "00000610 34 v 01 scrape 0 000 | scrape a pan clean",
    ]
    index_verb = [
        "injure v 1 1 ~ 1 0 00000100",
        "scrape v 2 0 2 0 00000610 00000600",
        "torment v 2 0 2 0 00000510 00000500",
    ]
    folder = write_wordnet(tmp_path, verbs, DATA_NOUN, index_verb, INDEX_NOUN)
    rows = rows_for(load(), folder, "injure.v.1")
    assert ("torment", "verb", "ASSAULT") in rows
    assert ("scrape", "verb", "ASSAULT") not in rows
