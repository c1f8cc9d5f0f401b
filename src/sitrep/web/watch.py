"""Watchlists, alerts, feeds and "what is new" in the web app: the JSON API
under /api, an Atom feed per watchlist and the /watchlists page."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from sitrep.errors import SitrepError
from sitrep.store import Store
from sitrep.store.migrations import utc_now
from sitrep.watch.atom import alerts_feed
from sitrep.watch.rules import Watchlist, check_watchlist
from sitrep.web.api import _writable
from sitrep.web.app import store_of

router = APIRouter()
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No such watchlist"}}
READ_ONLY: dict[int | str, dict[str, Any]] = {403: {"description": "The server is read-only"}}


class WatchlistIn(BaseModel):
    entities: list[str] = Field(default_factory=list)
    words: list[str] = Field(default_factory=list)
    outlets: list[str] = Field(default_factory=list)
    stories: list[str] = Field(default_factory=list)
    sinks: list[str] = Field(default_factory=list, description="log:FILE, webhook:URL, "
                             "email:ADDRESS")


class WatchlistOut(WatchlistIn):
    name: str
    alerts: int
    atom: str


def _save(store: Store, w: Watchlist) -> Watchlist:
    w = check_watchlist(w)
    store.watch.put_watchlist(w.name, w.rules(), w.sinks, utc_now())
    return w


def _out(store: Store, request: Request, w: Watchlist) -> WatchlistOut:
    return WatchlistOut(name=w.name, entities=w.entities, words=w.words, outlets=w.outlets,
                        stories=w.stories, sinks=w.sinks,
                        alerts=len(store.watch.alerts_of(w.name, limit=100_000)),
                        atom=str(request.url_for("watchlist_atom", name=w.name)))


@router.get("/api/watchlists", response_model=list[WatchlistOut], tags=["watch"])
def list_watchlists(request: Request) -> list[WatchlistOut]:
    """Saved watchlists with their alert counts and Atom feed."""
    store = store_of(request)
    return [_out(store, request, Watchlist.from_row(r)) for r in store.watch.watchlists()]


@router.put("/api/watchlists/{name}", response_model=WatchlistOut, tags=["watch"],
            responses={**READ_ONLY, 400: {"description": "A rule or sink that is not valid"}})
def put_watchlist(request: Request, name: str,
                  body: Annotated[WatchlistIn, Body()]) -> WatchlistOut:
    """Create or replace a watchlist; it alerts on articles stored from now on."""
    _writable(request)
    store = store_of(request)
    w = _save(store, Watchlist(name, body.entities, body.words, body.outlets, body.stories,
                               body.sinks))
    return _out(store, request, w)


@router.delete("/api/watchlists/{name}", status_code=204, tags=["watch"],
               responses={**READ_ONLY, **NOT_FOUND})
def delete_watchlist(request: Request, name: str) -> Response:
    _writable(request)
    if not store_of(request).watch.remove_watchlist(name):
        raise HTTPException(404, f"no watchlist {name!r}")
    return Response(status_code=204)


@router.get("/api/watchlists/{name}/alerts", tags=["watch"], responses=NOT_FOUND)
def watchlist_alerts(request: Request, name: str,
                     limit: Annotated[int, Query(ge=1, le=500)] = 50) -> list[dict[str, Any]]:
    """A watchlist's alerts, newest first: what changed, the story, the cited sentence."""
    store = store_of(request)
    if store.watch.get_watchlist(name) is None:
        raise HTTPException(404, f"no watchlist {name!r}")
    return [{**a.data, "id": a.id, "created_at": a.created_at, "digest": a.digest_id}
            for a in store.watch.alerts_of(name, limit=limit)]


@router.get("/watchlists/{name}.atom", name="watchlist_atom", include_in_schema=False)
def watchlist_atom(request: Request, name: str) -> Response:
    store = store_of(request)
    if store.watch.get_watchlist(name) is None:
        raise HTTPException(404, f"no watchlist {name!r}")
    body = alerts_feed(name, store.watch.alerts_of(name, limit=50), str(request.url),
                       str(request.base_url))
    return Response(body, media_type="application/atom+xml")


@router.get("/api/feeds", tags=["watch"])
def feeds(request: Request) -> list[dict[str, Any]]:
    """Watched feeds and their health (validators, last success and error, counts)."""
    store = store_of(request)
    counts = store.watch.item_counts()
    return [{**f.to_dict(), "items": counts.get(f.url, {})} for f in store.watch.feed_states()]


@router.get("/api/news", tags=["watch"])
def news(request: Request, after: Annotated[int, Query(ge=0)] = 0,
         limit: Annotated[int, Query(ge=1, le=200)] = 20) -> dict[str, Any]:
    """What was stored after article number ``after`` (``latest`` from an earlier
    call): counts and the stories it went to, so a page can say what is new."""
    store = store_of(request)
    latest = store.watch.max_article_seq()
    if after <= 0 or after >= latest:
        return {"latest": latest, "articles": 0, "stories": []}
    fresh = store.watch.articles_after(after, 5000)
    story_ids = list(dict.fromkeys(a.story_id for a in reversed(fresh) if a.story_id))
    states = store.stories.states(story_ids[:limit])
    first = store.watch.story_first_seqs(story_ids[:limit])
    return {"latest": latest, "articles": len(fresh), "story_count": len(story_ids),
            "stories": [{"id": sid, "title": states[sid].title if sid in states else None,
                         "new": first.get(sid, 0) > after} for sid in story_ids[:limit]]}


# ---------------------------------------------------------------- page

@router.get("/watchlists", response_class=HTMLResponse, include_in_schema=False)
def watchlists_page(request: Request, error: str = "") -> HTMLResponse:
    store = store_of(request)
    lists = [(Watchlist.from_row(r), store.watch.alerts_of(r.name, limit=10))
             for r in store.watch.watchlists()]
    response: HTMLResponse = request.app.state.templates.TemplateResponse(
        request, "watchlists.html", {"lists": lists, "feeds": store.watch.feed_states(),
                                     "error": error})
    return response


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.replace("\n", ",").split(",") if v.strip()]


@router.post("/watchlists", include_in_schema=False)
def watchlists_form(request: Request, name: Annotated[str, Form()],
                    entities: Annotated[str, Form()] = "", words: Annotated[str, Form()] = "",
                    outlets: Annotated[str, Form()] = "", stories: Annotated[str, Form()] = "",
                    sinks: Annotated[str, Form()] = "",
                    remove: Annotated[str, Form()] = "") -> Response:
    _writable(request)
    store = store_of(request)
    if remove:
        store.watch.remove_watchlist(name)
        return RedirectResponse("/watchlists", status_code=303)
    try:
        _save(store, Watchlist(name.strip(), _split(entities), [w for w in words.split("\n")
                                                                 if w.strip()],
                               _split(outlets), _split(stories), _split(sinks)))
    except SitrepError as err:
        if not err.caller_fault:
            raise  # a store failure: the error handler answers 503, without its details
        return watchlists_page(request, error=str(err))
    return RedirectResponse("/watchlists", status_code=303)
