"""Actors the tagger reads as no name or as a thing: a body it missed that speaks under
its own name, a vehicle or product told by several outlets, and a person it misread as a
product. Small stories built here; the tagger's reading is set by hand where it matters."""

from __future__ import annotations

from sitrep.brief import build_brief
from sitrep.brief.actors import _bare, _pool
from sitrep.models import Annotations, EntityMention
from tests.support.brief import Pair, annotated, make

_OUTLETS = ("Alpha News", "Beta Post", "Gamma Wire")


def story(*texts: str) -> list[Pair]:
    return annotated([make(t, id="abc"[i], outlet=_OUTLETS[i], published="2019-03-04")
                      for i, t in enumerate(texts)])


def names(pairs: list[Pair]) -> list[str]:
    return [a.name for a in build_brief(pairs, story_id="s").actors]


def retag(pairs: list[Pair], text: str, type_: str) -> list[Pair]:
    """The story with every mention ``text`` typed ``type_`` (added where untagged)."""
    out = []
    for art, ann in pairs:
        spans, at = [], art.text.find(text)
        while at >= 0:
            spans.append(EntityMention(at, at + len(text), text, type_, "t:" + text, text))
            at = art.text.find(text, at + 1)
        ents = [m for m in ann.entities
                if not any(m.start < t.end and t.start < m.end for t in spans)] + spans
        ents.sort(key=lambda m: m.start)
        out.append((art, Annotations(ann.sentences, ents, ann.times, ann.quantities,
                                     ann.attributions, ann.events)))
    return out


_LEDGER = (
    "The Ledger reported on Monday that Harlow Motors is building a folding bicycle. "
    "Harlow Motors declined to comment on the bicycle.",
    "Harlow Motors is building a folding bicycle, The Ledger reported on Monday. "
    "The bicycle weighs less than a laptop.",
    "Harlow Motors plans a folding bicycle. The bicycle was first shown to a few buyers "
    "in a closed room.",
)


def test_a_name_the_tagger_missed_that_speaks_in_two_outlets_is_an_actor() -> None:
    pairs = story(*_LEDGER)  # the tagger reads no name in "The Ledger reported"
    assert all("Ledger" not in m.text for _, ann in pairs for m in ann.entities)
    assert any(name.endswith("Ledger") for name in names(pairs))


def test_a_capitalised_word_opening_a_statement_is_no_missed_name() -> None:
    listed = names(story(
        "Officials said on Monday that Harlow Motors lost a truck on a hill.",
        "Harlow Motors lost a truck on Monday. Officials said it rolled down a hill.",
        "A Harlow Motors truck rolled down a hill on Monday. Officials said nobody was hurt.",
    ))
    assert "Officials" not in listed


def test_an_office_speaking_unnamed_is_no_missed_name() -> None:
    listed = names(story(
        "The Prime Minister said on Monday that Harlow Motors would get a loan.",
        "Harlow Motors will get a loan, the Prime Minister said on Monday.",
        "Harlow Motors will be saved, the Prime Minister said. Harlow Motors gave thanks.",
    ))
    assert "Prime Minister" not in listed


_FLIGHT = (
    "Flight 90 turned back to Denver on Monday after a passenger boarded the wrong plane. "
    "The airline said Flight 90 landed safely.",
    "The crew of Flight 90 found an extra passenger on Monday. Flight 90 returned to Denver.",
    "A passenger mix-up sent Flight 90 back to Denver on Monday, the airline said.",
)


def test_a_flight_several_outlets_tell_is_an_actor() -> None:
    assert "Flight 90" in names(retag(story(*_FLIGHT), "Flight 90", "PRODUCT"))


def test_a_person_misread_as_a_product_is_listed_once_under_the_name() -> None:
    texts = [t + " Singer Rosa Lind was on board, and Rosa Lind said she was calm."
             for t in _FLIGHT]
    pairs = retag(story(*texts), "Singer Rosa Lind", "PRODUCT")
    listed = names(pairs)
    assert "Rosa Lind" in listed
    assert "Singer Rosa Lind" not in listed


def test_a_name_tagged_a_product_is_pooled_apart_from_the_body() -> None:
    app = EntityMention(0, 6, "Lumo X", "PRODUCT", "e1", "Lumo X")
    firm = EntityMention(10, 16, "Lumo X", "PERSON", "e2", "Lumo X")
    assert _pool(app) != _pool(firm)


def test_a_name_keeps_no_stray_quotation_mark() -> None:
    assert _bare("`Ocean Letters") == "Ocean Letters"
    assert _bare("“Harlow Motors”") == "Harlow Motors"
    assert _bare("Jane O’Hara") == "Jane O’Hara"


def test_a_maker_and_its_product_are_two_actors() -> None:
    pairs = retag(story(
        "Harlow Motors recalled the Harlow Motors Z5 on Monday. The Harlow Motors Z5 caught "
        "fire twice. Harlow Motors said owners should park outside.",
        "The Harlow Motors Z5 was recalled on Monday. Harlow Motors said the battery failed.",
        "Harlow Motors said on Monday it would fix every Harlow Motors Z5 for free.",
    ), "Harlow Motors Z5", "PRODUCT")
    listed = names(pairs)
    assert "Harlow Motors Z5" in listed
    assert "Harlow Motors" in listed
