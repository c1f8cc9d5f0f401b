"""Alerts: what changed for each watchlist since it last looked, as one digest per
watchlist per round, then delivered to its sinks.

A watchlist keeps a cursor (the newest article it has looked at). Each round
reads the articles stored after it and finds, per story:

- ``new_story``: a story born after the cursor that an article matches
  (later articles of it in the same round are listed in that alert);
- ``new_article``: a new article in a watched story (listed by the
  watchlist, alerted on before) or one the rules match in an older story;
- ``new_conflict`` and ``figure_update``: discrepancies of a watched story
  (see sitrep.reconcile) that a new article takes part in.

Every alert has a change key; the store keeps one alert per key and
watchlist, so the same change is never alerted twice, and the alerts, the
digest, its pending deliveries and the cursor are written in one transaction.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sitrep.errors import SitrepError
from sitrep.models import Annotations
from sitrep.store import Store
from sitrep.store.migrations import utc_now
from sitrep.store.watch import AlertRow, NewArticle
from sitrep.watch.rules import Watchlist, entity_ids, matching
from sitrep.watch.sinks import SmtpSettings, parse_sink, send

log = logging.getLogger(__name__)
ROUND_LIMIT = 20_000  # articles read per watchlist per round (the rest: next round)
MAX_STORY_RECONCILE = 300  # stories larger than this are not reconciled per round
LEAD_CHARS = 400
_SENTENCE_END = re.compile(r"[.!?][\"”’]?(?=\s)")


@dataclass(frozen=True, slots=True)
class Links:
    """Absolute links into the web app (``sitrep serve``) for alerts."""

    base_url: str = "http://127.0.0.1:8000"

    def story(self, story_id: str) -> str:
        return f"{self.base_url.rstrip('/')}/stories/{story_id}"

    def cite(self, article_id: str, start: int, end: int) -> str:
        return f"{self.base_url.rstrip('/')}/articles/{article_id}?cite={start}-{end}"


class _Round:
    """One watchlist's evaluation over the articles after its cursor."""

    def __init__(self, store: Store, w: Watchlist, links: Links) -> None:
        self.store, self.w, self.links = store, w, links
        self.alerts: dict[str, AlertRow] = {}
        self.wanted = entity_ids(store, w.entities) if w.entities else set()

    def add(self, key: str, kind: str, what: str, story: tuple[str, str | None] | None,
            article: NewArticle | None, **data: Any) -> AlertRow:
        body: dict[str, Any] = {"key": key, "kind": kind, "watchlist": self.w.name,
                                "what": what, **data}
        if story is not None:
            body["story"] = {"id": story[0], "title": story[1],
                             "link": self.links.story(story[0])}
        if article is not None:
            body["article"] = _article_ref(article)
        row = AlertRow(0, self.w.name, kind, story[0] if story else None,
                       article.id if article else None, body, "")
        self.alerts.setdefault(key, row)
        return self.alerts[key]

    def run(self, articles: Sequence[NewArticle], cursor: int) -> None:
        matched = matching(self.store, self.w, articles, self.wanted)
        watched = {s for s in (self.store.stories.resolve(x) for x in self.w.stories) if s}
        watched |= self.store.watch.alerted_stories(self.w.name)
        stories = [a.story_id for a in articles if a.story_id]
        first = self.store.watch.story_first_seqs(stories)
        titles = {sid: st.title for sid, st in self.store.stories.states(stories).items()}
        born: dict[str, AlertRow] = {}
        touched: dict[str, set[str]] = {}
        for a in articles:
            sid = a.story_id
            story = (sid, titles.get(sid)) if sid else None
            if sid in born:
                born[sid].data["articles"].append(_article_ref(a))
            elif a.id in matched and sid and first.get(sid, 0) > cursor:
                born[sid] = self.add(f"story:{sid}", "new_story",
                                     f"New story: {titles.get(sid) or a.title or sid}", story,
                                     a, cite=self._cite(a), articles=[_article_ref(a)])
                watched.add(sid)
            elif a.id in matched or (sid and sid in watched):
                where = f" in {titles.get(sid) or sid}" if sid else ""
                self.add(f"article:{a.id}", "new_article",
                         f"New article{where}: {a.title or a.id} ({a.outlet or 'unknown outlet'})",
                         story, a, cite=self._cite(a))
                if sid:
                    watched.add(sid)
            else:
                continue
            if sid:
                touched.setdefault(sid, set()).add(a.id)
        for sid, new_ids in touched.items():
            self._discrepancies(sid, titles.get(sid), new_ids)

    def _cite(self, a: NewArticle) -> dict[str, Any]:
        """The sentence that made the article match (a watched entity's), else its lead."""
        ann = self.store.get_annotations(a.id) or Annotations()
        start, end = 0, _lead_end(a.text)
        hits = [m for m in ann.entities if m.entity_id in self.wanted]
        spans = [(s.start, s.end) for s in ann.sentences]
        if hits:
            start, end = next(((s, e) for s, e in spans if s <= hits[0].start < e),
                              (hits[0].start, hits[0].end))
        elif spans:
            start, end = spans[0]
        return self._cite_ref(a.id, start, end, " ".join(a.text[start:end].split()))

    def _cite_ref(self, article_id: str, start: int, end: int, text: str) -> dict[str, Any]:
        return {"article": article_id, "start": start, "end": end, "text": text,
                "link": self.links.cite(article_id, start, end)}

    def _discrepancies(self, story_id: str, title: str | None, new_ids: set[str]) -> None:
        from sitrep.brief.render_json import discrepancy_to_json
        from sitrep.brief.stored import story_items
        from sitrep.reconcile import reconcile

        if len(self.store.stories.members(story_id)) > MAX_STORY_RECONCILE:
            return
        story = (story_id, title)
        for d in reconcile(story_items(self.store, story_id)).discrepancies:
            fresh = [c for c in d.claims if c.citation.article in new_ids]
            if not fresh:
                continue
            row = discrepancy_to_json(d)
            c = fresh[-1]
            cite = self._cite_ref(c.citation.article, c.sentence.start, c.sentence.end, c.text)
            values = sorted({_shown(claim) for claim in row["claims"]})
            if d.is_conflict:
                key = f"conflict:{story_id}:{d.kind}:{d.about}:{'|'.join(values)}"
                what = f"New conflict in {title or story_id}: {d.explanation}"
                kind = "new_conflict"
            else:
                key = f"figure:{story_id}:{d.about}:{_shown(row['claims'][-1])}"
                what = (f"Figure updated in {title or story_id}: {d.about}: "
                        + " → ".join(_shown(claim) for claim in row["claims"]))
                kind = "figure_update"
            self.add(key, kind, what, story, None, cite=cite, discrepancy=row)


