"""Pages of stories: the list, a story's brief and timeline, discrepancies."""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from sitrep.errors import InvalidInput, NotFoundError
from sitrep.stories.reasons import story_reasons
from sitrep.web import corrections, maps, service
from sitrep.web.app import store_of
from sitrep.web.changes import changes_of
from sitrep.web.chart import coverage_svg
from sitrep.web.compare import compare
from sitrep.web.corrections import ACTIONS, Correction
from sitrep.web.render import PAGE, csv_response, form_day, page, page_number

router = APIRouter(include_in_schema=False)
SORTS = ("recent", "size", "disputes")


@router.get("/", response_class=HTMLResponse)
def story_list(request: Request, entity: str = "", outlet: str = "", date_from: str = "",
               date_to: str = "", sort: str = "recent") -> HTMLResponse:
    store = store_of(request)
    number = page_number(request.query_params.get("page"))
    day_from, day_to = form_day(date_from, "from"), form_day(date_to, "to")
    if sort not in SORTS:
        raise InvalidInput(f"“{sort}” is not a sort order: use recent, size or disputes.")
    text = request.query_params.get("q", "")
    query = service.StoryQuery(text=text, entity=entity, outlet=outlet, date_from=day_from,
                               date_to=day_to, sort=sort,  # type: ignore[arg-type]
                               limit=PAGE, offset=(number - 1) * PAGE)
    result = service.story_page(store, request.app.state.briefs, query)
    return page(request, "stories.html", result=result, q=text, entity=entity, outlet=outlet,
                date_from=date_from, date_to=date_to, sort=sort, page=number,
                pages=max(1, -(-result.total // PAGE)), outlets=store.reads.outlets(),
                articles=store.count_articles(), base_query=urlencode(
                    {"q": text, "entity": entity, "outlet": outlet, "date_from": date_from,
                     "date_to": date_to, "sort": sort}))


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_brief(request: Request, story_id: str, since: str = "") -> Response:
    store = store_of(request)
    briefs = request.app.state.briefs
    row = service.story_row(store, story_id, briefs)
    if row.id != story_id:  # merged away: show where it lives now
        return RedirectResponse(f"/stories/{row.id}", status_code=307)
    day = form_day(since, "since")
    brief = briefs.brief(store, row.id, day)
    numbers = {src["article"]: i for i, src in enumerate(brief["sources"], 1)}
    return page(request, "brief.html", story=row, brief=brief, since=day or "",
                source_numbers=numbers, changes=changes_of(brief),
                chart=coverage_svg(store.reads.story_days(row.id)),
                shared=story_reasons(store, row.id).shared,
                place_map=maps.story_map(store, row.id))


@router.post("/stories/{story_id}/corrections")
async def correct_story(request: Request, story_id: str) -> Response:
    """A correction from the brief page's form; back to the story it leaves to show."""
    if request.app.state.settings.read_only:
        raise HTTPException(403, "This server is read-only.")
    form = await request.form()
    action = str(form.get("action", ""))
    if action not in ACTIONS:
        raise InvalidInput(f"“{action}” is not a correction: use {', '.join(ACTIONS)}.")
    correction = Correction(action,
                            [str(a) for a in form.getlist("articles")],
                            str(form.get("target", "")) or None)

    def run() -> str:  # in a worker thread: stores are per thread
        store = store_of(request)
        return corrections.apply(store, service.story_row(store, story_id).id, correction)

    shown = await run_in_threadpool(run)
    return RedirectResponse(f"/stories/{quote(shown, safe='')}", status_code=303)


@router.get("/discrepancies.csv")
def discrepancies_csv(request: Request) -> Response:
    """Every discrepancy of the newest 200 stories with two articles or more, one claim a row."""
    _, found = service.all_discrepancies(store_of(request), request.app.state.briefs, 200)
    return csv_response([{"story": d["story"], "story_title": d["story_title"],
                          "kind": d["kind"], "conflict": d["conflict"], "about": d["about"],
                          "value": c["value"], "source": c["source"], "outlet": c.get("outlet"),
                          "published": c.get("published"), "article": c["article"],
                          "start": c["start"], "end": c["end"], "text": c["text"]}
                         for d in found for c in d["claims"]], "discrepancies.csv")


@router.get("/stories/{story_id}/timeline", response_class=HTMLResponse)
def story_timeline(request: Request, story_id: str) -> HTMLResponse:
    store = store_of(request)
    row = service.story_row(store, story_id)
    rows = service.story_timeline(store, request.app.state.briefs, row.id)
    return page(request, "timeline.html", heading=row.title or row.id, story=row, rows=rows)


@router.get("/discrepancies", response_class=HTMLResponse)
def discrepancies(request: Request) -> HTMLResponse:
    number = page_number(request.query_params.get("page"))
    checked, rows = service.all_discrepancies(store_of(request), request.app.state.briefs,
                                              PAGE, (number - 1) * PAGE)
    return page(request, "discrepancies.html", rows=rows, checked=checked, page=number)


@router.get("/stories/{story_id}/brief.{fmt}")
def brief_file(request: Request, story_id: str, fmt: str, since: str = "") -> Response:
    """The brief as ``sitrep brief`` writes it: Markdown or a self-contained HTML page."""
    from sitrep.brief import brief_to_html, brief_to_markdown
    from sitrep.brief.stored import brief_for_story

    if fmt not in ("md", "html"):
        raise NotFoundError(f"no format {fmt!r}")
    store = store_of(request)
    row = service.story_row(store, story_id)
    brief = brief_for_story(store, row.id, since=form_day(since, "since"))
    text, media = ((brief_to_markdown(brief), "text/markdown") if fmt == "md"
                   else (brief_to_html(brief), "text/html"))
    return Response(text, media_type=f"{media}; charset=utf-8", headers={
        "content-disposition": f'attachment; filename="{_file_stem(row.id)}.{fmt}"'})


@router.get("/stories.csv")
def story_csv(request: Request, entity: str = "", outlet: str = "", date_from: str = "",
              date_to: str = "", sort: str = "recent") -> Response:
    """The story list with the same filters as the page, as CSV (up to 1,000 rows: each
    row's conflicts and updates come from reconciling the story)."""
    if sort not in SORTS:
        raise InvalidInput(f"“{sort}” is not a sort order: use recent, size or disputes.")
    query = service.StoryQuery(
        text=request.query_params.get("q", ""), entity=entity, outlet=outlet,
        date_from=form_day(date_from, "from"), date_to=form_day(date_to, "to"),
        sort=sort, limit=1000, offset=0)  # type: ignore[arg-type]
    result = service.story_page(store_of(request), request.app.state.briefs, query)
    rows = [{"id": r.id, "title": r.title, "first_date": r.first_date,
             "last_date": r.last_date, "articles": r.articles,
             "outlets": "; ".join(r.outlets), "conflicts": r.disputes, "updates": r.updates}
            for r in result.rows]
    return csv_response(rows, "stories.csv")


def _file_stem(story_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", story_id) or "story"




@router.get("/stories/{story_id}/outlets", response_class=HTMLResponse)
def story_outlets(request: Request, story_id: str) -> HTMLResponse:
    """The outlets of a story side by side: first reports and key figures."""
    store = store_of(request)
    row = service.story_row(store, story_id)
    brief = request.app.state.briefs.brief(store, row.id)
    return page(request, "outlets.html", story=row, brief=brief, cmp=compare(brief))
