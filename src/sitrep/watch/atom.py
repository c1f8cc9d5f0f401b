"""An Atom feed of a watchlist's alerts, so any feed reader can subscribe."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from sitrep.store.watch import AlertRow

ATOM = "http://www.w3.org/2005/Atom"


def alerts_feed(watchlist: str, alerts: Sequence[AlertRow], self_url: str,
                site_url: str) -> bytes:
    """Atom 1.0 of ``alerts`` (newest first); links point into ``site_url``."""
    site = site_url.rstrip("/")
    root = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
    _sub(root, "title", f"sitrep alerts: {watchlist}")
    _sub(root, "id", f"{site}/watchlists/{watchlist}")
    _sub(root, "updated", alerts[0].created_at if alerts else "1970-01-01T00:00:00+00:00")
    etree.SubElement(root, f"{{{ATOM}}}link", rel="self", href=self_url)
    author = etree.SubElement(root, f"{{{ATOM}}}author")
    _sub(author, "name", "sitrep")
    for alert in alerts:
        entry = etree.SubElement(root, f"{{{ATOM}}}entry")
        _sub(entry, "id", f"{site}/watchlists/{watchlist}/alerts/{alert.id}")
        _sub(entry, "title", str(alert.data.get("what") or alert.kind))
        _sub(entry, "updated", alert.created_at)
        etree.SubElement(entry, f"{{{ATOM}}}category", term=alert.kind)
        if alert.story_id:
            etree.SubElement(entry, f"{{{ATOM}}}link", rel="alternate",
                             href=f"{site}/stories/{alert.story_id}")
        cite = alert.data.get("cite")
        lines = [str(alert.data.get("what") or "")]
        if cite:
            link = f"{site}/articles/{cite['article']}?cite={cite['start']}-{cite['end']}"
            etree.SubElement(entry, f"{{{ATOM}}}link", rel="related", href=link)
            lines += [f"\u201c{cite['text']}\u201d", f"source: {link}"]
        explanation = (alert.data.get("discrepancy") or {}).get("explanation")
        if explanation:
            lines.append(explanation)
        _sub(entry, "content", "\n".join(lines)).set("type", "text")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8"))


def _sub(parent: etree._Element, tag: str, text: str) -> etree._Element:
    el = etree.SubElement(parent, f"{{{ATOM}}}{tag}")
    el.text = text
    return el
