"""Server-rendered pages (Jinja2, autoescaped)."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from sitrep.web import queries as q
from sitrep.web import service
from sitrep.web.app import store_of
from sitrep.web.highlight import layers_of, render
from sitrep.web.ingest import run_ingest, safe_name
from sitrep.web.settings import WebSettings

router = APIRouter(include_in_schema=False)
PAGE = 30
_CITE = re.compile(r"^(\d{1,9})-(\d{1,9})$")


def _page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    response: HTMLResponse = request.app.state.templates.TemplateResponse(
        request, name, context, status_code=status)
    return response


def _int(value: str | None, default: int = 0) -> int:
    return int(value) if value and value.isdigit() else default


@router.get("/", response_class=HTMLResponse)
def story_list(request: Request, entity: str = "", outlet: str = "",
               date_from: str = "", date_to: str = "", sort: str = "recent",
               page: str = "1") -> HTMLResponse:
    store = store_of(request)
    sort_key = sort if sort in ("recent", "size", "disputes") else "recent"
    number = max(1, _int(page, 1))
    text = request.query_params.get("q", "")
    result = service.story_page(store, request.app.state.briefs, text=text, entity=entity,
                                outlet=outlet, date_from=date_from, date_to=date_to,
                                sort=sort_key, limit=PAGE, offset=(number - 1) * PAGE)  # type: ignore[arg-type]
    return _page(request, "stories.html", result=result, q=text, entity=entity, outlet=outlet,
                 date_from=date_from, date_to=date_to, sort=sort_key, page=number,
                 pages=max(1, -(-result.total // PAGE)), outlets=q.outlets(store),
                 articles=store.count_articles(), base_query=urlencode(
                     {"q": text, "entity": entity, "outlet": outlet, "date_from": date_from,
                      "date_to": date_to, "sort": sort_key}))


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_brief(request: Request, story_id: str, since: str = "") -> Response:
    store = store_of(request)
    row = service.story_row(store, story_id)
    if row.id != story_id:  # merged away: show where it lives now
        return RedirectResponse(f"/stories/{row.id}", status_code=307)
    day = service.iso_day(since)
    brief = request.app.state.briefs.brief(store, row.id, day)
    numbers = {src["article"]: i for i, src in enumerate(brief["sources"], 1)}
    return _page(request, "brief.html", story=row, brief=brief, since=day or "",
                 source_numbers=numbers)


@router.get("/stories/{story_id}/timeline", response_class=HTMLResponse)
def story_timeline(request: Request, story_id: str) -> HTMLResponse:
    store = store_of(request)
    row = service.story_row(store, story_id)
    rows = service.story_timeline(store, request.app.state.briefs, row.id)
    return _page(request, "timeline.html", heading=row.title or row.id, story=row, rows=rows)


@router.get("/discrepancies", response_class=HTMLResponse)
def discrepancies(request: Request, page: str = "1") -> HTMLResponse:
    number = max(1, _int(page, 1))
    checked, rows = service.all_discrepancies(store_of(request), request.app.state.briefs,
                                              PAGE, (number - 1) * PAGE)
    return _page(request, "discrepancies.html", rows=rows, checked=checked, page=number)


def _cite(value: str | None) -> tuple[int, int] | None:
    m = _CITE.match(value or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def _article_context(request: Request, article_id: str, cite: str | None) -> dict[str, Any]:
    store = store_of(request)
    article = store.get_article(article_id)
    ann = store.get_annotations(article_id)
    span = _cite(cite)
    found = store.story_of(article.id)
    return {"article": article, "ann": ann, "cite": span,
            "body": render(article.text, layers_of(ann), span),
            "story": service.story_row(store, found[0]) if found else None,
            "original": store.original_of(article.id)}


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str, cite: str = "") -> HTMLResponse:
    return _page(request, "article.html", **_article_context(request, article_id, cite))


@router.get("/articles/{article_id}/fragment", response_class=HTMLResponse)
def article_fragment(request: Request, article_id: str, cite: str = "") -> HTMLResponse:
    """The article body alone, for the brief page's source panel."""
    return _page(request, "article_fragment.html",
                 **_article_context(request, article_id, cite))


@router.get("/articles", response_class=HTMLResponse)
def article_list(request: Request, outlet: str = "", page: str = "1") -> HTMLResponse:
    number = max(1, _int(page, 1))
    rows = q.list_articles(store_of(request), outlet or None, PAGE, (number - 1) * PAGE)
    return _page(request, "articles.html", rows=rows, outlet=outlet, page=number)


@router.get("/entities", response_class=HTMLResponse)
def entity_list(request: Request, type: str = "", page: str = "1") -> HTMLResponse:
    number = max(1, _int(page, 1))
    text = request.query_params.get("q", "")
    rows = q.list_entities(store_of(request), text or None, type or None, PAGE * 2,
                           (number - 1) * PAGE * 2)
    return _page(request, "entities.html", rows=rows, q=text, type=type, page=number)


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, entity_id: str) -> HTMLResponse:
    view = service.entity_view(store_of(request), entity_id)
    return _page(request, "entity.html", v=view)


@router.get("/entities/{entity_id}/timeline", response_class=HTMLResponse)
def entity_timeline(request: Request, entity_id: str) -> HTMLResponse:
    view = service.entity_view(store_of(request), entity_id, with_timeline=True)
    return _page(request, "timeline.html", heading=view.entity.name, entity=view.entity,
                 rows=view.timeline)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request) -> HTMLResponse:
    text = request.query_params.get("q", "")
    hits, story_ids = service.search(store_of(request), text, 50)
    return _page(request, "search.html", q=text, hits=hits, story_ids=story_ids)


@router.get("/ingest", response_class=HTMLResponse)
def ingest_form(request: Request) -> HTMLResponse:
    return _page(request, "ingest.html", result=None, error=None)


@router.post("/ingest", response_class=HTMLResponse)
async def ingest_post(request: Request) -> HTMLResponse:
    settings: WebSettings = request.app.state.settings
    if settings.read_only:
        return _page(request, "ingest.html", status=403, result=None,
                     error="This server is read-only.")
    form = await request.form(max_files=100)
    uploads = [f for f in form.getlist("files") if isinstance(f, UploadFile)]
    with tempfile.TemporaryDirectory(prefix="sitrep-web-") as tmp:
        for i, upload in enumerate(uploads):
            name = safe_name(upload.filename, i)
            if name is None:
                return _page(request, "ingest.html", status=415, result=None,
                             error=f"Not an accepted file type: {upload.filename}")
            (Path(tmp) / name).write_bytes(await upload.read())
        result = await run_in_threadpool(
            lambda: run_ingest(store_of(request), Path(tmp), settings.max_upload_bytes,
                               settings.annotate))
    return _page(request, "ingest.html", result=result, error=None)
