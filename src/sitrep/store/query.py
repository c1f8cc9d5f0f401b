"""User search text to an FTS5 query that cannot be a syntax error.

The accepted syntax is PostgreSQL's ``websearch_to_tsquery``, so both
backends read a query the same way: words are ANDed, ``"a phrase"`` matches
words in order, ``OR`` between two terms matches either, ``-word`` excludes.
``AND`` and ``NOT`` are ignored. Everything else (``*``, ``(``, ``:``,
``^``, ``NEAR``, stray quotes) is plain text: each term is reduced to its
word characters and double-quoted, which FTS5 always parses.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')
_WORD = re.compile(r"\w+")
# Boolean words websearch_to_tsquery drops as stop words: drop them here too.
_IGNORED = {"AND", "NOT"}


def to_fts5(query: str) -> str | None:
    """The FTS5 MATCH expression for a websearch-style query; None if it has no words."""
    clauses: list[list[str]] = []
    excluded: list[str] = []
    pending_or = False
    for match in _TOKEN.finditer(query):
        neg_phrase, phrase, neg_word, word = match.groups()
        raw = phrase if phrase is not None else word
        if phrase is None and raw == "OR":
            pending_or = bool(clauses)
            continue
        if phrase is None and raw in _IGNORED:
            continue
        words = _WORD.findall(raw)
        if not words:
            continue
        term = '"' + " ".join(words) + '"'
        if neg_phrase or neg_word:
            excluded.append(term)
        elif pending_or:
            clauses[-1].append(term)
        else:
            clauses.append([term])
        pending_or = False
    if not clauses:
        return None
    expr = " AND ".join(c[0] if len(c) == 1 else "(" + " OR ".join(c) + ")" for c in clauses)
    for term in excluded:
        expr = f"({expr}) NOT {term}"
    return expr
