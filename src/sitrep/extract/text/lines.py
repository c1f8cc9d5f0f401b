"""Text to units: one paragraph (or heading, or chrome line) each, classified.

Files come one paragraph per line, blank-line separated, or hard-wrapped at
a fixed width; units are the same in all three layouts. A unit remembers how
many blank lines preceded it, because a wider gap is a hint of a new article.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from sitrep.extract.chrome import ChromeVocabulary, LineClass, LineKind, classify_line
from sitrep.extract.text.headline import ends_like_sentence

# Hard-wrapped text: every line but a paragraph's last fills most of a fixed width.
_WRAP_MIN_WIDTH = 40
_WRAP_MAX_WIDTH = 100
_WRAP_FULL = 0.75  # a line this close to the width was wrapped, not ended
_WRAP_SHARE = 0.6  # share of a block's lines that must be full for it to be wrapped

_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # zero-width spaces, soft hyphen
_INVISIBLE = dict.fromkeys(map(ord, _INVISIBLE_CHARS))


@dataclass(slots=True)
class Unit:
    """One paragraph-like line of the input with its class and layout."""

    text: str
    cls: LineClass
    blank_before: int = 0
    heading: int = 0  # Markdown heading level; 0 for every other line

    @property
    def kind(self) -> LineKind:
        return self.cls.kind


def clean_line(line: str) -> str:
    """A line with invisible characters dropped and any run of spaces made one space."""
    if any(c in line for c in _INVISIBLE_CHARS):
        line = line.translate(_INVISIBLE)
    return " ".join(unicodedata.normalize("NFC", line).split())  # split() knows NBSP & co


def build_units(
    lines: list[str],
    levels: list[int] | None,
    vocab: ChromeVocabulary,
    soft_breaks: bool = False,
) -> list[Unit]:
    """Units from raw lines (blank lines included) and their Markdown heading levels.

    With ``soft_breaks`` (Markdown) consecutive text lines are one paragraph,
    as a Markdown renderer would show them.
    """
    levels = levels or [0] * len(lines)
    units: list[Unit] = []
    blanks = 0
    block: list[tuple[str, int]] = []
    for raw, level in [*zip(lines, levels, strict=True), ("", 0)]:
        line = clean_line(raw)
        if line:
            block.append((line, level))
            continue
        if block:
            for index, (text, heading) in enumerate(_paragraphs(block, vocab, soft_breaks)):
                cls = classify_line(text, vocab)
                units.append(Unit(text, cls, blanks if index == 0 else 0, heading))
            block = []
            blanks = 0
        blanks += 1
    return units


@dataclass(frozen=True, slots=True)
class _Layout:
    """How the lines of one block are laid out."""

    vocab: ChromeVocabulary
    soft_breaks: bool  # Markdown: a line break inside a paragraph is a space
    wrapped: bool  # hard-wrapped at ``width`` columns
    width: int


def _paragraphs(
    block: list[tuple[str, int]], vocab: ChromeVocabulary, soft_breaks: bool
) -> list[tuple[str, int]]:
    """The paragraphs of one blank-line-delimited block, with wrapped lines rejoined."""
    lines = [text for text, _ in block]
    layout = _Layout(vocab, soft_breaks, _is_hard_wrapped(lines), max(map(len, lines)))
    out: list[tuple[str, int]] = []
    previous: tuple[str, int] | None = None  # the last physical line, for its length
    for text, level in block:
        if out and previous and _continues(previous, (text, level), layout):
            out[-1] = (f"{out[-1][0]} {text}", 0)
        else:
            out.append((text, level))
        previous = (text, level)
    return out


def _continues(prev: tuple[str, int], line: tuple[str, int], layout: _Layout) -> bool:
    """True when ``line`` goes on the paragraph whose last physical line is ``prev``."""
    (prev_text, prev_level), (text, level) = prev, line
    if prev_level or level:
        return False
    if classify_line(prev_text, layout.vocab).kind is not LineKind.TEXT:
        return False
    if layout.soft_breaks:
        return classify_line(text, layout.vocab).kind is LineKind.TEXT
    if ends_like_sentence(prev_text):
        return False
    if text[:1].islower():
        return True  # nothing starts a paragraph in lower case: a wrapped sentence goes on
    if classify_line(text, layout.vocab).kind is not LineKind.TEXT:
        return False
    return layout.wrapped and len(prev_text) >= _WRAP_FULL * layout.width


def _is_hard_wrapped(lines: list[str]) -> bool:
    if len(lines) < 3:
        return False
    width = max(len(line) for line in lines)
    if not _WRAP_MIN_WIDTH <= width <= _WRAP_MAX_WIDTH:
        return False
    full = sum(len(line) >= _WRAP_FULL * width for line in lines[:-1])
    return full >= _WRAP_SHARE * (len(lines) - 1)
