"""The PLOVER trigger lexicon and the word classes the event layer reasons with.

Both live in CSV files under ``data/`` so they can grow without code changes:
``plover_triggers.csv`` maps verb and noun lemmas (optionally with a required
particle, object, modifier or governing word) to a PLOVER type and mode;
``plover_words.csv`` lists small word classes (light verbs, speech verbs, ...).
``plover_classes.csv`` holds the broad verb and noun classes of each type, built
from WordNet senses named by the codebook (scripts/build_plover_classes.py); the
hand-written trigger rows take precedence over them. ``plover_nouns.csv`` adds
the nouns WordNet files under armed forces, armed services and military vehicles
to the ``military`` class, and those under person, organisation, people and state to the
``actor`` class, and to the wider ``agent`` class (subjects that can be a source)
the nouns one of whose two first senses lies there or under social groups.
``plover_verb_classes.csv`` adds the verbs WordNet puts under the codebook's senses of
ending, lifting, relaxing and reducing to the ``ease`` and ``halt`` classes, and the
adjectives of the codebook's "willingness or commitment" to the ``willing`` class.
``plover_codebook.csv`` holds the rows read mechanically off the codebook's category
descriptions ("Abduct, hijack", "Make a visit": scripts/codebook_classes.py); every
other list overrides them.
``plover_derivations.csv`` names the verb each WordNet event noun is formed from
("invasion" -> "invade"): a noun without a row takes its verb's row.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field

from sitrep import lexicons

# Types are named as in the PLOVER gold standard; PLOVER 2.0 folds four of them.
PLOVER2_NAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
# Acts that, announced for the future or conditioned ("unless"), are threats.
HOSTILE_TYPES = frozenset({"ASSAULT", "FIGHT", "COERCE", "SANCTION", "PROTEST"})


def plover2_type(event_type: str) -> str:
    """The PLOVER 2.0 name of an event type (REQUEST for DEMAND, ...)."""
    return PLOVER2_NAMES.get(event_type, event_type)


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    mode: str | None


@dataclass(frozen=True, slots=True)
class PloverLexicon:
    # (lemma, with) -> trigger; with == "" for rows that need no companion word
    verbs: dict[tuple[str, str], Trigger]
    nouns: dict[tuple[str, str], Trigger]
    # lemma -> companion words that have rows of their own
    verb_companions: dict[str, frozenset[str]]
    noun_companions: dict[str, frozenset[str]]
    words: dict[str, frozenset[str]]
    # event noun -> the verb it is formed from ("withdrawal" -> "withdraw")
    derived: dict[str, str] = field(default_factory=dict)

    def in_class(self, name: str, lemma: str) -> bool:
        return lemma in self.words.get(name, frozenset())


def read_triggers(
    name: str,
) -> tuple[dict[tuple[str, str], Trigger], dict[tuple[str, str], Trigger]]:
    verbs: dict[tuple[str, str], Trigger] = {}
    nouns: dict[tuple[str, str], Trigger] = {}
    for row in lexicons.rows(name):
        table = verbs if row["pos"] == "verb" else nouns
        key = (row["lemma"].lower(), row["with"].lower())
        table[key] = Trigger(row["type"].upper(), row["mode"] or None)
    return verbs, nouns


def read_words(*names: str) -> dict[str, frozenset[str]]:
    classes: dict[str, set[str]] = defaultdict(set)
    for row in (row for name in names for row in lexicons.rows(name)):
        classes[row["class"]].add(row["lemma"].lower())
    return {k: frozenset(v) for k, v in classes.items()}


def _companions(table: dict[tuple[str, str], Trigger]) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for lemma, with_ in table:
        if with_:
            out[lemma].add(with_)
    return {k: frozenset(v) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def load_lexicon() -> PloverLexicon:
    # lowest first: codebook descriptions, then WordNet classes, then hand rows
    verbs, nouns = read_triggers("plover_codebook.csv")
    for name in ("plover_classes.csv", "plover_triggers.csv"):
        more_verbs, more_nouns = read_triggers(name)
        verbs.update(more_verbs)
        nouns.update(more_nouns)
    return PloverLexicon(
        verbs=verbs,
        nouns=nouns,
        verb_companions=_companions(verbs),
        noun_companions=_companions(nouns),
        words=read_words("plover_words.csv", "plover_nouns.csv", "plover_verb_classes.csv"),
        derived={r["noun"]: r["verb"] for r in lexicons.rows("plover_derivations.csv")},
    )
