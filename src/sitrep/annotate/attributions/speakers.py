"""Tie an attribution's source span to a canonical entity.

Only the mentions the entity layer produced are used: the mention holding the
source's head word wins (the ORG in "South Korea's National Intelligence
Service", not the GPE possessive); a pronoun takes the most recent compatible
speaker, or the only compatible mention of the previous sentences.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from sitrep.models import EntityMention

SPEAKER_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PRONOUN_TYPES: dict[str, frozenset[str]] = {
    "he": frozenset({"PERSON"}),
    "she": frozenset({"PERSON"}),
    "him": frozenset({"PERSON"}),
    "her": frozenset({"PERSON"}),
    "his": frozenset({"PERSON"}),
    "it": frozenset({"ORG", "GPE"}),
    "its": frozenset({"ORG", "GPE"}),
}
PRONOUN_WINDOW_CHARS = 600  # about two sentences back


@dataclass(slots=True)
class SourceRef:
    """What the resolver needs to know about one source."""

    start: int
    end: int
    head_start: int  # character span of the head word
    head_end: int
    pronoun: str | None = None  # lower-case pronoun when the source is one
    antecedent: tuple[int, int] | None = None  # noun phrase a relative pronoun stands for


class EntityResolver:
    """Looks up mentions by position; remembers speakers for pronouns."""

    def __init__(self, entities: Sequence[EntityMention]) -> None:
        self._mentions = sorted(entities, key=lambda e: (e.start, e.end))
        self._starts = [e.start for e in self._mentions]
        self._speakers: list[tuple[int, EntityMention]] = []  # (position, mention)

    def resolve(self, ref: SourceRef) -> str | None:
        mention = self._lookup(ref)
        if mention is not None:
            self._speakers.append((ref.start, mention))
            return mention.entity_id
        return None

    def _lookup(self, ref: SourceRef) -> EntityMention | None:
        if ref.antecedent is not None:
            return self._in_span(*ref.antecedent, *ref.antecedent)
        if ref.pronoun is not None:
            return self._antecedent(ref.start, PRONOUN_TYPES.get(ref.pronoun))
        return self._in_span(ref.start, ref.end, ref.head_start, ref.head_end)

    def _overlapping(self, start: int, end: int) -> list[EntityMention]:
        hi = bisect.bisect_left(self._starts, end)
        return [e for e in self._mentions[:hi] if e.end > start]

    def _in_span(
        self, start: int, end: int, head_start: int, head_end: int
    ) -> EntityMention | None:
        inside = self._overlapping(start, end)
        for e in inside:
            if e.start < head_end and head_start < e.end:
                return e
        # a named speaker inside a descriptive phrase ("a spokesman for the ministry")
        for e in inside:
            if e.type in ("PERSON", "ORG"):
                return e
        return None

    def _antecedent(self, pos: int, types: frozenset[str] | None) -> EntityMention | None:
        if not types:
            return None
        window = pos - PRONOUN_WINDOW_CHARS
        for where, mention in reversed(self._speakers):
            if where < window:
                break
            if mention.type in types:
                return mention
        before = [e for e in self._overlapping(window, pos) if e.end <= pos and e.type in types]
        # only when unambiguous: every compatible mention nearby is the same entity
        if before and len({e.entity_id for e in before}) == 1:
            return before[-1]
        return None
