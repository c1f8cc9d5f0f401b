"""Which feeds to watch: URLs given directly, text files of URLs, OPML files.

A text file holds one feed URL a line; ``#`` starts a comment, and a line may
end with ``every=30m`` (its own polling interval). OPML is what feed readers
export: every ``<outline xmlUrl=...>`` is a feed, its ``title`` or ``text``
the feed's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from sitrep.errors import InputError
from sitrep.sources.files import is_url

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_DURATION = re.compile(r"^(\d+(?:\.\d+)?)(s|m|h|d)?$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, None: 1}


@dataclass(frozen=True, slots=True)
class FeedSpec:
    """One feed to watch; ``interval_s`` None means the watcher's default."""

    url: str
    title: str | None = None
    interval_s: float | None = None


def parse_duration(text: str, where: str = "duration") -> float:
    """Seconds in ``90``, ``90s``, ``15m``, ``2h``, ``1d``."""
    m = _DURATION.match(text.strip().lower())
    if not m:
        raise InputError(where, f"cannot read {text!r} as a duration; write e.g. 90s, 15m, 2h")
    return float(m.group(1)) * _UNITS[m.group(2)]


def read_feed_list(args: Iterable[str]) -> list[FeedSpec]:
    """The feeds named by ``args`` (URLs, text files, OPML files), first mention kept."""
    specs: dict[str, FeedSpec] = {}
    for arg in args:
        for spec in [FeedSpec(arg)] if is_url(arg) else _read_file(Path(arg)):
            specs.setdefault(spec.url, spec)
    return list(specs.values())


def _read_file(path: Path) -> list[FeedSpec]:
    if not path.is_file():
        raise InputError(str(path), "no such file; give feed URLs (http:// or https://), "
                         "a text file of URLs or an OPML file")
    data = path.read_bytes()
    head = data[:512].lstrip().lower()
    if path.suffix.lower() in (".opml", ".xml") or head.startswith((b"<?xml", b"<opml")):
        return parse_opml(data, str(path))
    return parse_url_lines(data.decode("utf-8", errors="replace"), str(path))


def parse_url_lines(text: str, source: str) -> list[FeedSpec]:
    specs = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = re.sub(r"\s+#.*$", "", raw.strip())
        if not line or line.startswith("#"):
            continue
        url, *options = line.split()
        where = f"{source}:{number}"
        if not is_url(url):
            raise InputError(where, f"{url!r} is not an http(s) URL; one feed URL a line")
        interval = None
        for option in options:
            key, _, value = option.partition("=")
            if key != "every" or not value:
                raise InputError(where, f"unknown option {option!r}; only every=15m is known")
            interval = parse_duration(value, where)
        specs.append(FeedSpec(url, None, interval))
    return specs


def parse_opml(data: bytes, source: str) -> list[FeedSpec]:
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as err:
        raise InputError(source, f"not a well-formed OPML file ({err.msg})") from err
    if etree.QName(root).localname != "opml":
        raise InputError(source, f"XML root <{etree.QName(root).localname}> is not OPML")
    specs = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()
        if not url:
            continue  # a folder
        if not is_url(url):
            raise InputError(source, f"outline {url!r} is not an http(s) feed URL")
        specs.append(FeedSpec(url, outline.get("title") or outline.get("text")))
    if not specs:
        raise InputError(source, "OPML file lists no feeds (no outline with xmlUrl)")
    return specs
