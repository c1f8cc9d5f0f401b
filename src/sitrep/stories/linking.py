"""One anchor term per entity, whichever outlet names it (issue 13).

The annotate layer gives every mention a store-wide entity id, but the id
depends on how one article spells the name: "Acme Inc." and "Acme",
"President Macron" and "Macron", "the Pentagon" and "Pentagon" get different
ids. For grouping reports
into stories such differences split one event: two outlets' reports share
no anchor and the assigner discounts them as two happenings. Here each
mention gets a story key instead:

- resolved places and countries keep their id (GeoNames id, ISO code: the
  gazetteer already unifies "the U.S." and "United States");
- other names are folded (case, diacritics, hyphens, dots, spaces), lose
  leading articles, honorifics and titles and trailing corporate suffixes;
- a bare surname or an acronym is left to the annotator, which ties it to
  the full name the same article gives (also tried here, for surnames typed
  as organisations and acronyms by their initials: no better on Giveme, GVA
  precision -0.003: a shooting's victim and suspect share a family name);
- the kind stays part of the key (person, organisation, place, group): a
  person and a company of one name are two anchors. (Keys of any kind,
  tried: a circuit tagged as a place here and a company there joined, but
  ECB+ fell 0.006: its twin events share names of different kinds.)

The key is the entity id the annotator gives a plain mention of the same name
and kind (``stable_id(group, key)``), so ``sitrep show`` still finds its name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from sitrep.models import EntityMention, stable_id


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words before a name that say who someone is, not who: dropped from the key.
HONORIFICS = _word_set(
    "the a an mr mrs ms miss mx dr prof sir dame lord lady rev gen adm col lt capt sgt sen rep gov "
    "president premier minister secretary chancellor king queen prince princess emir sultan "
    "pope sheikh ayatollah imam judge mayor governor senator")
# Legal forms after a company's name: one outlet writes them, the next does not.
CORPORATE = _word_set(
    "inc incorporated corp corporation co ltd limited llc llp plc ag sa nv gmbh spa bv ab")
# The annotator's id spaces (annotate.entities.keys.TYPE_GROUPS, not imported: importing
# sitrep.annotate loads the whole annotation stack).
_GROUPS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place",
           "NORP": "group"}
_NON_WORD = re.compile(r"[^\w]+")
_DOTS = re.compile(r"(?<=\b\w)\.")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'"})
_POSSESSIVE = re.compile(r"'s?(?=\s|$)")


def fold_words(name: str) -> list[str]:
    """The lower-case words of a name without accents, dots, possessives or punctuation."""
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = _DOTS.sub("", _POSSESSIVE.sub("", text))  # "u.s." -> "us"
    return _NON_WORD.sub(" ", text).replace("_", " ").split()


def core_words(name: str) -> list[str]:
    """The words that identify a name: honorifics, titles and legal forms dropped
    (never all of them: "The Guardian" stays "guardian", "Co" stays "co")."""
    words = fold_words(name)
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    while len(words) > 1 and words[-1] in CORPORATE:
        words = words[:-1]
    return words


def story_ids(mentions: Iterable[EntityMention]) -> list[tuple[int, str]]:
    """(offset, story entity id) of each mention of one article."""
    return [(m.start, story_id(m)) for m in mentions if m.entity_id]


def story_id(m: EntityMention) -> str:
    """The id one entity gets in every outlet's report (see the module docstring)."""
    if _resolved_place(m):
        return m.entity_id
    words = core_words(m.name or m.text)
    return stable_id(_group(m.type), "".join(words)) if words else m.entity_id


def part_ids(m: EntityMention) -> list[str]:
    """The story ids of the shorter forms of an organisation's name: the runs of its
    core words that open or close it ("Acme Airlines": "Acme", "Airlines"; "Port
    Elwin Harbour Board": "Port", "Port Elwin", ..., "Harbour Board", "Board").

    One outlet names a company in full, the next by its short name ("United
    Airlines", "United"): two ids, no shared anchor. A part is matched only against
    a name the other report writes alone (assign.anchor_factor), never against
    another name's part: "Elwin Harbour Board" and "Elwin Rail Board" share none."""
    if m.type != "ORG" or not m.entity_id or _resolved_place(m):
        return []
    words = core_words(m.name or m.text)
    runs = [words[:i] for i in range(1, len(words))] + [words[i:] for i in range(1, len(words))]
    return [stable_id(_group(m.type), "".join(run)) for run in runs]


def _group(label: str) -> str:
    """The id space of an entity type, as the annotator keys it (GPE, LOC and FAC
    are one: a model calls one place by any of them)."""
    return _GROUPS.get(label, label.lower())


def _resolved_place(m: EntityMention) -> bool:
    """A place the gazetteer resolved, or a country: its id is one already."""
    if m.country and m.entity_id == stable_id("country", m.country):
        return True
    return bool(m.is_place() and m.place and m.place.get("geonameid"))
