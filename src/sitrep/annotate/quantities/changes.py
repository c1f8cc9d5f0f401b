"""A change told with both its values is one quantity: "fell from 96 kilograms to 88".

NewsQuant and CQE annotate "from X to Y" as one quantity with a direction, and a
reader takes it as one fact: the figure is now Y, it was X. ``join_changes`` folds
the earlier value into the later one's record (``old_value``, ``old_start``,
``old_end``, ``change``); the later value keeps its own span, value and qualifiers.
Ranges ("from 6 to 8 percent") are joined before (``drafts.join_ranges``); here the
two values may stand further apart ("from $60 a tonne in May to $52.40").
"""

from __future__ import annotations

import re

from sitrep.annotate.quantities.drafts import (
    Draft,
    after_from,
    change_verb_before,
    one_magnitude,
    scaled,
    takes_scale,
)
from sitrep.annotate.quantities.movements import Move, contest_nouns, moved_before, told_re
from sitrep.models import Quantity

# "rose 35 cents to $8.60": the level reached after the amount of the move
_THEN_TO = re.compile(r"\s+to\s+")

# What may stand between the two values: a unit's rest, a date or a clock time ("in
# 2008", "at 9.30am"), but no clause break and no second "from" or coordination.
_GAP = re.compile(
    r"(?:[^.;:!?()\n]|(?<=\d)[.:](?=\d)){0,50}?\bto\s+",
    re.IGNORECASE,
)
_GAP_BREAK = re.compile(r"\b(?:from|and|but|while|whereas|or|then)\b", re.IGNORECASE)


def _opens_change(text: str, a: Draft, b: Draft) -> bool:
    """ "from X ... to Y", after a verb of change or falling: a change, not a range."""
    if not after_from(text, a):
        return False
    gap = _GAP.fullmatch(text, a.end, b.start)
    if gap is None or _GAP_BREAK.search(gap.group()):
        return False
    falling = a.value is not None and b.value is not None and b.value < a.value
    return falling or change_verb_before(text, a)


def _same_unit(a: Quantity, b: Quantity) -> bool:
    """One unit, or one rate written in full once ("$60 a tonne ... to $52.40")."""
    return (
        a.unit is None or b.unit is None or b.unit.startswith(a.unit) or a.unit.startswith(b.unit)
    )


def _told_direction(text: str, a: Draft) -> str | None:
    """ "up" or "down" when a verb of movement shortly before ``a`` says which way."""
    told = None
    for m in told_re().finditer(text, max(0, a.start - 60), a.start):
        told = "up" if m.group("up") else "down"
    return told


def _share_scale(text: str, a: Draft, old: Quantity, b: Draft) -> None:
    """ "from 8.5 to 11 billion euros": the earlier number is in the later one's scale,
    rising or falling (a range's ends only rise: ``drafts.takes_scale`` for both).

    Shared only when it reads so: the direction a verb tells ("grew from 900 to 1.2
    million" is no fall from 900 million) and, failing that, one magnitude of the two
    numbers as written."""
    if a.atoms[0].kind != "digits" or not takes_scale(text, a, b) or not old.value:
        return
    level = b.value if b.value is not None else b.low  # "from 12.5 to 14-15 billion"
    if level is None:
        return
    shared = scaled(old.value, b.scale)
    told = _told_direction(text, a)
    if told is not None:
        fits_shared = (level > shared) == (told == "up")
        fits_plain = (level > old.value) == (told == "up")
        if fits_shared != fits_plain:  # the verb decides
            if fits_shared:
                old.value = shared
            return
    if one_magnitude(old.value, level / b.scale):
        old.value = shared


def _merge(old: Quantity, new: Quantity) -> Quantity:
    assert old.value is not None and new.value is not None
    new.old_value, new.old_start, new.old_end = old.value, old.start, old.end
    if new.value != old.value:
        new.change = "up" if new.value > old.value else "down"
    if old.unit and (new.unit is None or len(old.unit) > len(new.unit)):
        new.unit = old.unit  # "from 96 kilograms to 88", "from $60 a tonne to $52.40"
    return new


def join_changes(text: str, kept: list[tuple[Draft, Quantity]]) -> list[Quantity]:
    """The quantities of ``kept`` (drafts and their records, in text order), each
    change's earlier value folded into its later one."""
    out: list[Quantity] = []
    i = 0
    while i < len(kept):
        a, old = kept[i]
        nxt = kept[i + 1] if i + 1 < len(kept) else None
        if nxt is None or not _opens_change(text, a, nxt[0]) or not _same_unit(old, nxt[1]):
            out.append(old)
            i += 1
            continue
        b, new = nxt
        _share_scale(text, a, old, b)
        if old.unit is None and old.counted is None:
            old.unit = new.unit  # "from 8.5 to 10-12 billion euros": the ends share a unit
        # A range or a qualified end is no single earlier value: both stay as they are.
        single = old.value is not None and new.value is not None and old.low is None
        if not single or old.approx or old.bound or old.counted:
            out.append(old)
            i += 1
            continue
        out.append(_merge(old, new))
        i += 2
    return out


def split_changes(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Each change's two values as quantities of their own, in text order, for readers
    that compare values one by one (a claim per value: the earlier one held before)."""
    out: list[Quantity] = []
    for q in quantities:
        if q.old_value is not None and q.old_start is not None and q.old_end is not None:
            s, e = q.old_start, q.old_end
            out.append(Quantity(s, e, text[s:e], q.old_value, unit=q.unit))
        out.append(q)
    return out


def moved_to_level(text: str, move: Quantity, level: Quantity) -> bool:
    """ "increased by $4 billion to $52 billion": ``move`` is the amount moved and
    ``level``, right after it in the same unit, the level reached; "fell 14% to $5,920"
    tells two figures."""
    return (
        move.change is not None
        and move.old_value is None
        and level.change == move.change
        and move.unit is not None
        and level.unit is not None
        and _same_unit(move, level)
        and _THEN_TO.fullmatch(text, move.end, level.start) is not None
    )


def _moves_nothing(moved: Move, q: Quantity) -> bool:
    """ "shot down 12 drones", "gave up 3 runs": "up"/"down" before a count of things is
    the particle of a verb taking them as object; "down 2%", "up 13 pence" tell a move.
    "lost 3 games" counts contests lost, where "lost 300 jobs" tells a fall."""
    if q.unit is not None:
        return False
    if moved.word.lower() in ("up", "down"):
        return True
    head = q.counted.split()[-1].lower() if q.counted else ""
    return head in contest_nouns()


def mark_directions(text: str, quantities: list[Quantity]) -> None:
    """``change`` up or down for a figure told as a move ("rose 3%", "down 13 pence",
    "fell to $5") and for the level reached after one ("rose 35 cents to $8.60"),
    as NewsQuant marks both."""
    prev: Quantity | None = None
    for q in quantities:
        if q.change is None and q.old_value is None:
            moved = moved_before(text, max(0, q.start - 30), q.start)
            if moved is not None and not _moves_nothing(moved, q):
                q.change = moved.direction
            elif q.text.startswith("+") and q.value is not None:
                q.change = "up"  # "tin +0.4%": a signed move
            elif prev is not None and prev.change and _THEN_TO.fullmatch(text, prev.end, q.start):
                q.change = prev.change
        prev = q
