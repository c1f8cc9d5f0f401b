"""An article's outlet as readers know it: the stated outlet, else the URL's host.

One rule everywhere (story lists, briefs, the web app, SQL filters): records
such as VOA's carry only a URL, and a local file never names its outlet by
its path. ``OUTLET_SQL_PG`` is the same rule in PostgreSQL; SQLite calls
:func:`outlet_name` itself (registered by :func:`register_sqlite`).
"""

from __future__ import annotations

import sqlite3
from urllib.parse import urlsplit

SQLITE_FUNCTION = "sitrep_outlet"
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
