"""Article text as HTML with its annotations marked.

The text is cut at every span boundary; each piece is escaped on its own and
wrapped in one element whose classes name the layers covering it (an entity
piece is a link to the entity page). A cited range ``[start, end)`` becomes
one ``<mark id="cite">`` around its pieces. Offsets out of range are clamped.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from urllib.parse import quote

from markupsafe import Markup, escape

from sitrep.models import Annotations


@dataclass(slots=True)
class Layer:
    """One span to mark: CSS class, hover title and an optional link."""

    start: int
    end: int
    css: str
    title: str = ""
    href: str | None = None


@dataclass(slots=True)
class _Piece:
    css: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    href: str | None = None


def layers_of(ann: Annotations | None, entity_url: str = "/entities/") -> list[Layer]:
    """The spans of every annotation layer shown in the article view."""
    if ann is None:
        return []
    out: list[Layer] = []
    for ev in ann.events:
        out.append(Layer(ev.start, ev.end, "ev",
                         f"event {ev.type}" + (f" ({ev.modality})" if ev.modality else "")))
        out.append(Layer(ev.trigger.start, ev.trigger.end, "ev-trigger", f"{ev.type} trigger"))
    for at in ann.attributions:
        if at.content:
            out.append(Layer(at.content.start, at.content.end, "attr-content", "attributed"))
        if at.source:
            out.append(Layer(at.source.start, at.source.end, "attr-source", "source"))
        out.append(Layer(at.cue.start, at.cue.end, "attr-cue", "attribution cue"))
    for t in ann.times:
        out.append(Layer(t.start, t.end, "time", f"{t.type} {t.value or 'unresolved'}"))
    for q in ann.quantities:
        what = f"{q.value:g}" if q.value is not None else "?"
        extra = " ≈" if q.approx else ""
        if q.old_value is not None:
            extra += f" ({q.change or 'unchanged'} from {q.old_value:g})"
        out.append(Layer(q.start, q.end, "qty",
                         f"quantity {what}{extra}" + (f" {q.counted}" if q.counted else "")))
    for m in ann.entities:
        roles = f" — {'; '.join(m.roles)}" if m.roles else ""
        out.append(Layer(m.start, m.end, f"ent ent-{m.type}", f"{m.type} {m.name}{roles}",
                         f"{entity_url}{quote(m.entity_id)}" if m.entity_id else None))
    return out


def render(text: str, layers: list[Layer], cite: tuple[int, int] | None = None) -> Markup:
    """``text`` as escaped HTML with ``layers`` marked and ``cite`` in a ``<mark>``."""
    n = len(text)
    spans = [(max(0, min(x.start, n)), max(0, min(x.end, n)), x) for x in layers]
    spans = [s for s in spans if s[0] < s[1]]
    cut = sorted({0, n, *(s for s, _, _ in spans), *(e for _, e, _ in spans)}
                 | (set(_clamp(cite, n)) if cite else set()))
    pieces = [_Piece() for _ in range(len(cut) - 1)]
    for start, end, layer in spans:
        for i in range(bisect_left(cut, start), bisect_left(cut, end)):
            p = pieces[i]
            p.css.append(layer.css)
            if layer.title:
                p.titles.append(layer.title)
            if layer.href and p.href is None:
                p.href = layer.href
    c0, c1 = _clamp(cite, n) if cite else (-1, -1)
    out: list[str] = []
    opened = False
    for i, piece in enumerate(pieces):
        a, b = cut[i], cut[i + 1]
        if a == c0:
            out.append(_MARK + ("</mark>" if c0 == c1 else ""))
            opened = True
        out.append(_element(text[a:b], piece))
        if b == c1 and c0 != c1:
            out.append("</mark>")
    if cite and not opened:  # an empty citation at the very end still gets its anchor
        out.append(_MARK + "</mark>")
    return Markup("".join(out))


_MARK = '<mark id="cite" class="cite">'


def _clamp(cite: tuple[int, int], n: int) -> tuple[int, int]:
    start = max(0, min(cite[0], n))
    return start, max(start, min(cite[1], n))


def _element(chunk: str, piece: _Piece) -> str:
    body = escape(chunk)
    if not piece.css:
        return str(body)
    css = escape(" ".join(dict.fromkeys(" ".join(piece.css).split())))
    title = escape(" | ".join(dict.fromkeys(piece.titles)))
    if piece.href:
        return f'<a class="{css}" href="{escape(piece.href)}" title="{title}">{body}</a>'
    return f'<span class="{css}" title="{title}">{body}</span>'
