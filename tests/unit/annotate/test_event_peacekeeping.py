"""A nominal force movement is typed as its verb is: moving peacekeepers is aid (AID),
moving other forces a force posture (MOBILIZE). Made-up sentences."""

from __future__ import annotations

from typing import Any

from sitrep.annotate.events.layer import find_events
from sitrep.models import Annotations


def types_of(nlp: Any, text: str) -> set[str]:
    return {e.type for e in find_events(nlp(text), Annotations(), None)}


def test_a_deployment_of_peacekeepers_is_aid(nlp: Any) -> None:
    text = "A deployment of Kenyan peacekeeping troops reached Juba, the mission said."
    found = types_of(nlp, text)
    assert "AID" in found and "MOBILIZE" not in found


def test_a_deployment_of_troops_stays_a_force_posture(nlp: Any) -> None:
    text = "A deployment of Kenyan troops reached the border, the ministry said."
    found = types_of(nlp, text)
    assert "MOBILIZE" in found and "AID" not in found
