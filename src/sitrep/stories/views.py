"""Story records for listing, showing and exporting."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from sitrep import config
from sitrep.errors import NotFoundError
from sitrep.outlets import outlet_name
from sitrep.store.stories import MemberRow, StoryState
from sitrep.stories.features import EVENT, NAME
from sitrep.stories.reasons import Reasons, story_reasons

if TYPE_CHECKING:
    from sitrep.store import Store
    from sitrep.stories.state import Tuning


@dataclass(slots=True)
class StoryRecord:
    """A story as the commands and exports show it.

    ``articles`` lists the stored articles, each followed by the ids that were
    dropped as its exact duplicates (``aliases``, also listed on their own);
    ``article_count`` counts stored articles only. ``shared`` says why the
    articles were grouped: the places, people, dates and figures several of them
    name (see reasons.py).
    """

    id: str
    title: str | None
    first_date: str | None
    last_date: str | None
    articles: list[str]
    article_count: int
    outlets: list[str]
    actors: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    related: list[dict[str, Any]] = field(default_factory=list)
    shared: list[dict[str, Any]] = field(default_factory=list)
    pinned: list[str] = field(default_factory=list)
    copies: int = 0
    aliases: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def live_story_id(store: Store, story_id: str) -> str:
    """The story's id, or the story it was merged into; NotFoundError if unknown."""
    live = store.stories.resolve(story_id)
    if live is None:
        raise NotFoundError(f"no story {story_id!r} in {store.describe}", hint="list_stories")
    return live


def outlet_of(member: MemberRow) -> str | None:
    return outlet_name(member.outlet, member.url)


def _events(state: StoryState, top_events: int) -> list[dict[str, Any]]:
    weights = {t[len(EVENT):]: v for t, v in state.centroid.items() if t.startswith(EVENT)}
    top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:top_events]
    return [{"type": kind, "weight": round(w, 4)} for kind, w in top]


def _related(store: Store, state: StoryState, tuning: Tuning) -> list[dict[str, Any]]:
    """Earlier stories sharing actors with this one: background."""
    actors = [t for t, _ in sorted(state.centroid.items(), key=lambda kv: -kv[1])
              if t.startswith(NAME)][:tuning.top_actors]
    hits = store.stories.candidates(actors, 20)
    hits.pop(state.id, None)
    need = 2 if len(actors) > 2 else 1
    ids = [s for s, shared in hits.items() if len(shared) >= need]
    states = store.stories.states(ids)
    out: list[dict[str, Any]] = []
    for sid in ids:
        other = states.get(sid)
        if other is None or other.merged_into is not None or not _earlier(other, state):
            continue
        out.append({"id": sid, "title": other.title, "first_date": other.first_date,
                    "shared_actors": len(hits[sid])})
    out.sort(key=lambda r: (-r["shared_actors"], r["id"]))
    return out[:tuning.max_related]


def _earlier(other: StoryState, state: StoryState) -> bool:
    if other.first_date and state.first_date and other.first_date != state.first_date:
        return other.first_date < state.first_date
    return other.activity < state.activity


def story_record(store: Store, story_id: str, *, related: bool = True,
                 reasons: Reasons | None = None) -> StoryRecord:
    """A story's record; ``reasons`` when the caller has them already (they cost queries)."""
    live = store.stories.resolve(story_id)
    state = store.stories.states([live]).get(live) if live else None
    if state is None:
        raise NotFoundError(f"no story {story_id!r} in {store.describe}", hint="list_stories")
    tuning = config.current().stories
    members = store.stories.members(state.id)
    outlets = Counter(o for o in map(outlet_of, members) if o)
    aliases = store.stories.article_aliases([m.article_id for m in members])
    listed = [i for m in members for i in (m.article_id, *aliases.get(m.article_id, ()))]
    actors = [{"id": eid, "name": name, "type": kind, "articles": n}
              for eid, name, kind, n in store.stories.entity_counts(state.id, tuning.top_actors)]
    return StoryRecord(
        id=state.id, title=state.title, first_date=state.first_date,
        last_date=state.last_date, articles=listed,
        article_count=len(members), outlets=[o for o, _ in outlets.most_common()],
        actors=actors, events=_events(state, tuning.top_events),
        related=_related(store, state, tuning) if related else [],
        shared=_shared_terms(store, state.id, reasons) if related else [],
        pinned=[m.article_id for m in members if m.pinned],
        copies=sum(1 for m in members if m.how == "copy"),
        aliases=[i for m in members for i in aliases.get(m.article_id, ())])


def _shared_terms(store: Store, story_id: str, reasons: Reasons | None) -> list[dict[str, Any]]:
    found = reasons if reasons is not None else story_reasons(store, story_id)
    return [{"kind": r.kind, "label": r.label, "articles": r.articles} for r in found.shared]


def iter_story_records(store: Store, *, related: bool = True) -> Iterator[StoryRecord]:
    """Every live story, most recently active first."""
    for story_id in store.stories.live_ids():
        yield story_record(store, story_id, related=related)


def story_rows(store: Store) -> Iterator[dict[str, Any]]:
    """The ``stories`` export: ``{id, title, articles, first_date, last_date, ...}``."""
    for record in iter_story_records(store):
        yield record.to_dict()
