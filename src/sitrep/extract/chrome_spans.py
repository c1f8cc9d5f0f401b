"""Page chrome inside a record's text, as character spans (the text itself is kept).

A JSON Lines record (a news-please style scraper export) carries its page's text as
the scraper saw it: login forms, share buttons, "Image 2 of 9" counters, photo
credits, "Related Coverage" teasers and the outlet's footer sit among the report's
paragraphs. ``record.py`` keeps the text unchanged, so that offsets a caller computed
on it hold; the chrome is instead listed as spans (``Article.extra["chrome_spans"]``)
that the annotation layers and the stories' profile read as blanks (:func:`readable`).

The spans come from the classifier the text extractor uses (``chrome.classify_line``)
and from the pieces of a gallery caption that are not its prose: the counter, the
credit, the gallery's buttons. A caption's prose stays: on a gallery page it may be
the only report there is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from sitrep.extract.chrome import (
    ChromeVocabulary,
    LineKind,
    classify_line,
    default_vocabulary,
    fold_phrase,
)
from sitrep.extract.text.headline import is_prose
from sitrep.models import Article

EXTRA_KEY = "chrome_spans"
# Kinds of line that are chrome as a whole: buttons, menus, bylines, rules, teaser
# labels. A caption (CREDIT) keeps its prose; its credit is cut out below. A date stamp
# ("Updated March 3, 2031") stays: a record without a publication date is dated by it
# (the times layer and the stories' dates read it; masked, ECB+ dev fell .948 -> .941).
_WHOLE_LINE = frozenset({LineKind.CHROME, LineKind.BYLINE, LineKind.RULE,
                         LineKind.TEASER_LABEL})
# A run of UI labels is short: "Email Password Forgot your password?", "Twitter Print More".
_MAX_LABEL_RUN_WORDS = 12
# A gallery's counter: "Image 2 of 9", "Photo 2 of 9", "Hide Caption 2 of 9", "1 of / 9"
# (a bare "6 of 10" is prose).
_COUNTER = re.compile(
    r"\b(?:(?:hide|show)\s+caption|image|photo|picture|slide)\s+\d{1,3}\s+of\s+\d{1,3}(?![\w/])"
    r"|(?<![\w/])\d{1,3}\s+of\s+/\s*\d{1,3}(?![\w/])",
    re.IGNORECASE,
)
# A gallery's buttons ("Caption Close", "... more", "Hide Caption").
_GALLERY_BUTTONS = re.compile(
    r"\bcaption\s+close\b|\b(?:hide|show|view)\s+(?:full\s+)?caption\b|\.\.\.\s*more\b"
    r"|\b(?:previous|next)\s+(?:image|photo|slide)\b",
    re.IGNORECASE,
)
# A credit in a caption: "Photo: Jane Roe, The Daily" up to the line's end or the
# gallery's next piece, or one in parentheses "(Photo: WXYZ)" / "(Source: Police)".
_CREDIT_MARK = re.compile(
    r"\b(?:photo|photos|image|picture|credit|source|courtesy)\s*:|\bphoto\s+courtesy\b",
    re.IGNORECASE,
)
_MAX_CREDIT_CHARS = 80
_SENTENCE = re.compile(r"[.!?](?:\s|$)")
_CREDIT_PAREN = re.compile(
    r"\((?i:photo|photos|image|picture|credit|source|courtesy)\s*(?::|(?i:by|courtesy)\b)"
    r"[^()\n]{0,60}\)"
    r"|\((?:[A-Z][\w.&'-]*\s+){1,4}(?i:photo|image)\)"
)
# A page script's identifiers ("slide_panel_show|photo-set-7|0"): words joined
# by underscores or pipes, which prose never writes.
_MACHINE_TOKEN = re.compile(r"\S*(?:[a-z]_[a-z]|\|)\S*\|\S*|\b[a-z]+(?:_[a-z]+){2,}\b")


def chrome_spans(text: str, vocab: ChromeVocabulary | None = None) -> list[tuple[int, int]]:
    """The (start, end) spans of ``text`` that are page chrome, sorted and merged."""
    vocab = vocab or default_vocabulary()
    found: list[tuple[int, int]] = []
    start = 0
    in_teasers = False  # under a "Related Stories" label, as the text extractor reads it
    for line in text.split("\n"):
        kind = classify_line(line, vocab).kind
        if kind is LineKind.TEASER_LABEL:
            in_teasers = True
        elif in_teasers and kind is not LineKind.BLANK:
            in_teasers = _is_teaser(line, kind)
        if in_teasers and kind is not LineKind.BLANK:
            body = line.strip()
            lead = line.index(body[0])
            found.append((start + lead, start + lead + len(body)))
        else:
            found.extend((start + a, start + b) for a, b in _line_chrome(line, kind, vocab))
        start += len(line) + 1
    return _merged(found)


def _is_teaser(line: str, kind: LineKind) -> bool:
    """A line under a teaser label: a bullet or a headline-shaped line, not a paragraph
    (extract/text/body.py reads teasers so)."""
    return kind is LineKind.BULLET or (kind is LineKind.TEXT and not is_prose(line))


def _line_chrome(line: str, kind: LineKind,
                 vocab: ChromeVocabulary) -> list[tuple[int, int]]:
    """Chrome spans of one line of the ``kind`` classify_line gave it, as offsets into it."""
    body = line.strip()
    if not body or (kind is not LineKind.RULE and not any(c.isalpha() for c in body)):
        return []  # "05 / 02 / 2031" is a date, not a menu of three items
    lead = len(line) - len(line.lstrip())
    whole = [(lead, lead + len(body))]
    if kind in _WHOLE_LINE or _is_label_run(body, vocab):
        return whole
    parts = _caption_chrome(line, caption=kind is LineKind.CREDIT)
    covered = sum(b - a for a, b in _merged(parts))
    # a caption line with nothing but its counter and credit left ("Photo Courtesy of X")
    if parts and kind is LineKind.CREDIT and covered >= len(body) - 3:
        return whole
    return parts


def _caption_chrome(line: str, caption: bool) -> list[tuple[int, int]]:
    """A caption's counters, gallery buttons, script identifiers and credits."""
    spans = [m.span() for m in _COUNTER.finditer(line)]
    spans += [m.span() for m in _GALLERY_BUTTONS.finditer(line)]
    spans += [m.span() for m in _MACHINE_TOKEN.finditer(line)]
    spans += [m.span() for m in _CREDIT_PAREN.finditer(line)]
    # a credit sits in a caption; "Source: police said ..." opening a line of prose is
    # no credit, so one opening the line counts only beside a gallery's other pieces
    gallery = bool(spans) or caption
    # a caption button's credit runs to the line's end ("View Full Caption Jane Roe/Daily")
    for button in _GALLERY_BUTTONS.finditer(line):
        rest = line[button.end():].rstrip()
        if rest and len(rest) <= _MAX_CREDIT_CHARS and not _SENTENCE.search(rest):
            spans.append((button.end(), len(rest) + button.end()))
    for mark in _CREDIT_MARK.finditer(line):
        if mark.start() == 0 and not gallery:
            continue
        end = min([a for a, _ in spans if a > mark.start()] + [len(line.rstrip())])
        if end - mark.start() <= _MAX_CREDIT_CHARS:
            spans.append((mark.start(), end))
    return spans


