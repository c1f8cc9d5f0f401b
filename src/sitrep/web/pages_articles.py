"""Pages of articles: the list, an article with its annotations, search, ingest."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, HTMLResponse, Response
from starlette.datastructures import UploadFile

from sitrep.outlets import outlet_name
from sitrep.web import service
from sitrep.web.app import HERE, store_of
from sitrep.web.chart import coverage_svg
from sitrep.web.highlight import layers_of, render
from sitrep.web.ingest import run_ingest, safe_name
from sitrep.web.render import PAGE, csv_response, page, page_number
from sitrep.web.settings import WebSettings
from sitrep.web.timeline import article_rows, brief_dates

router = APIRouter(include_in_schema=False)
_CITE = re.compile(r"^(\d{1,9})-(\d{1,9})$")
# Highlight layers of the article view: only the first is on when a page opens.
LAYERS = [("ent", "entities"), ("time", "dates"), ("qty", "numbers"),
          ("attr", "attributions"), ("ev", "events")]


def _cite(value: str | None) -> tuple[int, int] | None:
    m = _CITE.match(value or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def _article_context(request: Request, article_id: str, cite: str | None,
                     events: bool = False) -> dict[str, Any]:
    store = store_of(request)
    article = store.get_article(article_id)
    ann = store.get_annotations(article_id)
    span = _cite(cite)
    found = store.stories.of_article(article.id)
    story = service.story_row(store, found[0]) if found else None
    context: dict[str, Any] = {"article": article, "ann": ann, "cite": span,
               "outlet": outlet_name(article.outlet, article.url),
               "body": render(article.text, layers_of(ann), span),
               "story": story, "original": store.original_of(article.id),
               "layers": LAYERS, "hidden": " ".join(f"hide-{k}" for k, _ in LAYERS[1:])}
    if events:  # dated as the story's brief dates the same sentences
        dates = brief_dates(request.app.state.briefs.brief(store, story.id)) if story else {}
        context["events"] = article_rows(article, ann, dates=dates)
    return context


@router.get("/articles/{article_id:path}/fragment", response_class=HTMLResponse)
def article_fragment(request: Request, article_id: str, cite: str = "") -> HTMLResponse:
    """The article body alone, for the brief page's source panel."""
    return page(request, "article_fragment.html", **_article_context(request, article_id, cite))


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article(request: Request, article_id: str, cite: str = "") -> HTMLResponse:
    return page(request, "article.html",
                **_article_context(request, article_id, cite, events=True))


@router.get("/articles", response_class=HTMLResponse)
def article_list(request: Request, outlet: str = "") -> HTMLResponse:
    number = page_number(request.query_params.get("page"))
    rows = store_of(request).reads.list_articles(outlet or None, PAGE, (number - 1) * PAGE)
    return page(request, "articles.html", rows=rows, outlet=outlet, page=number)


@router.get("/articles.csv")
def article_csv(request: Request, outlet: str = "") -> Response:
    """The article list (newest first, up to 5,000) as CSV, filtered by outlet."""
    rows = store_of(request).reads.list_articles(outlet or None, 5000, 0)
    return csv_response([{"id": r.id, "title": r.title, "outlet": r.outlet,
                          "published": r.published, "url": r.url} for r in rows],
                        "articles.csv")


@router.get("/search", response_class=HTMLResponse)
def search(request: Request) -> HTMLResponse:
    text = request.query_params.get("q", "")
    store = store_of(request)
    hits, story_ids = service.search(store, text, 500)  # the chart counts them all
    return page(request, "search.html", q=text, hits=hits[:50], story_ids=story_ids,
                chart=coverage_svg(store.reads.article_days([h.article_id for h in hits]),
                                   "matching articles"))


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> FileResponse:
    return FileResponse(HERE / "static" / "favicon.svg", media_type="image/svg+xml")


@router.get("/ingest", response_class=HTMLResponse)
def ingest_form(request: Request) -> HTMLResponse:
    return page(request, "ingest.html", result=None, error=None)


@router.post("/ingest", response_class=HTMLResponse)
async def ingest_post(request: Request) -> HTMLResponse:
    settings: WebSettings = request.app.state.settings
    if settings.read_only:
        return page(request, "ingest.html", status=403, result=None,
                    error="This server is read-only.")
    form = await request.form(max_files=100)
    # request.form() gives Starlette's UploadFile (fastapi.UploadFile is a subclass).
    uploads = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
    if not uploads:
        return page(request, "ingest.html", status=422, result=None,
                    error="Choose one or more files to ingest.")
    with tempfile.TemporaryDirectory(prefix="sitrep-web-") as tmp:
        for i, upload in enumerate(uploads):
            name = safe_name(upload.filename, i)
            if name is None:
                return page(request, "ingest.html", status=415, result=None,
                            error=f"Not an accepted file type: {upload.filename}")
            (Path(tmp) / name).write_bytes(await upload.read())
        result = await run_in_threadpool(
            lambda: run_ingest(store_of(request), Path(tmp), settings.max_upload_bytes,
                               settings.annotate))
    return page(request, "ingest.html", result=result, error=None)
