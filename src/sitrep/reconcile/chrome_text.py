"""Chrome inside a sentence span: captions, credits, gallery counters, teasers, prompts.

The extractor drops chrome lines it recognises; what it leaves glued to prose (a photo
gallery's captions, "FILE - In this ... photo") must still never be quoted or counted.
"""

from __future__ import annotations

import functools
import re

from sitrep.extract.chrome import (
    ChromeVocabulary,
    LineKind,
    classify_line,
    default_vocabulary,
    fold_phrase,
)

_FILE_PHOTO = re.compile(
    r"^(?:FILE\b|In this\b.*\b(?:photo|image)\b|(?:an?\s+|the\s+)?(?:photo|picture|image)s?"
    r"\s+(?:issued|released|provided|taken|shows?|of)\b)|\bfile photo\b", re.I)
# A photo gallery's counter ("1/8 The scene ... Jane Roe/PA 2/8").
_GALLERY = re.compile(r"(?<![\w/])\d{1,2}/\d{1,2}(?![\w/])")
_CHROME_KINDS = frozenset({LineKind.CHROME, LineKind.CREDIT, LineKind.TEASER_LABEL,
                           LineKind.BYLINE})
# An embedded social post: its signature ("— Jane Roe (@jroe) February 1, 2018"), an image
# link or the player's skip link.
_EMBEDDED_POST = re.compile(
    r"\(@\w{1,30}\)\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}|\bpic\.twitter\.com/"
    r"|\bSkip (?:\w+ ){0,2}post\b")
# A closing aside in parentheses ("... on Wednesday. (Should that change, you can sign up
# for our alerts.)"), and words that address the reader.
_CLOSING_ASIDE = re.compile(r"\(([^()]{8,300})\)[\s.]*$")
_TO_READER = re.compile(r"\byou(?:r)?\b", re.I)
# What opens a headline: a capital, a digit or a quotation mark.
_HEADLINE_START = re.compile(r"[\"'“‘]?[A-Z0-9]")
# A video player's teaser: an all-caps label of two or three words ("JUST WATCHED",
# "MUST WATCH") before a clip's headline; the clip's running time ("01:26") closes it.
_CAPS_LABEL = re.compile(r"(?<![\w'’])[A-Z]{2,}(?:[ \t]+[A-Z]{2,}){1,2}(?![\w'’])")
_RUNNING_TIME = re.compile(r"(?<![\w:.])\d{1,2}:\d{2}\s*$")
_REPEATED_WORDS = 3  # a headline told twice: its first words after a second label
# A caption or credit line is short; a longer line is a paragraph of prose.
_MAX_CAPTION_LINE_WORDS = 60


@functools.lru_cache(maxsize=16384)
def is_chrome(text: str) -> bool:
    """A sentence that is page chrome by any of its lines: a photo caption or credit,
    a gallery caption ("2/8"), a teaser label, a share or newsletter prompt."""
    counters = _GALLERY.findall(text)
    if _FILE_PHOTO.search(text[:80]) or len(counters) >= 2 or (
            counters and _GALLERY.match(text.lstrip())):
        return True
    return any(classify_line(line).kind in _CHROME_KINDS or _video_teaser(line)
               for line in text.splitlines())


@functools.lru_cache(maxsize=16384)
def is_chrome_line(line: str) -> bool:
    """A whole line that is chrome though its sentences alone may not look it: a caption
    whose credit ends the line, a teaser glued to a caption, an embedded social post, a
    sign-up box of several prompts."""
    if _EMBEDDED_POST.search(line) or _chrome_phrases(line, default_vocabulary()) >= 2:
        return True
    if _teaser_block(line, default_vocabulary()):
        return True
    return len(line.split()) <= _MAX_CAPTION_LINE_WORDS and is_chrome(line)


def _video_teaser(line: str) -> bool:
    """A video player's teaser ("JUST WATCHED Rebels free girls Replay More Videos ...
    MUST WATCH Rebels free girls 01:26"): the line opens with an all-caps label and a
    headline, and either ends with the clip's running time or tells the headline again
    after a second label. A dateline ("NEW DELHI The government said ...") has neither."""
    line = line.strip()
    first = _CAPS_LABEL.match(line)
    if first is None or not _HEADLINE_START.match(line, first.end() + 1):
        return False
    if _RUNNING_TIME.search(line):
        return True
    told = line[first.end():].split()[:_REPEATED_WORDS]
    return any(m.start() > first.end() and line[m.end():].split()[:_REPEATED_WORDS] == told
               for m in _CAPS_LABEL.finditer(line))


def _teaser_block(line: str, vocab: ChromeVocabulary) -> bool:
    """A teaser label and the headlines glued after it on one line ("Related Stories
    'NOT OVER YET' Rebel chief taunts ..."): the label is written as one
    (capitalised words, or a colon after it) and a headline, not prose, follows."""
    words = line.split()
    if not words or fold_phrase(words[0]) not in _label_heads(vocab):
        return False
    for n in range(min(4, len(words) - 1), 0, -1):
        label = " ".join(words[:n])
        if fold_phrase(label) not in vocab.teaser_labels:
            continue
        rest = " ".join(words[n:]).lstrip(":|-–— ")
        titled = all(w[:1].isupper() for w in words[:n]) or label.endswith(":")
        return titled and bool(_HEADLINE_START.match(rest))
    return False


@functools.lru_cache(maxsize=16384)
def chrome_tail(text: str) -> int | None:
    """Where a sentence's closing aside starts when it is a prompt to the reader ("(You
    can sign up for our newsletter.)"): prose before it stays quotable, the prompt not."""
    m = _CLOSING_ASIDE.search(text)
    if m is None or not _TO_READER.search(m.group(1)):
        return None
    aside = m.group(1)
    if is_chrome(aside) or _phrase_pattern(default_vocabulary()).search(aside):
        return m.start()
    return None


def _chrome_phrases(line: str, vocab: ChromeVocabulary) -> int:
    """How many different chrome phrases of several words a line holds as labels
    (capitalised: "Sign Up", "Continue reading"), one of them floating chrome; prose
    seldom holds two, and in prose they are lower case ("sign up for the scheme")."""
    matches = _phrase_pattern(vocab).finditer(line)
    found = {fold_phrase(m.group()) for m in matches if m.group()[0].isupper()}
    return len(found) if any(p in vocab.floating for p in found) else 0


@functools.lru_cache(maxsize=4)
def _label_heads(vocab: ChromeVocabulary) -> frozenset[str]:
    """The first words of the teaser labels: a line opening with another is no block."""
    return frozenset(label.split()[0] for label in vocab.teaser_labels if label)


@functools.lru_cache(maxsize=4)
def _phrase_pattern(vocab: ChromeVocabulary) -> re.Pattern[str]:
    phrases = sorted((p for p in {*vocab.prefixes, *vocab.floating} if " " in p), key=len,
                     reverse=True)  # longest first: "sign up for" rather than "sign up"
    words = (r"[^\w@#]+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(r"(?<![\w@#])(?:" + "|".join(words) + r")(?![\w@#])", re.I)
