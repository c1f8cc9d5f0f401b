"""The shape of a headline and of a prose paragraph, as scores over one line."""

from __future__ import annotations

import re

# A line scoring at least this is a headline candidate anywhere; at the very
# top of a document a weaker shape (an all-caps title, two words) will do.
HEADLINE_THRESHOLD = 0.5
TOP_HEADLINE_THRESHOLD = 0.3

_MAX_HEADLINE_WORDS = 25
_MAX_HEADLINE_CHARS = 180
_PROSE_MIN_WORDS = 25

_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«([¿¡"
# Two sentences in one line: a lower-case word ends with a stop and a capital follows
# ("U.S. Troops" and "Dr. Kim" are not sentence ends).
_SENTENCE_BREAK = re.compile(r"[a-z\d]{2}[.!?]['\"”’]?\s+['\"“‘]?[A-Z]")
_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or"}
    | {"over", "the", "to", "under", "up", "via", "with", "vs"}
)


def ends_like_sentence(line: str) -> bool:
    """True when the line ends with . ! ? … (closing quotes and brackets aside)."""
    core = line.rstrip().rstrip(_CLOSERS)
    return core.endswith((".", "!", "?", "…"))


def headline_score(line: str) -> float:
    """How much ``line`` looks like a headline, from 0 (prose, labels) to 1.

    A headline is short, starts with a capital, has no final period and holds
    one sentence; title case raises the score, all capitals (the shape of an
    in-article section heading) and a final ? or ! lower it.
    """
    text = line.strip()
    words = text.split()
    if not words or len(words) > _MAX_HEADLINE_WORDS or len(text) > _MAX_HEADLINE_CHARS:
        return 0.0
    core = text.rstrip(_CLOSERS)
    if not core or core[-1] in ".,;:…-–—":
        return 0.0
    first = text.lstrip(_OPENERS)[:1]
    if not (first.isupper() or first.isdigit()) or _SENTENCE_BREAK.search(text):
        return 0.0
    score = 0.6
    if _title_case_ratio(words) >= 0.6:
        score += 0.2
    if _is_all_caps(text):
        score -= 0.3
    if core[-1] in "?!":
        score -= 0.1
    if len(words) < 3:
        score -= 0.2
    return max(0.0, min(1.0, score))


def is_prose(line: str) -> bool:
    """A body paragraph: a finished sentence, or too long to be anything else."""
    text = line.strip()
    return ends_like_sentence(text) or len(text.split()) >= _PROSE_MIN_WORDS


def _title_case_ratio(words: list[str]) -> float:
    content = [w.strip(_OPENERS + _CLOSERS) for w in words[1:]]
    content = [w for w in content if w and w.lower() not in _SMALL_WORDS and w[0].isalpha()]
    if not content:
        return 0.0
    return sum(w[0].isupper() for w in content) / len(content)


def _is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)
