"""Frames that read an event from the parse, not from the verb's own row: an actor's act
done "for talks" is a meeting, and a thing named with its owner acts for it. Made-up sentences."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.annotate.events.layer import find_events
from sitrep.annotate.events.plover import load_lexicon
from sitrep.annotate.events.verb_frames import names_actor
from sitrep.models import Annotations, Event


def events_of(nlp: Any, text: str) -> list[Event]:
    return find_events(nlp(text), Annotations(), None)


def test_an_act_for_talks_is_a_meeting(nlp: Any) -> None:
    events = events_of(nlp, "Egypt invited both delegations to Cairo for negotiations.")
    meeting = next(e for e in events if e.type == "CONSULT")
    assert meeting.source is not None and meeting.source.text == "Egypt"


def test_only_meetings_are_read_from_a_for_phrase(nlp: Any) -> None:
    events = events_of(nlp, "Ghana blamed Togo for the bombing.")
    assert [e.type for e in events] == ["DISAPPROVE"]  # no bombing by Ghana


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("Iranian drones circled the tanker.", True),  # a thing named with its owner
        ("Army bulldozers flattened the market.", True),
        ("Old drones circled the tanker.", False),
    ],
)
def test_a_subject_named_with_its_owner_names_an_actor(nlp: Any, text: str, acts: bool) -> None:
    doc = nlp(text)
    subject = next(t for t in doc if t.dep_ == "nsubj")
    assert names_actor(subject, load_lexicon()) is acts
