"""The JSON API under /api (typed responses: see /api/openapi.json)."""

from __future__ import annotations

import re
import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, File, HTTPException, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BeforeValidator

from sitrep.brief.render_json import to_json
from sitrep.outlets import outlet_name
from sitrep.store.reads import StoryRow
from sitrep.stories.reasons import story_reasons
from sitrep.web import corrections, service
from sitrep.web import schemas as s
from sitrep.web.app import store_of
from sitrep.web.changes import changes_of
from sitrep.web.ingest import ingest_records, run_ingest, safe_name
from sitrep.web.settings import WebSettings

# The security middleware answers 400 before any route (NUL in the URL, unknown Host).
router = APIRouter(prefix="/api", tags=["api"], responses={
    400: {"description": "Refused: a NUL character in the URL or an unexpected Host header"}})
MAX_OFFSET = 10_000_000
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "Not found"}}
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]


def _strict_day(value: object) -> object:
    """Only YYYY-MM-DD: pydantic alone reads ``0`` as a timestamp (1970-01-01)."""
    if isinstance(value, str) and not _DAY.match(value.strip()):
        raise ValueError("a date must be written YYYY-MM-DD")
    return value.strip() if isinstance(value, str) else value


Day = Annotated[date, BeforeValidator(_strict_day)]


def _story(row: StoryRow) -> s.StorySummary:
    return s.StorySummary(id=row.id, title=row.title, first_date=row.first_date,
                          last_date=row.last_date, articles=row.articles, outlets=row.outlets,
                          disputes=row.disputes, updates=row.updates, lead=row.lead or None,
                          actors=[s.ActorRef(id=i, name=n) for i, n in row.actors])


@router.get("/stories", response_model=s.StoryList)
def stories(request: Request, q_: Annotated[str | None, Query(alias="q")] = None,
            entity: str | None = None, outlet: str | None = None,
            date_from: Day | None = None, date_to: Day | None = None,
            sort: Literal["recent", "size", "disputes"] = "recent",
            limit: Limit = 50, offset: Offset = 0) -> s.StoryList:
    """Stories, filtered by full-text query, entity (id or name), outlet and dates."""
    query = service.StoryQuery(
        text=q_, entity=entity, outlet=outlet,
        date_from=date_from.isoformat() if date_from else None,
        date_to=date_to.isoformat() if date_to else None, sort=sort, limit=limit, offset=offset)
    page = service.story_page(store_of(request), request.app.state.briefs, query)
    return s.StoryList(total=page.total, offset=offset, limit=limit,
                       items=[_story(r) for r in page.rows])


@router.get("/stories/{story_id}", response_model=s.StoryDetail, responses=NOT_FOUND)
def story(request: Request, story_id: str) -> s.StoryDetail:
    store = store_of(request)
    row = service.story_row(store, story_id, request.app.state.briefs)
    members = [s.StoryMember(id=m.article_id, title=m.title,
                             outlet=outlet_name(m.outlet, m.url), url=m.url,
                             published=m.published, story=row.id, how=m.how, copy_of=m.copy_of)
               for m in store.stories.members(row.id)]
    entities = [s.EntityRef(id=i, name=n, type=t, articles=c)
                for i, n, t, c in store.stories.entity_counts(row.id, 30)]
    shared = [s.SharedTerm(kind=r.kind, label=r.label, articles=r.articles)
              for r in story_reasons(store, row.id).shared]
    return s.StoryDetail(**_story(row).model_dump(), members=members, entities=entities,
                         shared=shared)


@router.get("/stories/{story_id}/brief", response_model=s.BriefOut, responses=NOT_FOUND)
def story_brief(request: Request, story_id: str, since: Day | None = None) -> JSONResponse:
    """The brief JSON (as ``sitrep brief --format json``); ``since`` marks what is new."""
    store = store_of(request)
    row = service.story_row(store, story_id)
    brief = request.app.state.briefs.brief(store, row.id, since.isoformat() if since else None)
    brief.pop("texts", None)
    changes = changes_of(brief)
    if changes is not None:  # what the page's "what changed since" line says
        brief["changes"] = {**changes.to_dict(), "text": changes.sentence()}
    # As it is: the CLI's JSON, which s.BriefOut (derived from the same dataclasses)
    # documents; validating it again would only turn whole numbers into floats.
    return JSONResponse(brief)


@router.get("/stories/{story_id}/timeline", response_model=s.Timeline, responses=NOT_FOUND)
def story_timeline(request: Request, story_id: str) -> s.Timeline:
    store = store_of(request)
    row = service.story_row(store, story_id)
    rows = service.story_timeline(store, request.app.state.briefs, row.id)
    return s.Timeline(about=row.id, items=[to_json(r) for r in rows])


@router.get("/discrepancies", response_model=s.DiscrepancyList)
def discrepancies(request: Request, stories: Annotated[int, Query(ge=1, le=200)] = 30,
                  offset: Offset = 0) -> s.DiscrepancyList:
    """Discrepancies of the newest stories with two articles or more."""
    checked, rows = service.all_discrepancies(store_of(request), request.app.state.briefs,
                                              stories, offset)
    return s.DiscrepancyList(stories_checked=checked,
                             items=[s.StoryDiscrepancyOut(**r) for r in rows])


@router.get("/articles", response_model=s.ArticleList)
def articles(request: Request, outlet: str | None = None, limit: Limit = 50,
             offset: Offset = 0) -> s.ArticleList:
    store = store_of(request)
    rows = store.reads.list_articles(outlet, limit, offset)
    story_ids = store.reads.stories_of([r.id for r in rows])
    return s.ArticleList(offset=offset, limit=limit, items=[
        s.ArticleSummary(id=r.id, title=r.title, outlet=r.outlet, published=r.published,
                         url=r.url, story=story_ids.get(r.id)) for r in rows])


