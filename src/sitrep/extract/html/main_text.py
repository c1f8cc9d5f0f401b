"""Main text of a parsed page (or of one article element) with trafilatura.

Settings, measured on the Zyte article-extraction benchmark (dev half):
reader comments are left out (they are not the article) and trafilatura's
precision focus drops more teaser, newsletter and link-list blocks than it
loses text. Around it: tree fixes before (``html_prepare``), headings the
precision pass dropped put back (``html_headings``), and the line-level chrome
filter last (``html_boilerplate``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.settings import Document

from sitrep.extract.html.boilerplate import drop_chrome_lines
from sitrep.extract.html.headings import restore_headings
from sitrep.extract.html.prepare import prepare_for_extraction

# Below this many characters the precision pass may have missed the article
# (an unusual layout): the balanced pass, with trafilatura's own recall
# escalation and justext rescue, gets a second look. Above it, the short text
# is nearly always right (short news items), so the second pass is not run.
_SHORT_TEXT = 250
# Menus, footers and button rows come out as lines of a few words; article
# text has at least one sentence-length line.
_MIN_SENTENCE_WORDS = 6
# Chinese, Japanese and Thai do not space words: count characters instead
_UNSPACED_SCRIPT = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_MIN_UNSPACED_CHARS = 15


def _trafilatura_text(tree: HtmlElement, url: str | None, precision: bool = True) -> str:
    # bare_extraction copies a tree it is handed, so ``tree`` stays intact
    doc = bare_extraction(
        tree,
        url=url,
        include_comments=False,
        favor_precision=precision,
        with_metadata=False,
    )
    return doc.text or "" if isinstance(doc, Document) else ""


def _main_text(tree: HtmlElement, url: str | None) -> str:
    text = _trafilatura_text(tree, url)
    if len(text) < _SHORT_TEXT:
        second = _trafilatura_text(tree, url, precision=False)
        if len(second) > len(text):
            return second
    return text


def extract_main_text(tree: HtmlElement, url: str | None, titles: Iterable[str | None]) -> str:
    """The main text of ``tree``, one paragraph a line; "" when it has no prose.

    ``tree`` is fixed in place on the way (see ``html_prepare``): read
    everything else from it first.
    """
    tree = prepare_for_extraction(tree)
    text = drop_chrome_lines(restore_headings(_main_text(tree, url), tree), titles)
    return text if _has_sentence(text) else ""


def _has_sentence(text: str) -> bool:
    return any(
        len(line.split()) >= _MIN_SENTENCE_WORDS
        or len(_UNSPACED_SCRIPT.findall(line)) >= _MIN_UNSPACED_CHARS
        for line in text.splitlines()
    )
