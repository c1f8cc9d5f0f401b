"""Jinja filters: safe links, dates, search snippets, citation links."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from jinja2 import Environment
from markupsafe import Markup, escape

from sitrep.render.readable_dates import human_date, human_time
from sitrep.render.safe import safe_url


def day(value: str | None) -> str:
    return (value or "")[:10]


def snippet(text: str) -> Markup:
    """A search snippet with its ``[match]`` markers as <b>, the rest escaped."""
    out, depth = [], 0
    for ch in text:
        if ch == "[" and depth == 0:
            out.append("<b>")
            depth = 1
        elif ch == "]" and depth == 1:
            out.append("</b>")
            depth = 0
        else:
            out.append(str(escape(ch)))
    if depth:
        out.append("</b>")
    return Markup("".join(out))


def cite_url(c: dict[str, Any]) -> str:
    return (f"/articles/{quote(str(c['article']))}?cite={int(c['start'])}-{int(c['end'])}"
            "#cite")


def install(env: Environment) -> None:
    env.filters.update(safe_url=safe_url, day=day, snippet=snippet, cite_url=cite_url,
                       human_date=human_date, human_time=human_time,
                       urlq=lambda v: quote(str(v), safe=""))
