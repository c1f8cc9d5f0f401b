"""Line-level clean-up of extracted main text: site chrome the extractor kept.

Trafilatura judges blocks of the page tree; some chrome still comes through as
whole lines of text (the headline repeated at the top, "Updated 2 hours ago",
"Follow us on Twitter", newsletter and membership prompts, "Related: ..."
links). Each rule here only ever drops a short line that is chrome by its own
wording, so article prose is never touched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sitrep.models import normalise_text

# Lines longer than this are prose, whatever words they contain.
_SHORT_WORDS = 30
# Bylines and date stamps sit in the first few lines of the text.
_HEAD_LINES = 4

_CHROME_LINE = re.compile(
    r"""^(?:
        advertisements?|sponsored(?:\s+content)?|comments?|
        (?:story|article|text)\s+continues\s+(?:below|after)\b.*|
        (?:continue\s+reading|scroll\s+(?:down\s+)?to\s+continue)\b.*|
        (?:share|tweet|email|print)(?:\s+(?:this|the)\s+(?:article|story|page|post))?|
        share\s+(?:this|on|via)\b.*|click\s+to\s+share\b.*|
        (?:have|got)\s+a\s+(?:news\s+)?tip\b.*|
        (?:copyright|©|\(c\))\s.*|.*\ball\s+rights\s+reserved\b.*|
        .*\b(?:we|this\s+(?:site|website))\s+uses?\s+cookies\b.*|
        .*\bif\s+you\s+(?:enjoyed|liked)\s+this\s+(?:article|story|post)\b.*|
        .*\b(?:already\s+a\s+(?:subscriber|member)|become\s+a\s+(?:member|subscriber))\b.*|
        (?:filed\s+under|tags?|topics?|categories|posted\s+in)\s*:.*|
        \d+\s*min(?:ute)?s?\s+read|reading\s+time\s*:?.*
    )$""",
    re.I | re.X,
)
# Lines that introduce links to other stories; a list of such links may follow.
_LIST_HEADER = re.compile(
    r"""^(?:
        (?:related|related\s+(?:stories|articles|coverage|content|links|reading|topics)|
           read\s+(?:more|also|next)|also\s+read|see\s+(?:also|more)|more\s+on\s+this(?:\s+story)?|
           further\s+reading|recommended(?:\s+(?:reading|stories|for\s+you))?|
           you\s+(?:may|might)\s+also\s+like|don'?t\s+miss|trending(?:\s+now)?|
           more|also|watch|listen)
        (?:\s*(?:[:|»>]|\.\.\.|…)\s*.*)?|
        (?:most\s+(?:read|popular|viewed|shared))\b(?:\s+\S+){0,4}
    )$""",
    re.I | re.X,
)
_LIST_ITEM = re.compile(r"^[-•*]\s")
_LIST_ITEM_WORDS = 15
_FOLLOW = re.compile(
    r"\b(?:follow|like|find)\s+(?:\S+\s+){0,2}on\s+"
    r"(?:twitter|facebook|instagram|linkedin|youtube|tiktok|threads|bluesky|x)\b",
    re.I,
)
# "sign up"/"subscribe" alone also sell products in deals posts: ask for the mail words
_NEWSLETTER = re.compile(r"\b(?:newsletters?|mailing\s+list|(?:in|to)\s+your\s+inbox)\b", re.I)
_STAMP = re.compile(
    r"^(?:(?:last\s+)?updated|published|posted|modified)\b(?:\s+(?:on|at))?\s*:?\s*"
    r"(?=.*\d).{1,40}$",
    re.I,
)
_BYLINE = re.compile(r"^by\s+[^\W\d_][\w.'’-]*(?:\s+[\w.'’&,-]+){0,7}$", re.I)
# a dateline of the page template: a clock time and a year, no sentence
_CLOCK = re.compile(r"\b\d{1,2}[:.h]\d{2}\b")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b")
_DATELINE_WORDS = 12
# share-widget labels glued to the end of a quote
_WIDGET_SUFFIX = re.compile(r"\s*click\s+to\s+tweet$", re.I)


def _is_dateline(line: str, words: int) -> bool:
    return (
        words <= _DATELINE_WORDS
        and not line.endswith(".")
        and bool(_CLOCK.search(line) and _YEAR.search(line))
    )


def _is_chrome(line: str, words: int, near_head: bool) -> bool:
    if words > _SHORT_WORDS:
        # author bios with "Follow him on Twitter" run long but are still chrome
        return words <= 2 * _SHORT_WORDS and bool(_FOLLOW.search(line))
    if _CHROME_LINE.match(line) or _FOLLOW.search(line) or _NEWSLETTER.search(line):
        return True
    if _STAMP.match(line):
        return True
    return near_head and bool(_BYLINE.match(line) or _is_dateline(line, words))


def drop_chrome_lines(text: str, titles: Iterable[str | None] = ()) -> str:
    """``text`` without chrome lines and without a headline repeated at its top.

    ``titles`` are the page's headlines (the metadata title, the displayed
    ``<h1>``, which often differ).
    """
    lines = [_WIDGET_SUFFIX.sub("", ln.strip()) for ln in text.splitlines()]
    lines = [ln for ln in lines if ln]
    title_keys = {normalise_text(t) for t in titles if t} - {""}
    kept: list[str] = []
    in_link_list = False
    for i, line in enumerate(lines):
        near_head = i < _HEAD_LINES
        words = len(line.split())
        if near_head and normalise_text(line) in title_keys:
            continue
        if words <= _SHORT_WORDS and _LIST_HEADER.match(line):
            in_link_list = True
            continue
        if in_link_list and _LIST_ITEM.match(line) and words <= _LIST_ITEM_WORDS:
            continue
        in_link_list = False
        if _is_chrome(line, words, near_head):
            continue
        kept.append(line)
    return "\n".join(kept)
