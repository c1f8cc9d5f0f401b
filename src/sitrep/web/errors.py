"""Error responses: an HTML page for the pages, JSON under /api, never a server detail.

The library's errors (sitrep.errors) are mapped here: the caller's errors get a
4xx status (not found 404, an unusable value 422, a body over the limit 413, any
other 400) with the library's first clause, paths and command hints removed;
errors on this side (the store, the model, an engine) get 5xx and a fixed
sentence, since the path or driver message in them is no business of a visitor.
A not-found page says what was not found, in the app's own words.
"""

from __future__ import annotations

import re

from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from sitrep.errors import (
    BodyTooLarge,
    EngineUnavailable,
    InvalidInput,
    ModelError,
    NotFoundError,
    SitrepError,
    StoreError,
)

_WHAT = {"stories": "story", "articles": "article", "entities": "entity"}
_TITLES = {400: "Bad request", 403: "Not allowed", 404: "Not found",
           405: "Not allowed", 413: "Too large", 415: "Not accepted", 422: "Invalid input",
           500: "Server error", 503: "Unavailable"}
# Most specific first; a SitrepError not listed is the caller's (400) or, when its
# class says ``caller_fault = False``, this side's (500).
_STATUS: list[tuple[type[SitrepError], int]] = [
    (NotFoundError, 404), (InvalidInput, 422), (BodyTooLarge, 413),
    (StoreError, 503), (ModelError, 503), (EngineUnavailable, 503),
]
_SERVER_MESSAGE = {
    503: "The server cannot answer this now (its store or model is unavailable); "
         "try again later.",
    500: "The server could not handle this request.",
}


def status_of(exc: SitrepError) -> int:
    """The HTTP status of a library error: 4xx when the caller can fix it, else 5xx."""
    for cls, status in _STATUS:
        if isinstance(exc, cls):
            return status
    return 400 if exc.caller_fault else 500


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


def error_response(request: Request, status: int, message: str,
                   code: str | None = None) -> Response:
    """The error as JSON under /api (``detail``, and the library's ``code`` when known),
    else as a page."""
    if wants_json(request):
        body = {"detail": message, **({"code": code} if code else {})}
        return JSONResponse(body, status_code=status)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(
        request, "error.html",
        {"status": status, "title": _TITLES.get(status, "Error"), "message": message},
        status_code=status)


async def _library(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, SitrepError)
    status = status_of(exc)
    if status == 404:
        message = not_found_message(request.url.path)
    elif status >= 500:
        message = _SERVER_MESSAGE.get(status, _SERVER_MESSAGE[500])
    else:
        message = _plain(str(exc))
    return error_response(request, status, message, exc.code)


def _cause(exc: BaseException) -> SitrepError | None:
    """The library error behind ``exc`` (FastAPI wraps errors raised while it reads a
    request body in a 400)."""
    seen = exc.__cause__ or exc.__context__
    for _ in range(8):  # a short chain: the wrapper and what it wraps
        if seen is None or isinstance(seen, SitrepError):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


async def _http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    cause = _cause(exc)
    if cause is not None:
        return await _library(request, cause)
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
    app.add_exception_handler(SitrepError, _library)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(RequestValidationError, _invalid)
