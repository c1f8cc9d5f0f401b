"""Pages of entities: the list, an entity, its timeline."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from sitrep.web import maps, service
from sitrep.web.app import store_of
from sitrep.web.chart import coverage_svg
from sitrep.web.render import PAGE, page, page_number

router = APIRouter(include_in_schema=False)


@router.get("/entities", response_class=HTMLResponse)
def entity_list(request: Request, type: str = "") -> HTMLResponse:
    number = page_number(request.query_params.get("page"))
    text = request.query_params.get("q", "")
    rows = store_of(request).reads.list_entities(text or None, type or None, PAGE * 2,
                           (number - 1) * PAGE * 2)
    return page(request, "entities.html", rows=rows, q=text, type=type, page=number)


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, entity_id: str) -> HTMLResponse:
    store = store_of(request)
    view = service.entity_view(store, entity_id)
    return page(request, "entity.html", v=view,
                chart=coverage_svg(store.reads.entity_days(entity_id)),
                place_map=maps.entity_map(store, entity_id))


@router.get("/entities/{entity_id}/timeline", response_class=HTMLResponse)
def entity_timeline(request: Request, entity_id: str) -> HTMLResponse:
    view = service.entity_view(store_of(request), entity_id, with_timeline=True)
    return page(request, "timeline.html", heading=view.entity.name, entity=view.entity,
                rows=view.timeline)
