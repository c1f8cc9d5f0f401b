"""Discrepancies: figures, events and titles that cannot all hold, or that changed.

Figures are compared within a group (same key, compatible affiliations).
Two figures of different articles in the same time frame whose ranges
cannot overlap conflict; figures that change across time frames form one
developing series (an update, not a contradiction).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import combinations

from sitrep.reconcile import explain
from sitrep.reconcile.claims import (
    NO_KEY,
    Claim,
    ClaimKey,
    Discrepancy,
    EventClaim,
    QuantityClaim,
    RoleClaim,
)
from sitrep.reconcile.config import BriefConfig
from sitrep.reconcile.frames import order_key, same_frame
from sitrep.reconcile.incidents import same_incident, same_repetition, telling
from sitrep.reconcile.measures import INFERRED, is_change, is_fixed, is_volatile
from sitrep.reconcile.partition import Partition
from sitrep.reconcile.quantities import agree, overlaps
from sitrep.reconcile.roles import title_of
from sitrep.reconcile.timeref import human
from sitrep.reconcile.years import YEAR_DIMENSION


def quantity_groups(claims: Sequence[QuantityClaim]) -> list[list[QuantityClaim]]:
    """Figures about one thing: the same key, and affiliations that do not differ
    ("DPRK soldiers" joins "soldiers"; "Russian soldiers" does not)."""
    by_key: dict[ClaimKey, list[QuantityClaim]] = defaultdict(list)
    joined = _widened_keys([c for c in claims if not c.dimension])
    for c in claims:
        by_key[joined.get(c.key, c.key)].append(c)
    groups: list[list[QuantityClaim]] = []
    for members in by_key.values():
        named: dict[frozenset[str], list[QuantityClaim]] = defaultdict(list)
        bare: list[QuantityClaim] = []
        for c in members:
            (named[c.affiliation] if c.affiliation else bare).append(c)
        if len(named) == 1:
            groups.append(next(iter(named.values())) + bare)
        else:
            groups.extend(named.values())
            if bare:
                groups.append(bare)
    return [sorted(band, key=order_key)
            for g in groups for part in _by_place(g) for band in _by_magnitude(part)]


def _kinds(key: ClaimKey) -> frozenset[str] | None:
    """The kind words of a count's key ("tower" of "six tower cranes"); None for a
    part or a share of a whole, or a claim without a key."""
    if key == NO_KEY:
        return None
    words = frozenset(key.modifiers.split())
    return None if "of" in words else words


def _widened_keys(claims: Sequence[QuantityClaim]) -> dict[ClaimKey, ClaimKey]:
    """ "five cranes" and "six tower cranes": the head noun keys a count, and a
    kind word one outlet adds does not contradict the other's. A key joins the nearest key
    whose kind words hold all of its own, when there is one nearest (with "fire boats" and
    "sea boats" both told, "boats" could be either and stays apart), and no report tells
    both ("15,000 troops, 5,000 of them construction troops": a part, not another count)."""
    told: dict[ClaimKey, set[str]] = defaultdict(set)
    for c in claims:
        told[c.key].add(c.citation.article)
    kinds = {k: w for k in told if (w := _kinds(k)) is not None}
    out: dict[ClaimKey, ClaimKey] = {}
    for key, mine in kinds.items():
        wider = [k for k, w in kinds.items()
                 if mine < w and k.beside_modifiers() == key.beside_modifiers()]
        nearest = [k for k in wider if not any(kinds[w] < kinds[k] for w in wider)]
        if len(nearest) == 1 and not told[key] & told[nearest[0]]:
            out[key] = nearest[0]
    return {k: _widest(k, out) for k in out}


def _widest(key: ClaimKey, to: dict[ClaimKey, ClaimKey]) -> ClaimKey:
    while key in to:
        key = to[key]
    return key


def _by_magnitude(group: list[QuantityClaim]) -> list[list[QuantityClaim]]:
    """Measurements of one kind an order of magnitude apart measure different things
    ("bitcoin fell to $6,000", "the market fell to $282 billion"); counts stay together,
    since a toll may grow tenfold."""
    if not group or not group[0].dimension:
        return [group]
    def size(c: QuantityClaim) -> float:  # "up to $5,000" is of the size of $5,000
        return c.cmp_low or c.cmp_high or 0.0

    bands: list[list[QuantityClaim]] = []
    for c in sorted(group, key=size):
        if bands and size(c) <= 10 * max(size(bands[-1][0]), 1e-9):
            bands[-1].append(c)
        else:
            bands.append([c])
    return bands


def _by_place(group: list[QuantityClaim]) -> list[list[QuantityClaim]]:
    """Figures of one key split where they share no place: "30 killed" in Pakistan and
    "50 killed" in Somalia are different tolls, even when a story mixes them."""
    parts: list[tuple[set[str], list[QuantityClaim]]] = []
    for c in group:
        joined = [p for p in parts if not c.places or not p[0] or p[0] & c.places]
        if not joined:
            parts.append((set(c.places), [c]))
            continue
        keep = joined[0]
        keep[0].update(c.places)
        keep[1].append(c)
        for other in joined[1:]:
            keep[0].update(other[0])
            keep[1].extend(other[1])
            parts.remove(other)
    return [members for _, members in parts]


def about(group: Sequence[QuantityClaim]) -> str:
    """A label for what a group counts: the commonest counted words and the predicate."""
    counts: dict[str, int] = defaultdict(int)
    for c in group:
        counts[c.counted.strip()] += 1
    counted = max(counts, key=lambda k: (counts[k], -len(k)))
    if group[0].dimension:  # a measurement: what it measures, and the dimension
        label = f"{counted} ({group[0].dimension.split(':')[0]})"
        return label if group[0].scope == "current" else f"{label}, {human(group[0].scope)}"
    pred = group[0].predicate
    if pred and group[0].key.mode == "planned":
        pred += ", planned"
    label = f"{counted} ({pred})" if pred else counted
    scope = group[0].scope
    return label if scope == "current" else f"{label}, {human(scope)}"


def quantity_discrepancies(
    groups: Sequence[Sequence[QuantityClaim]], config: BriefConfig
) -> list[Discrepancy]:
    out: list[Discrepancy] = []
    for group in groups:
        pred = group[0].predicate
        if group[0].dimension in _INCIDENT_DIMENSIONS:
            out.extend(_incident_conflicts(group))
            continue
        if ((not pred and not group[0].whole) or pred.endswith(INFERRED) or group[0].part
                or is_change(pred, group[0].dimension)):
            # "70 passengers" and "450 passengers" may count different things; an age
            # whose person is guessed may be someone else's; parts of a group ("21 of
            # the girls", "12 of the hostages") may be different parts; "down 22%" and
            # "down 14%" may be over different periods.
            continue
        if group[0].dimension == "age" and _several(group):
            continue  # "a 31-year-old woman" and "a 29-year-old woman" in one report: two women
        volatile = is_volatile(group[0].predicate, group[0].dimension)
        if not volatile:
            out.extend(_conflicts(group, config))
        update = _update(group, config, volatile)
        if update is not None:
            out.append(update)
    return out


def _conflicts(group: Sequence[QuantityClaim], config: BriefConfig) -> list[Discrepancy]:
    reports = _changes(group)
    return _clash_sets(group, [
        (i, j) for (i, a), (j, b) in combinations(enumerate(group), 2)
        if a.citation.article != b.citation.article and same_frame(a, b, config)
        and a.remaining == b.remaining  # what is left is told after the whole count
        and not agree(a, b) and not _told_as_change(reports, a, b)
    ])


# Figures of a happening, compared only within one happening: its position in a series
# ("lap 13") and the year it is dated to.
_INCIDENT_DIMENSIONS = frozenset({"position", YEAR_DIMENSION})


def _incident_conflicts(group: Sequence[QuantityClaim]) -> list[Discrepancy]:
    """Positions of one happening told differently ("lap 13" and "lap 14" of one
    person's crash). A past happening's lap does not change, so the reports' dates
    do not matter; positions of different happenings are never compared."""
    words = telling([c.incident for c in group], [c.citation.article for c in group])
    return _clash_sets(group, [
        (i, j) for (i, a), (j, b) in combinations(enumerate(group), 2)
        if a.citation.article != b.citation.article and not overlaps(a.span, b.span)
        and (same_incident(a.incident, b.incident, words)
             or (same_repetition(a.incident, b.incident, words) and _near(a, b)))
    ])


# Positions a miscount apart ("lap 28", "lap 29"): one repeated deed told by two outlets;
# a repetition told far apart ("crashes again" on lap 12 and on lap 40) is two deeds.
_NEAR_POSITIONS = 2.0


def _near(a: QuantityClaim, b: QuantityClaim) -> bool:
    return abs(a.cmp_low - b.cmp_low) <= _NEAR_POSITIONS


def _clash_sets(
    group: Sequence[QuantityClaim], pairs: Sequence[tuple[int, int]]
) -> list[Discrepancy]:
    """One conflict per set of claims joined by clashing pairs (indices into group)."""
    joined = Partition(len(group))
    for i, j in pairs:
        joined.union(j, i)
    parts: dict[int, list[QuantityClaim]] = defaultdict(list)
    for i in sorted({k for pair in pairs for k in pair}):
        parts[joined.find(i)].append(group[i])
    return [
        Discrepancy("quantity_conflict", about(group), list(claims), explain.conflict(claims))
        for claims in parts.values()
    ]


def _update(
    group: Sequence[QuantityClaim], config: BriefConfig, volatile: bool = False
) -> Discrepancy | None:
    """A developing figure; a volatile one (a price) may move within one time frame."""
    if len({c.citation.article for c in group}) < 2 and not volatile:
        return None
    reports = _changes(group)
    changed = any(
        ((volatile or not same_frame(a, b, config) or _told_as_change(reports, a, b))
         and _moved(a, b)) or _floor_moved(a, b)
        for a, b in combinations(group, 2)
    )
    if not changed or not _may_accumulate(group, config):
        return None
    series = one_per_report_value(group)
    return Discrepancy("quantity_update", about(group), list(series), explain.update(series))


def one_per_report_value(claims: Iterable[QuantityClaim]) -> list[QuantityClaim]:
    """The first claim of each article and value, in order: keeps a series readable."""
    firsts: dict[tuple[str, str], QuantityClaim] = {}
    for c in claims:
        firsts.setdefault((c.citation.article, c.value_text), c)
    return list(firsts.values())


def _reports(group: Sequence[QuantityClaim]) -> list[list[QuantityClaim]]:
    """The claims of each report that gives more than one figure of the group."""
    by_article: dict[str, list[QuantityClaim]] = defaultdict(list)
    for c in group:
        by_article[c.citation.article].append(c)
    return [claims for claims in by_article.values() if len(claims) > 1]


def _changes(group: Sequence[QuantityClaim]) -> list[list[QuantityClaim]]:
    """The reports whose two values of a figure tell a change (see ``_told_as_change``):
    none for a fixed property, whose two values in one report are two tellings (a
    quoted post says "a 9 hour flight", the reporter "a 9-and-a-half hour journey")."""
    return [] if is_fixed(group[0].predicate, group[0].dimension) else _reports(group)


def _several(group: Sequence[QuantityClaim]) -> bool:
    """One report gives values that cannot both hold: the words name several things."""
    return any(not overlaps(a.span, b.span)
               for claims in _reports(group) for a, b in combinations(claims, 2))


def _told_as_change(
    reports: Sequence[Sequence[QuantityClaim]], a: QuantityClaim, b: QuantityClaim
) -> bool:
    """One report gives both values ("19 points clear" before the race, "the lead was cut
    to 12 points" after): for that reporter they hold at different moments, so the
    values are a change, not a contradiction. ``reports``: see ``_reports``."""
    return any(
        any(overlaps(c.span, a.span) for c in claims)
        and any(overlaps(c.span, b.span) for c in claims)
        for claims in reports
    )


def _may_accumulate(group: Sequence[QuantityClaim], config: BriefConfig) -> bool:
    """A toll only grows: when a later report's exact count of the dead or injured is
    below an earlier one's floor, the reports count different incidents (five killed in
    one raid, then two in another), not one developing figure."""
    if group[0].dimension or group[0].predicate not in _CUMULATIVE:
        return True
    for a, b in combinations(group, 2):  # the group is in time order
        if same_frame(a, b, config):
            continue
        if b.cmp_high is not None and b.cmp_high < a.cmp_low - 1e-9:
            return False
    return True


_CUMULATIVE = frozenset({"killed", "injured"})


def _moved(a: QuantityClaim, b: QuantityClaim) -> bool:
    """Values that changed: ranges apart, or open-ended floors that moved."""
    return not overlaps(a.span, b.span) or _floor_moved(a, b)


def _floor_moved(a: QuantityClaim, b: QuantityClaim) -> bool:
    """"At least five" then "at least seven": a count still rising, though both hold."""
    return (a.cmp_high is None and b.cmp_high is None and a.cmp_low > 0 and b.cmp_low > 0
            and abs(a.cmp_low - b.cmp_low) > 1e-9)


def event_discrepancies(claims: Sequence[EventClaim]) -> list[Discrepancy]:
    out = []
    usable = [c for c in claims if c.modality in ("asserted", "reported") and c.location]
    for a, b in combinations(usable, 2):
        if a.citation.article == b.citation.article or a.type != b.type:
            continue
        if a.location != b.location or a.mode != b.mode:
            continue
        day_a, day_b = _day(a), _day(b)
        if day_a is None or day_b is None:
            continue
        label = f"{a.type} in {a.location_name}"
        if a.participants == b.participants and len(a.participants) >= 2 and day_a != day_b:
            out.append(Discrepancy("event_date", label, [a, b],
                                   explain.event_date([a, b], [day_a, day_b])))
        elif (day_a == day_b and a.sources and a.sources == b.sources and a.targets
              and b.targets and not (a.targets & b.targets)
              and not (a.targets & b.sources) and not (b.targets & a.sources)):
            sides = [_names(a, a.targets), _names(b, b.targets)]
            out.append(Discrepancy("event_participants", label, [a, b],
                                   explain.event_participants([a, b], sides)))
    return out


def _day(c: EventClaim) -> str | None:
    if c.date_from_text and c.granularity == "day" and c.date:
        return c.date[:10]
    return None


def _names(c: EventClaim, ids: frozenset[str]) -> str:
    return " and ".join(sorted(c.names.get(i, i) for i in ids))


def role_discrepancies(claims: Sequence[RoleClaim]) -> list[Discrepancy]:
    by_person: dict[str, list[RoleClaim]] = defaultdict(list)
    for c in claims:
        by_person[c.entity_id].append(c)
    out = []
    for person in by_person.values():
        seen: set[tuple[str, str]] = set()
        for a, b in combinations(person, 2):
            if a.citation.article == b.citation.article:
                continue
            pair = tuple(sorted((a.role.lower(), b.role.lower())))
            if pair in seen or not title_of(a.role).clashes(title_of(b.role)):
                continue
            seen.add((pair[0], pair[1]))
            pair_claims: list[Claim] = [a, b]
            out.append(Discrepancy("role", f"title of {a.name}", pair_claims,
                                   explain.role(a.name, pair_claims, [a.role, b.role])))
    return out
