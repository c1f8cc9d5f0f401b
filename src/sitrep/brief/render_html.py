"""The brief as one self-contained HTML page (no scripts, no external files).

Every text is escaped, only http(s) URLs become links and a Content-Security-Policy
forbids scripts (see ``render.safe``). A citation is a link to its entry in the list of cited
passages at the end, and shows the cited words on hover (``title``).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from sitrep.brief.model import Brief, BriefItem
from sitrep.brief.render_md import _KINDS
from sitrep.reconcile.claims import Citation
from sitrep.render.safe import CSP_META, safe_url

_STYLE = """body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem}h2{font-size:1.2rem;border-bottom:1px solid #ccc;margin-top:2rem}
a.cite{font-size:.8em;vertical-align:super;text-decoration:none}
.new{background:#fe8;padding:0 .2em;font-size:.8em}.dev{color:#555;font-style:italic}
.passage{font-size:.9em;color:#333}.passage:target{background:#ffc}
blockquote{margin:.2em 0 .8em 1em;color:#333}"""


class _Cites:
    """Citations show their source's number; each cited passage gets an anchor."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.order: dict[Citation, int] = {}
        self.source_no = {s.article: i for i, s in enumerate(brief.sources, start=1)}

    def links(self, cites: Sequence[Citation]) -> str:
        out = []
        for c in dict.fromkeys(cites):
            n = self.order.setdefault(c, len(self.order) + 1)
            no = self.source_no.get(c.article, "?")
            out.append(f'<a class="cite" href="#c{n}" title="source {no}: '
                       f'{escape(self.words(c))}">[{no}]</a>')
        return "".join(out)

    def words(self, c: Citation) -> str:
        return " ".join(self.brief.texts.get(c.article, "")[c.start:c.end].split())


def _new(item: BriefItem) -> str:
    return '<span class="new">new</span> ' if item.new else ""


def brief_to_html(brief: Brief, index_href: str | None = None) -> str:
    """The page; ``index_href`` adds a link back to the list of briefs."""
    cites = _Cites(brief)
    e = escape
    body = [f'<p><a href="{e(index_href)}">← All stories</a></p>'] if index_href else []
    body.append(f"<h1>{e(brief.title)}</h1>")
    if brief.since:
        body.append(f"<p>Changes since {e(brief.since)} are marked "
                    f'<span class="new">new</span>.</p>')
    body.append("<h2>Summary</h2><ul>")
    body += [f"<li>{_new(i)}{e(i.text)}{cites.links(i.citations)}</li>" for i in brief.summary]
    body.append("</ul><h2>Key facts</h2><ul>")
    for i in brief.facts:
        mark = " <em>(corroborated)</em>" if i.corroborated else ""
        body.append(f"<li>{_new(i)}{e(i.text)}{cites.links(i.citations)}{mark}</li>")
    body.append("</ul><h2>Actors</h2><ul>")
    for a in brief.actors:
        roles = ": " + "; ".join(e(r) for r in a.roles) if a.roles else ""
        body.append(f"<li><b>{e(a.name)}</b> ({e(a.type)}){roles}{cites.links(a.citations)}</li>")
    body.append("</ul><h2>Timeline</h2><ul>")
    for t in brief.timeline:
        guess = " (year inferred)" if t.inferred else ""
        body.append(f"<li><b>{e(t.date)}</b>{guess} {_new(t)}{e(t.text)}"
                    f"{cites.links(t.citations)}</li>")
    body.append("</ul><h2>Numbers</h2><ul>")
    for n in brief.numbers:
        dev = ' <span class="dev">developing</span>' if n.developing else ""
        points = "".join(
            f"<li>{e(p.date or 'undated')}: {e(p.value)} ({e(p.source)})"
            f"{cites.links([p.citation])}</li>" for p in n.points)
        body.append(f"<li><b>{e(n.about)}</b>{dev}<ul>{points}</ul></li>")
    body.append("</ul><h2>Conflicting reports and updates</h2><ul>")
    if not brief.discrepancies:
        body.append("<li>None found.</li>")
    for d in brief.discrepancies:
        body.append(f"<li><b>{e(_KINDS[d.kind])}: {e(d.about)}.</b> {e(d.explanation)}"
                    f"{cites.links([c.citation for c in d.claims])}</li>")
    body.append("</ul>")
    if brief.related:
        body.append("<h2>Related</h2><ul>")
        body += [f"<li>{e(r.title or r.id)}</li>" for r in brief.related]
        body.append("</ul>")
    body.append("<h2>Sources</h2><ol>")
    for s in brief.sources:
        title = e(s.title or s.article)
        href = safe_url(s.url)
        link = f'<a href="{e(href)}" rel="noopener noreferrer">{title}</a>' if href else title
        body.append(f'<li id="s{cites.source_no[s.article]}">{e(s.outlet)}: {link}, '
                    f"{e(s.published or 'undated')}</li>")
    body.append("</ol><h2>Cited passages</h2><ul class=\"passage\">")
    for c, anchor in cites.order.items():
        src = cites.source_no.get(c.article, "?")
        body.append(f'<li id="c{anchor}"><a href="#s{src}">[{src}] source {src}</a>, characters '
                    f"{c.start}–{c.end}<blockquote>{e(cites.words(c))}</blockquote></li>")
    body.append("</ul>")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">" + CSP_META
            + '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{e(brief.title)}</title><style>{_STYLE}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")
