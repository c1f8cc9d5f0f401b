"""PLOVER-coded events: who did what to whom, when, where, reported by whom."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sitrep.models import Annotations, Event

if TYPE_CHECKING:
    from spacy.tokens import Doc


def find_events(doc: Doc, ann: Annotations, published: date | None) -> list[Event]:
    """Events of ``doc``, using the entity, time and attribution layers in ``ann``."""
    return []
