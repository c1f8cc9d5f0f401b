"""An article's outlet as readers know it: the stated outlet, else the URL's host.

One rule everywhere (story lists, briefs, the web app, SQL filters): records
such as VOA's carry only a URL, and a local file never names its outlet by
its path. ``OUTLET_SQL_PG`` is the same rule in PostgreSQL; SQLite calls
:func:`outlet_name` itself (registered by :func:`register_sqlite`).
"""

from __future__ import annotations

import functools
import re
import sqlite3
from urllib.parse import urlsplit

SQLITE_FUNCTION = "sitrep_outlet"
_SQUASH = re.compile(r"[^a-z0-9]")
_WORD = re.compile(r"[A-Za-z]+")
# The host after scheme://, lower-cased; NULL when none. No "?" in store SQL (it is the
# placeholder), so the regex writes it \x3f.
_PG_HOST = r"'^[a-z][a-z0-9+.-]*://([^/:#@\x3f]+)'"


def url_host(url: str | None) -> str | None:
    """The host of an http(s)-like URL without "www.", or None (file paths have none)."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return None
    return host.removeprefix("www.") or None


def outlet_name(outlet: str | None, url: str | None) -> str | None:
    """The stated outlet, else the URL's host, else None."""
    stated = (outlet or "").strip()
    return stated or url_host(url)


def outlet_sql(dialect: str, alias: str = "a") -> str:
    """:func:`outlet_name` of ``alias``'s row as an SQL expression for ``dialect``."""
    if dialect == "sqlite":
        return f"{SQLITE_FUNCTION}({alias}.outlet, {alias}.url)"
    return (f"COALESCE(NULLIF(btrim({alias}.outlet), ''),"
            f" regexp_replace(substring(lower({alias}.url) from {_PG_HOST}), '^www[.]', ''))")


def register_sqlite(conn: sqlite3.Connection) -> None:
    conn.create_function(SQLITE_FUNCTION, 2, outlet_name, deterministic=True)


def publisher_key(outlet: str | None, url: str | None) -> str:
    """The page's outlet as :func:`is_publisher` compares it: the stated outlet and the
    URL's host, lower-cased, squashed to letters and digits ("" when neither is known)."""
    return " ".join(_SQUASH.sub("", part.lower()) for part in (outlet, url_host(url)) if part)


@functools.lru_cache(maxsize=8192)
def is_publisher(name: str, key: str) -> bool:
    """Whether ``name`` is the outlet of the page it appears on ("CNN" on cnn.com,
    "Voice of America" on voanews.com); ``key`` is :func:`publisher_key` of the page.

    A page names its own outlet in bylines, credits and sign-up chrome: that says
    nothing about what happened, so briefs and story profiles leave it out.
    """
    squashed = _SQUASH.sub("", name.lower())
    if len(squashed) < 3 or not key:
        return False
    words = _WORD.findall(name)
    # Initials of the capitalised words ("NYT"), and of all ("VOA": Voice of America).
    initials = {"".join(w[0] for w in words if w[0].isupper()).lower(),
                "".join(w[0] for w in words).lower()}
    return squashed in key or any(
        f"{i}times" in part or part.startswith(("www" + i, i))
        for i in initials if len(i) >= 3 for part in key.split())
