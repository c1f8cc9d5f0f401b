"""Server-rendered pages (Jinja2, autoescaped), one module per page family."""

from __future__ import annotations

from fastapi import APIRouter


def routers() -> list[APIRouter]:
    from sitrep.web import pages_articles, pages_entities, pages_stories

    return [pages_stories.router, pages_articles.router, pages_entities.router]
