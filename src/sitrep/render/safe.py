"""Output safety shared by every renderer: links, Markdown text, spreadsheet cells.

Article URLs, titles and texts come from untrusted pages and records. Only
http(s) URLs become links (a ``javascript:`` or ``data:`` URL stays visible
as text), static HTML files carry a Content-Security-Policy that forbids
scripts, Markdown gets raw HTML and link syntax escaped, and CSV cells that a
spreadsheet would run as a formula are prefixed with a quote.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

# For self-contained HTML files: inline styles only; no scripts, frames, fetches or forms.
STATIC_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; "
              "base-uri 'none'; form-action 'none'")
CSP_META = f'<meta http-equiv="Content-Security-Policy" content="{STATIC_CSP}">'

_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")  # browsers drop these inside "java\tscript:"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>&|])")
_MD_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL with a host, else None."""
    if not url:
        return None
    value = url.strip()
    try:
        parts = urlsplit(_IGNORED_IN_SCHEME.sub("", value))
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return value if not _IGNORED_IN_SCHEME.search(value) else None


def md_text(text: str) -> str:
    """Text for Markdown: one line, raw HTML and Markdown syntax shown, never run."""
    flat = " ".join(text.split())
    return _MD_SPECIAL.sub(lambda m: _MD_ENTITIES.get(m.group(1), "\\" + m.group(1)), flat)


def md_url(url: str | None) -> str:
    """An http(s) URL as a Markdown autolink; anything else as plain, escaped text."""
    safe = safe_url(url)
    if safe:
        return f"<{safe.replace('>', '%3E').replace(' ', '%20')}>"
    return f"{md_text(url)} (not an http(s) link)" if url else ""


def csv_cell(value: Any) -> Any:
    """A cell a spreadsheet shows as text: strings that start a formula get a leading quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
