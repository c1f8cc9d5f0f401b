"""The application factory: middleware, templates, static files and routes."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from sitrep import __version__
from sitrep.store import Store, open_store
from sitrep.web import errors, filters
from sitrep.web.briefs import BriefService
from sitrep.web.security import SecurityMiddleware
from sitrep.web.settings import WebSettings
from sitrep.web.stores import StorePool

HERE = Path(__file__).parent
log = logging.getLogger(__name__)


def create_app(settings: WebSettings) -> FastAPI:
    """The web app over the store ``settings.db``."""
    from sitrep.web.api import router as api_router
    from sitrep.web.pages import routers as page_routers
    from sitrep.web.watch import router as watch_router

    open_store(settings.db).close()  # fail fast on a bad store; migrate once
    pool = StorePool(settings.db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(_warm_up, app)
        yield
        pool.close()

    app = FastAPI(title="sitrep", version=__version__, lifespan=lifespan,
                  description="Stories, sourced briefs, articles, annotations and entities "
                  "of a sitrep store.", docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json")
    app.state.settings = settings
    app.state.pool = pool
    app.state.briefs = BriefService()
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    filters.install(env)
    env.globals["read_only"] = settings.read_only
    app.state.templates = Jinja2Templates(env=env)
    app.add_middleware(SecurityMiddleware, token=settings.token,
                       max_body=settings.max_upload_bytes, allowed_hosts=settings.allowed_hosts)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api_router)
    app.include_router(watch_router)
    for router in page_routers():
        app.include_router(router)
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    errors.install(app)
    return app


def _warm_up(app: FastAPI) -> None:
    """Before the server answers: import what a brief needs (the story code pulls in
    spaCy: seconds) and count the first page of stories' disputes, so the first brief
    and the first story list after start are as quick as later ones."""
    import sitrep.brief.stored
    import sitrep.stories  # noqa: F401
    from sitrep.web.render import PAGE
    from sitrep.web.service import StoryQuery, story_page

    story_page(app.state.pool.get(), app.state.briefs, StoryQuery(limit=PAGE))


def store_of(request: Request) -> Store:
    """This thread's store (call inside the endpoint: dependencies may run elsewhere)."""
    pool: StorePool = request.app.state.pool
    return pool.get()