def _article_ref(a: NewArticle) -> dict[str, Any]:
    return {"id": a.id, "title": a.title, "outlet": a.outlet, "url": a.url}


def _shown(claim: dict[str, Any]) -> str:
    """A claim's figure as its source wrote it (``value`` is numeric since claims carry units)."""
    return str(claim.get("value_text") or claim["value"])


def _lead_end(text: str) -> int:
    """End of the first sentence (for an article stored without annotations)."""
    m = _SENTENCE_END.search(text, 40, LEAD_CHARS)
    return m.end() if m else min(len(text), LEAD_CHARS)


def evaluate(store: Store, links: Links, extra_sinks: Sequence[str] = ()) -> tuple[int, int]:
    """Look for changes for every watchlist; record new alerts as one digest each.
    Returns (alerts, digests) recorded."""
    alerts = digests = 0
    for row in store.watch.watchlists():
        w = Watchlist.from_row(row)
        articles = store.watch.articles_after(row.seen_seq, ROUND_LIMIT)
        if not articles:
            continue
        found = _Round(store, w, links)
        found.run(articles, row.seen_seq)
        digest = store.watch.record_alerts(w.name, list(found.alerts.values()), articles[-1].seq,
                                     [*w.sinks, *extra_sinks], utc_now())
        if digest is not None:
            digests += 1
            alerts += len(store.watch.alerts_of(digest_id=digest, limit=ROUND_LIMIT))
    return alerts, digests


def digest_payload(store: Store, digest_id: int, watchlist: str) -> dict[str, Any]:
    rows = store.watch.alerts_of(digest_id=digest_id, limit=ROUND_LIMIT)
    return {"watchlist": watchlist, "digest": digest_id,
            "created_at": rows[0].created_at if rows else utc_now(),
            "alerts": [{**r.data, "id": r.id} for r in rows]}


def deliver(store: Store, smtp: SmtpSettings | None, max_tries: int = 5,
            timeout_s: float = 20.0,
            on_error: Callable[[str], None] | None = None) -> tuple[int, int]:
    """Send every pending digest to its sinks; (sent, failed attempts)."""
    sent = failed = 0
    for digest_id, watchlist, sink_text in store.watch.pending_deliveries(max_tries):
        payload = digest_payload(store, digest_id, watchlist)
        error = None
        try:
            send(parse_sink(sink_text), payload, smtp, timeout_s)
        except (SitrepError, OSError) as err:
            error = str(err)
            if on_error:
                on_error(f"alert digest {digest_id} of {watchlist} to {sink_text}: {error}")
        store.watch.mark_delivery(digest_id, sink_text, error, utc_now(), max_tries)
        sent += error is None
        failed += error is not None
    return sent, failed
