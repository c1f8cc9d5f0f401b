"""Error responses: an HTML page for the pages, JSON under /api, never a server detail.

Library errors name the store's path and the command to run next, which is
right on a terminal and wrong on a web page: the web app says what was not
found, in its own words.
"""

from __future__ import annotations

import re

from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from sitrep.errors import NotFoundError, SitrepError

_WHAT = {"stories": "story", "articles": "article", "entities": "entity"}
_TITLES = {400: "Bad request", 403: "Not allowed", 404: "Not found",
           405: "Not allowed", 413: "Too large", 415: "Not accepted", 422: "Invalid input"}


class InvalidInput(SitrepError):
    """A query parameter a page cannot use (a malformed date, page number 0)."""


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def not_found_message(path: str) -> str:
    """'No story “X” here.' from the path alone (the library's message names files)."""
    parts = [p for p in path.split("/") if p]
    if parts and parts[0] == "api":
        parts = parts[1:]
    if len(parts) >= 2 and parts[0] in _WHAT:
        return f"There is no {_WHAT[parts[0]]} “{parts[1]}” in this store."
    return "There is no page at this address."


def _plain(message: str) -> str:
    """The first clause of a library message, without paths or command hints."""
    first = message.split(";", 1)[0]
    first = re.sub(r"(?:[A-Za-z]:)?(?:/[^\s/'\"]+){2,}/?", "the store", first)
    return re.sub(r"`[^`]*`", "", first).strip() or "The request could not be handled."


def error_response(request: Request, status: int, message: str) -> Response:
    if wants_json(request):
        return JSONResponse({"detail": message}, status_code=status)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(
        request, "error.html",
        {"status": status, "title": _TITLES.get(status, "Error"), "message": message},
        status_code=status)


async def _not_found(request: Request, exc: Exception) -> Response:
    return error_response(request, 404, not_found_message(request.url.path))


async def _bad_request(request: Request, exc: Exception) -> Response:
    status = 422 if isinstance(exc, InvalidInput) else 400
    return error_response(request, status, _plain(str(exc)))


async def _http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 404:
        return error_response(request, 404, not_found_message(request.url.path))
    if wants_json(request):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                            headers=exc.headers)
    return error_response(request, exc.status_code, str(exc.detail))


async def _invalid(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    if wants_json(request):
        return await request_validation_exception_handler(request, exc)
    names = ", ".join(str(e["loc"][-1]) for e in exc.errors())
    return error_response(request, 422, f"Invalid value for {names}.")


def install(app: FastAPI) -> None:
    app.add_exception_handler(NotFoundError, _not_found)
    app.add_exception_handler(SitrepError, _bad_request)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(RequestValidationError, _invalid)
