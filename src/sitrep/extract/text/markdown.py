"""Markdown to plain lines: headings keep their level, inline markup goes, images drop.

Only what news dumps use is handled (ATX and setext headings, emphasis,
links, images, block quotes, code fences, HTML comments, YAML front matter);
the output is one plain line per source line so the text layer can treat
Markdown and plain text alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*?)\s*$")
_ATX = re.compile(r"^\s{0,3}(?P<marks>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(?P<mark>=+|-+)\s*$")
_FENCE = re.compile(r"^\s{0,3}(?:```|~~~)")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_LINK = re.compile(r"\[(?P<text>[^\]]*)\]\((?:[^()]|\([^)]*\))*\)|\[(?P<ref>[^\]]+)\]\[[^\]]*\]")
_LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_EMPHASIS = re.compile(
    r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\3(?![\w*])"
)
_CODE = re.compile(r"`([^`]*)`")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_FRONT_KEYS = {"title": "title", "date": "published", "published": "published", "author": "author",
               "url": "url", "source": "outlet", "outlet": "outlet"}  # fmt: skip


@dataclass(slots=True)
class MarkdownLines:
    """Plain lines (blank lines kept) with the heading level of each (0: not a heading)."""

    lines: list[str] = field(default_factory=list)
    levels: list[int] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)  # from YAML front matter


def markdown_lines(text: str) -> MarkdownLines:
    """The plain lines of a Markdown document, with heading levels and front matter."""
    out = MarkdownLines()
    front = _FRONT_MATTER.match(text)
    if front:
        out.meta = _front_matter(front.group("body"))
        text = text[front.end() :]
    in_fence = False
    for raw in _HTML_COMMENT.sub("", text).split("\n"):
        if _FENCE.match(raw):
            in_fence = not in_fence
            continue
        if in_fence:
            out.lines.append(raw)
            out.levels.append(0)
            continue
        setext = _SETEXT.match(raw)
        if setext and out.lines and out.lines[-1].strip() and out.levels[-1] == 0:
            out.levels[-1] = 1 if setext.group("mark").startswith("=") else 2
            continue
        atx = _ATX.match(raw)
        line, level = (atx.group("text"), len(atx.group("marks"))) if atx else (raw, 0)
        out.lines.append("" if _LINK_DEFINITION.match(line) else plain_inline(line))
        out.levels.append(level)
    return out


def plain_inline(line: str) -> str:
    """A Markdown line without its inline markup (images dropped, links to their text)."""
    line = _QUOTE.sub("", line)
    line = _IMAGE.sub("", line)
    line = _LINK.sub(lambda m: m.group("text") or m.group("ref") or "", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _CODE.sub(r"\1", line)
    previous = None
    while previous != line:  # nested emphasis: ***x*** and **_x_**
        previous = line
        line = _EMPHASIS.sub(lambda m: m.group(2) or m.group(4) or "", line)
    return _HTML_TAG.sub("", line).rstrip()


def _front_matter(body: str) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for line in body.splitlines():
        match = _FRONT_FIELD.match(line)
        if not match:
            continue
        key = _FRONT_KEYS.get(match.group("key").lower())
        value = match.group("value").strip().strip("'\"")
        if key and value:
            meta.setdefault(key, value)
    return meta
