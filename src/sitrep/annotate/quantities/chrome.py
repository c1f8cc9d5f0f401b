"""Numbers of page chrome and clock times, read by more than one rule of the layer.

Gallery counters ("Photo 3 of 16", a line "5 of 21"): the drafts must not read the
caption's first letter after one as a unit, and the filter drops the counter's
numbers. Clock suffixes ("7 p.m.", "9 PM", "6am", "10 GMT"): the drafts must not read
"p.m." as pence, and the filter drops a bare number told as a clock time.
"""

from __future__ import annotations

import re

# the counter's own number and "of", before the length of the series it numbers
_COUNTER = r"\d{1,3}\s+of\s+"
# "Photo 3 of ": the word that opens a counter, right before the series length
_COUNTER_BEFORE = re.compile(rf"(?<![\w.])(?P<word>[A-Za-z]+\.?)\s+{_COUNTER}$")
# a line of its own that only numbers a gallery's items: "12 of 40", "Photo 3 of 9"
_COUNTER_LINE = re.compile(rf"[ \t]*(?:[A-Za-z]+\s+)?{_COUNTER}\d{{1,3}}[ \t]*(?:\n|$)")
_REACH = 24  # characters before a number that a counter's word, number and "of" fill

# a.m. and p.m. written with stops, which no unit symbol is ("p" is pence)
_MERIDIEM_DOTTED = r"[ap]\.\s?m\b|[AP]\.M\b"
MERIDIEM_GLUED = r"[ap]m\b"  # "6am", "3.20pm"
_ZONES = r"GMT\b|UTC\b|[ECMP][SD]?T\b"
_CLOCK_WORDS = rf"{_MERIDIEM_DOTTED}|[AP]\.?M\b|{MERIDIEM_GLUED}|o'clock\b|{_ZONES}"
DOTTED_MERIDIEM = re.compile(rf"\s?(?:{_MERIDIEM_DOTTED})")
CLOCK_AFTER = re.compile(rf"\s?(?:{_CLOCK_WORDS})")


def counter_word(text: str, start: int) -> str | None:
    """The word opening a counter that ends right before ``start`` ("Photo" when the
    number at ``start`` is the 16 of "Photo 3 of 16"), or None."""
    m = _COUNTER_BEFORE.search(text, max(0, start - _REACH), start)
    return m.group("word") if m else None


def titled_counter(text: str, start: int) -> bool:
    """ "Photo 3 of 16": a capitalised word opens the counter before ``start``."""
    word = counter_word(text, start)
    return word is not None and word[0].isupper() and word[1:].islower() and word.isalpha()


def counter_line(text: str, start: int) -> bool:
    """A gallery's "12 of 40" on a line of its own (the line of ``start``): chrome."""
    line = text.rfind("\n", 0, start) + 1
    return _COUNTER_LINE.match(text, line) is not None