@router.get("/articles/{article_id:path}/annotations", response_model=s.AnnotationsOut,
            responses=NOT_FOUND)
def article_annotations(request: Request, article_id: str) -> s.AnnotationsOut:
    """The annotation layers (empty when the article was stored without them)."""
    ann = store_of(request).get_annotations(article_id)
    layers = ann.to_dict() if ann is not None else {}
    return s.AnnotationsOut(article=article_id, **layers)


@router.get("/articles/{article_id:path}", response_model=s.ArticleOut, responses=NOT_FOUND)
def article(request: Request, article_id: str) -> s.ArticleOut:
    store = store_of(request)
    a = store.get_article(article_id)
    found = store.stories.of_article(a.id)
    return s.ArticleOut(id=a.id, source=a.source, text=a.text, url=a.url, title=a.title,
                        outlet=outlet_name(a.outlet, a.url), author=a.author, published=a.published,
                        language=a.language, extra=a.extra, story=found[0] if found else None)


@router.get("/entities", response_model=s.EntityList)
def entities(request: Request, q_: Annotated[str | None, Query(alias="q")] = None,
             type: str | None = None, limit: Limit = 50, offset: Offset = 0) -> s.EntityList:
    """Entities by how many articles name them; ``q`` matches names and aliases."""
    rows = store_of(request).reads.list_entities(q_, type, limit, offset)
    return s.EntityList(offset=offset, limit=limit,
                        items=[s.EntityOut(**e.to_dict()) for e in rows])


@router.get("/entities/{entity_id}", response_model=s.EntityDetail, responses=NOT_FOUND)
def entity(request: Request, entity_id: str) -> s.EntityDetail:
    v = service.entity_view(store_of(request), entity_id)
    return s.EntityDetail(
        **v.entity.to_dict(), roles=v.roles,
        stories=[_story(r) for r, _ in v.stories],
        cooccurring=[s.EntityRef(id=e.id, name=e.name, type=e.type, articles=n)
                     for e, n in v.cooccurring],
        recent_articles=[s.ArticleSummary(id=a.id, title=a.title, outlet=a.outlet,
                                          published=a.published, url=a.url) for a in v.articles])


@router.get("/entities/{entity_id}/timeline", response_model=s.Timeline, responses=NOT_FOUND)
def entity_timeline(request: Request, entity_id: str) -> s.Timeline:
    v = service.entity_view(store_of(request), entity_id, with_timeline=True)
    return s.Timeline(about=entity_id, items=[to_json(r) for r in v.timeline])


@router.get("/search", response_model=s.SearchResult)
def search(request: Request, q_: Annotated[str, Query(alias="q", min_length=1)],
           limit: Limit = 20) -> s.SearchResult:
    """Full-text search over articles (words, "phrases", OR, -word)."""
    hits, story_ids = service.search(store_of(request), q_, limit)
    return s.SearchResult(query=q_, hits=[
        s.SearchHitOut(**h.to_dict(), story=story_ids.get(h.article_id)) for h in hits])


# ---------------------------------------------------------------- ingest

WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    403: {"description": "The server is read-only"},
    413: {"description": "Request body over the upload limit"},
    415: {"description": "A file type that is not accepted"},
}


def _writable(request: Request) -> WebSettings:
    settings: WebSettings = request.app.state.settings
    if settings.read_only:
        raise HTTPException(403, "this server is read-only (started with --read-only)")
    return settings


@router.post("/ingest/upload", response_model=s.IngestResult, responses=WRITE_ERRORS)
async def ingest_upload(request: Request,
                        files: Annotated[list[UploadFile], File()]) -> dict[str, Any]:
    """Ingest uploaded files (.html .htm .txt .md .jsonl .json .xml, also .gz)."""
    settings = _writable(request)
    with tempfile.TemporaryDirectory(prefix="sitrep-web-") as tmp:
        for i, upload in enumerate(files):
            name = safe_name(upload.filename, i)
            if name is None:
                raise HTTPException(415, f"{upload.filename!r}: accepted types are .html .htm "
                                    ".txt .md .jsonl .json .xml and the same gzipped (.gz)")
            with (Path(tmp) / name).open("wb") as out:
                while chunk := await upload.read(1 << 16):
                    out.write(chunk)
        return await run_in_threadpool(
            lambda: run_ingest(store_of(request), Path(tmp), settings.max_upload_bytes,
                               settings.annotate))


@router.post("/stories/{story_id}/corrections", response_model=s.CorrectionResult,
             responses={**WRITE_ERRORS, **NOT_FOUND})
def correct_story(request: Request, story_id: str, body: s.CorrectionIn) -> s.CorrectionResult:
    """Move, split, merge, pin or unpin, as ``sitrep story ...`` does (same records)."""
    _writable(request)
    store = store_of(request)
    row = service.story_row(store, story_id)
    shown = corrections.apply(store, row.id, corrections.Correction(
        body.action, list(body.articles), body.story))
    return s.CorrectionResult(story=shown)


@router.post("/ingest/records", response_model=s.IngestResult, responses=WRITE_ERRORS)
def ingest_json(request: Request,
                records: Annotated[list[s.IngestRecord], Body(min_length=1)]) -> dict[str, Any]:
    """Ingest records with the fields of JSON Lines input (``text`` required)."""
    settings = _writable(request)
    rows = [r.model_dump(exclude_none=True) for r in records]
    return ingest_records(store_of(request), rows, settings.max_upload_bytes, settings.annotate)
