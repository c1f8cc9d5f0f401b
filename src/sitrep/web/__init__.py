"""The analyst web app: server-rendered pages and a JSON API over one store.

``create_app(WebSettings(db=...))`` builds the FastAPI application;
``sitrep serve`` (sitrep.cli.serve) runs it with uvicorn. FastAPI is imported only
when the app is built, so the rest of the command line starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sitrep.web.app import create_app
    from sitrep.web.settings import WebSettings

__all__ = ["WebSettings", "create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from sitrep.web.app import create_app

        return create_app
    if name == "WebSettings":
        from sitrep.web.settings import WebSettings

        return WebSettings
    raise AttributeError(f"module 'sitrep.web' has no attribute {name!r}")