def _is_label_run(body: str, vocab: ChromeVocabulary) -> bool:
    """A line made only of UI labels ("Email Password Forgot your password?",
    "Share this: Facebook Twitter Print"), read greedily, longest label first."""
    words = fold_phrase(body).split()
    if not 2 <= len(words) <= _MAX_LABEL_RUN_WORDS:
        return False
    labels = vocab.labels
    longest = max((len(label.split()) for label in labels), default=1)
    i = found = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            if " ".join(words[i:i + n]) in labels:
                i += n
                found += 1
                break
        else:
            return False
    return found >= 2


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if b <= a:
            continue
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with each span blanked to spaces (line breaks kept): same length, so
    every offset into it is an offset into ``text``."""
    chars = list(text)
    for a, b in spans:
        for i in range(max(a, 0), min(b, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def article_spans(article: Article) -> list[tuple[int, int]]:
    """The chrome spans a record's article carries (none for other sources)."""
    raw = article.extra.get(EXTRA_KEY) if isinstance(article.extra, dict) else None
    if not isinstance(raw, list):
        return []
    out = []
    for item in raw:
        if isinstance(item, (list, tuple)) and len(item) == 2:
            a, b = item
            if isinstance(a, int) and isinstance(b, int):
                out.append((a, b))
    return out


def readable(article: Article) -> str:
    """The article's text with its chrome blanked: what the annotation layers and the
    stories' profile read. The text itself, and so every offset, is unchanged."""
    spans = article_spans(article)
    return mask(article.text, spans) if spans else article.text


def readable_article(article: Article) -> Article:
    """``article`` with its text read as :func:`readable` (itself when it has no chrome).
    The copy carries no spans, so reading it again costs nothing."""
    text = readable(article)
    if text is article.text:
        return article
    extra = {k: v for k, v in article.extra.items() if k != EXTRA_KEY}
    return replace(article, text=text, extra=extra)
