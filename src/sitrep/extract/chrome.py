"""Site chrome: the vocabulary of non-article lines and the classification of one line.

A scraped page carries lines that are not the article: share and follow
buttons, "Updated …" stamps, photo credits, teaser labels ("HIGHLIGHTS"),
bylines, menus. ``classify_line`` names what one line is; the text extractor
decides from that what to drop and what it tells (a date, an author).

The vocabulary ships as the word list ``chrome.csv`` (``role,phrase``, read by
sitrep.lexicons); a CSV file of the same columns named by the settings'
[extract] chrome_file (``SITREP_CHROME_FILE``) adds its rows to it, so users
can teach sitrep their sites' chrome without touching code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from sitrep import config, lexicons
from sitrep.errors import InputError, SitrepError

CHROME_FILE_ENV = "SITREP_CHROME_FILE"  # read by sitrep.config
VOCABULARY = "chrome.csv"
_LIST_KEYS = (
    "labels",
    "prefixes",
    "floating",
    "date_prefixes",
    "teaser_labels",
    "agencies",
    "credit_markers",
)

# Chrome is short; a longer line is prose whatever words it starts with.
_MAX_CHROME_WORDS = 15
_MAX_DATE_WORDS = 12
_MAX_BYLINE_WORDS = 12
_MAX_BYLINE_REST = 6
_MAX_BARE_NAME_WORDS = 3
_MAX_CREDIT_TAIL = 80
_MAX_PROMPT_WORDS = 40


class LineKind(StrEnum):
    BLANK = "blank"
    TEXT = "text"
    BULLET = "bullet"  # a list item; content unless it repeats the body or is a teaser
    CHROME = "chrome"  # buttons, labels, menus, copyright and sign-offs
    DATE = "date"  # an "Updated …"/"Published …" stamp or a bare date line
    BYLINE = "byline"
    CREDIT = "credit"  # a photo caption or credit
    TEASER_LABEL = "teaser_label"  # "HIGHLIGHTS", "Related": introduces teaser lines
    RULE = "rule"  # a separator line (---, ***, ===)


@dataclass(frozen=True, slots=True)
class LineClass:
    """What one line is, with the date text or author name it carries."""

    kind: LineKind
    date: str | None = None
    author: str | None = None
    content: str | None = None  # a bullet's text without its marker
    floating: bool = False  # chrome found anywhere in a body (ads), not only under headlines

    @property
    def is_chrome(self) -> bool:
        """Lines that are never part of an article body."""
        return self.kind in _DROPPED_KINDS


_DROPPED_KINDS = frozenset(
    {LineKind.CHROME, LineKind.DATE, LineKind.BYLINE, LineKind.CREDIT, LineKind.RULE}
)


@dataclass(frozen=True, slots=True)
class ChromeVocabulary:
    """Folded (lower-case, punctuation-free) chrome phrases, by role."""

    labels: frozenset[str]
    prefixes: tuple[str, ...]
    floating: tuple[str, ...]
    date_prefixes: tuple[str, ...]
    teaser_labels: frozenset[str]
    agencies: frozenset[str]
    credit_markers: tuple[str, ...]

    @classmethod
    def from_lists(cls, lists: dict[str, list[str]]) -> ChromeVocabulary:
        def folded(key: str) -> list[str]:
            phrases = {fold_phrase(v) for v in lists.get(key, [])}
            return sorted(phrases - {""}, key=len, reverse=True)

        return cls(
            labels=frozenset(folded("labels")),
            prefixes=tuple(folded("prefixes")),
            floating=tuple(folded("floating")),
            date_prefixes=tuple(folded("date_prefixes")),
            teaser_labels=frozenset(folded("teaser_labels")),
            agencies=frozenset(folded("agencies")),
            # markers keep their punctuation ("photo:"): it is what makes them specific
            credit_markers=tuple(
                sorted({v.lower().strip() for v in lists.get("credit_markers", [])}, key=len)
            ),
        )


def fold_phrase(text: str) -> str:
    """Lower case with punctuation folded to single spaces (for vocabulary lookups)."""
    return " ".join(re.sub(r"[^\w@#]+", " ", text.lower()).split())


def _read_lists(path: Path | None) -> dict[str, list[str]]:
    """Phrases by role: the packaged list (``path`` None) or a user's file."""
    if path is None:
        rows = lexicons.rows(VOCABULARY)
    else:
        try:
            with path.open(encoding="utf-8", newline="") as fh:
                rows = lexicons.parse(fh, str(path))
        except OSError as err:
            raise InputError(str(path), f"cannot read chrome vocabulary ({err.strerror})") from err
        except SitrepError as err:
            raise InputError(str(path), f"chrome vocabulary: {err}") from err
    lists: dict[str, list[str]] = {k: [] for k in _LIST_KEYS}
    for row in rows:
        if row.get("role") not in lists:
            source = str(path) if path else VOCABULARY
            raise InputError(source, f"chrome vocabulary role {row.get('role')!r} is not one "
                             f"of {', '.join(_LIST_KEYS)} (columns: role,phrase)")
        lists[row["role"]].append(row["phrase"])
    return lists


def load_vocabulary(extra: Path | None = None) -> ChromeVocabulary:
    """The shipped vocabulary, merged with ``extra`` (a CSV file of the same columns)."""
    lists = _read_lists(None)
    if extra is not None:
        for key, values in _read_lists(extra).items():
            lists[key] = [*lists[key], *values]
    return ChromeVocabulary.from_lists(lists)


@lru_cache(maxsize=4)
def _cached_vocabulary(extra: str | None) -> ChromeVocabulary:
    return load_vocabulary(Path(extra) if extra else None)


def default_vocabulary() -> ChromeVocabulary:
    """The vocabulary in use: shipped plus the settings' [extract] chrome_file
    (``SITREP_CHROME_FILE``)."""
    return _cached_vocabulary(config.current().extract.chrome_file or None)


# ------------------------------------------------------------ line shapes

_BULLET = re.compile(r"^\s*(?:[•·▪▫►▸◦‣●○■□➤✓✔]|[-*+](?=\s))\s*(?P<content>\S.*)$")
_RULE = re.compile(r"^\s*(?:[-*_=~#•·]\s*){3,}$")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?:19|20)\d\d"
_ABSOLUTE_DATE = re.compile(
    rf"\b{_YEAR}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?"
    rf"|\b(?:{_YEAR}-\d\d?-\d\d?|\d\d?[/.]\d\d?[/.]{_YEAR}"
    rf"|\d\d?(?:st|nd|rd|th)?\s+{_MONTH},?\s+{_YEAR}|{_MONTH}\s+\d\d?(?:st|nd|rd|th)?,?\s+{_YEAR})\b"
    rf"|\b\d\d?:\d\d\b",
    re.IGNORECASE,
)
# A day without a year ("Nov 7"): a stamp only after "Updated"/"Published", and undatable.
_PARTIAL_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+\d\d?(?:st|nd|rd|th)?|\d\d?(?:st|nd|rd|th)?\s+{_MONTH})(?!\w)",
    re.IGNORECASE,
)
RELATIVE_DATE = re.compile(
    r"^(?:about\s+|around\s+|over\s+)?(?P<n>\d+|an?|one)\s*"
    r"(?P<unit>s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?"
    r"|mos?|months?|y|yrs?|years?)\.?\s+ago$"
    r"|^(?P<word>just now|moments? ago|today|yesterday)$",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?", re.IGNORECASE
)
_TIME_WORDS = re.compile(r"\b(?:a\.?m|p\.?m|at|on|local time)\b\.?", re.IGNORECASE)
# The cue is capitalised: a line starting "by …" in lower case is a wrapped sentence.
_BYLINE = re.compile(
    r"^(?:By|BY|Written by|WRITTEN BY|Words by|Author:|AUTHOR:|Reporter:|Reporting:)\s+"
    r"(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|van|von|der|al|bin|and|&))*)"
    r"(?P<rest>\s*(?:[,|/·•–—-].*)?)$"
)
# Words that make "VOA News" or "Staff Reporter" an outlet or a role, not a person.
_OUTLET_WORD = re.compile(
    r"\b(?:news|press|agency|agencies|times|post|media|wire|service|staff|network|radio"
    r"|tv|television|journal|herald|tribune|daily|desk|correspondents?|reporters?|editors?)\b",
    re.IGNORECASE,
)
# "Sign up for our morning briefing, delivered to your inbox": an action and a channel.
_PROMPT = re.compile(
    r"^(?:sign up|subscribe|register|download|join|get (?:our|the latest|breaking))\b.*"
    r"\b(?:newsletters?|inbox|e-?mail alerts?|our app|the app|our podcast)\b",
    re.IGNORECASE,
)
# "Read the full report here.", "For more news, listen to our radio here:": a link to
# elsewhere, its anchor word "here" closing the line (a colon after it, or the action
# opening the line: "There was little left to look at here." is prose).
_LINK_PROMPT = re.compile(
    r"^(?:listen|watch|read|click|tap|see|follow|download|sign up|subscribe|visit)\b"
    r".{0,80}\bhere\s*[:.!]?$"
    r"|\b(?:listen|watch|read|click|tap|see|follow|download|sign up|subscribe|visit)\b"
    r".{0,80}\bhere\s*:$",
    re.IGNORECASE,
)
_MAX_LINK_PROMPT_WORDS = 20
_TRAILING_PAREN = re.compile(r"\((?P<inner>[^()]{1,80})\)\s*$")
_MENU_SEPARATOR = re.compile(r"\s+[|»›>/·•]\s+")
_SENTENCE_END = re.compile(r"[.!?]['\"”’)\]]*$")


def classify_line(line: str, vocab: ChromeVocabulary | None = None) -> LineClass:
    """What ``line`` is: blank, text, a bullet, or one of the kinds of chrome."""
    vocab = vocab or default_vocabulary()
    text = line.strip()
    if not text:
        return LineClass(LineKind.BLANK)
    if _RULE.match(text):
        return LineClass(LineKind.RULE)
    bullet = _BULLET.match(text)
    if bullet:
        inner = classify_line(bullet.group("content"), vocab)
        if inner.kind is LineKind.TEXT:
            return LineClass(LineKind.BULLET, content=bullet.group("content"))
        return inner
    return _classify_parts(text, vocab) or _classify_single(text, vocab)


def _classify_parts(text: str, vocab: ChromeVocabulary) -> LineClass | None:
    """A line of several chrome pieces ("By X | Reuters | 7 Nov 2025") or a menu."""
    parts = [p for p in _MENU_SEPARATOR.split(text) if p.strip()]
    if len(parts) < 2:
        return None
    classes = [_classify_single(p, vocab) for p in parts]
    agency = [fold_phrase(p) in vocab.agencies for p in parts]
    if all(c.is_chrome or a for c, a in zip(classes, agency, strict=True)):
        date = " ".join(c.date for c in classes if c.date) or None  # "7 Nov 2025 | 10:30"
        author = next((c.author for c in classes if c.author), None)
        if date is not None or any(c.kind is LineKind.DATE for c in classes):
            return LineClass(LineKind.DATE, date=date, author=author)
        if author is not None:
            return LineClass(LineKind.BYLINE, author=author)
        return LineClass(LineKind.CHROME)
    if len(parts) >= 3 and all(_is_menu_item(p) for p in parts):
        return LineClass(LineKind.CHROME)
    return None


def _is_menu_item(part: str) -> bool:
    return len(part.split()) <= 3 and not _SENTENCE_END.search(part)


def _classify_single(text: str, vocab: ChromeVocabulary) -> LineClass:
    words = len(text.split())
    if _is_prompt(text, words):
        return LineClass(LineKind.CHROME, floating=True)
    if words > _MAX_CHROME_WORDS:  # too long for any chrome but a caption
        return LineClass(LineKind.CREDIT if _is_credit(text, vocab) else LineKind.TEXT)
    folded = fold_phrase(text)
    if folded in vocab.teaser_labels:
        return LineClass(LineKind.TEASER_LABEL)
    date = _date_stamp(text, folded, vocab) if words <= _MAX_DATE_WORDS else None
    if date is not None:
        return date
    if words <= _MAX_BYLINE_WORDS:
        is_byline, author = _byline(text, vocab)
        if is_byline:
            return LineClass(LineKind.BYLINE, author=author)
    if _is_credit(text, vocab):
        return LineClass(LineKind.CREDIT)
    # a label never ends a sentence: "X." closes a wrapped paragraph, "X" is a button
    is_label = (folded in vocab.labels or folded in vocab.agencies) and not text.endswith(".")
    if is_label or _has_chrome_prefix(text, folded, vocab) or _is_copyright(text):
        return LineClass(LineKind.CHROME, floating=_is_floating(folded, vocab))
    if re.fullmatch(r"\d+\s*(?:min(?:ute)?s?|m)\s+read", folded):
        return LineClass(LineKind.CHROME)
    return LineClass(LineKind.TEXT)


def _is_prompt(text: str, words: int) -> bool:
    """A newsletter or app prompt, which can run longer than other chrome, or a link
    prompt ("... listen to our radio here:")."""
    if words <= _MAX_LINK_PROMPT_WORDS and _LINK_PROMPT.search(text):
        return True
    return words <= _MAX_PROMPT_WORDS and bool(_PROMPT.search(text))


def _is_floating(folded: str, vocab: ChromeVocabulary) -> bool:
    return any(folded == f or folded.startswith(f + " ") for f in vocab.floating)


def _date_stamp(text: str, folded: str, vocab: ChromeVocabulary) -> LineClass | None:
    """An "Updated 07 November 2025" / "6 sec ago" / bare date line, with its date text."""
    rest = text
    prefixed = False
    for prefix in vocab.date_prefixes:
        if folded == prefix or folded.startswith(prefix + " "):
            rest = _drop_words(text, len(prefix.split()))
            rest = re.sub(r"^(?:on|at)\b\s*", "", rest.lstrip(" :-–—"), flags=re.IGNORECASE)
            prefixed = True
            break
    rest = rest.strip(" :-–—|·,")
    if not rest:
        return LineClass(LineKind.DATE) if prefixed else None
    if RELATIVE_DATE.match(rest):
        return LineClass(LineKind.DATE, date=rest)
    if _ABSOLUTE_DATE.search(rest) and _only_date_words(rest):
        return LineClass(LineKind.DATE, date=rest)
    if prefixed and _PARTIAL_DATE.search(rest) and _only_date_words(rest):
        return LineClass(LineKind.DATE, date=rest)
    return None


def _drop_words(text: str, count: int) -> str:
    """``text`` without its first ``count`` words (counted as ``fold_phrase`` counts them)."""
    pattern = r"^\W*" + r"[\w@#]+\W*?" * count
    match = re.match(pattern, text)
    return text[match.end() :] if match else text


def _only_date_words(rest: str) -> bool:
    """True when nothing but date and time words are left (so prose is never a stamp)."""
    leftover = _ABSOLUTE_DATE.sub(" ", rest)
    leftover = re.sub(
        rf"\b{_MONTH}|\b{_YEAR}\b|\b\d\d?(?:st|nd|rd|th)?\b", " ", leftover, flags=re.I
    )
    leftover = _TIME_WORDS.sub(" ", _WEEKDAY.sub(" ", leftover))
    leftover = re.sub(r"\b[A-Z]{1,4}\b|[^\w]+", " ", leftover)  # time zones, punctuation
    return not leftover.strip()


def _byline(text: str, vocab: ChromeVocabulary) -> tuple[bool, str | None]:
    """Whether ``text`` is a byline, and the name(s) it gives.

    "By Jane Doe, Reuters" names Jane Doe; "By Staff Reporter" is a byline
    naming nobody; "By Thursday, officials said." is no byline at all.
    """
    match = _BYLINE.match(text)
    if not match:
        return False, None
    name, rest = match.group("name").strip(), match.group("rest").strip(" ,|/·•–—-")
    if rest and (len(rest.split()) > _MAX_BYLINE_REST or _SENTENCE_END.search(rest)):
        return False, None
    if not _is_person(name, vocab):
        is_role = fold_phrase(name) in vocab.agencies or bool(_OUTLET_WORD.search(name))
        return is_role, None
    # "By Jane Doe, John Roe" names two authors; "By Jane Doe, Reuters" one and her agency
    names = [name]
    for piece in re.split(r"\s*(?:[,;&]|\band\b)\s*", rest) if rest else []:
        if not _is_person(piece, vocab):
            break
        names.append(piece)
    return True, ", ".join(names)


def is_bare_name(text: str, vocab: ChromeVocabulary | None = None) -> bool:
    """A line that is only a person's name ("Jane Roe"): a byline when under a headline."""
    words = text.split()
    return (
        2 <= len(words) <= _MAX_BARE_NAME_WORDS
        and all(re.fullmatch(r"[A-Z][\w'’.-]*", w) for w in words)
        and not any(c.isdigit() for c in text)
        and _is_person(text, vocab or default_vocabulary())
    )


def _is_person(name: str, vocab: ChromeVocabulary) -> bool:
    words = name.split()
    capitalised = [w for w in words if w[:1].isupper()]
    return (
        2 <= len(capitalised) <= 6
        and fold_phrase(name) not in vocab.agencies
        and not _WEEKDAY.search(name)
        and not _OUTLET_WORD.search(name)
        and not re.match(_MONTH + r"$", words[0], re.IGNORECASE)
    )


def _is_credit(text: str, vocab: ChromeVocabulary) -> bool:
    """A photo caption or credit: ends "(Reuters)"/"(AP Photo/…)", or carries "Photo: …"."""
    paren = _TRAILING_PAREN.search(text)
    if paren and _is_credit_paren(paren.group("inner"), vocab):
        return True
    # the marker opens the line or sits near its end, where captions put credits
    head, tail = text[:_MAX_CREDIT_TAIL].lower(), text[-_MAX_CREDIT_TAIL:].lower()
    return any(m in tail or head.startswith(m) for m in vocab.credit_markers)


def _is_credit_paren(inner: str, vocab: ChromeVocabulary) -> bool:
    head = fold_phrase(re.split(r"[/;,]", inner, maxsplit=1)[0])
    if head in vocab.agencies or _is_name_slash_name(inner, vocab):
        return True
    words = head.split()
    if words and (words[0] in vocab.agencies or " ".join(words[:2]) in vocab.agencies):
        return any(w in ("photo", "photos", "via", "images", "file", "pool") for w in words)
    return any(w in ("photo", "photograph", "picture", "image", "credit") for w in words)


_CAPITALISED = re.compile(r"[A-Z][\w'’.&-]*")


def _is_name_slash_name(inner: str, vocab: ChromeVocabulary) -> bool:
    """A photographer and their agency or outlet: "Jane Roe/Associated Press",
    "Jane Roe / Daily Planet" (a person's name, a slash, a name)."""
    parts = [p.strip() for p in inner.split("/")]
    if len(parts) != 2 or not all(parts):
        return False
    who, agency = (p.split() for p in parts)
    return (_is_person(parts[0], vocab) and len(who) <= 4 and len(agency) <= 6
            and all(_CAPITALISED.fullmatch(w) for w in (*who, *agency)))


def _has_chrome_prefix(text: str, folded: str, vocab: ChromeVocabulary) -> bool:
    for prefix in vocab.prefixes:
        if folded == prefix:
            return True
        if not folded.startswith(prefix + " "):
            continue
        if " " in prefix:
            return True
        # a one-word prefix is chrome only as a label ("Related: …", "Copyright 2025"),
        # not as the first word of a sentence ("Related talks are planned …")
        following = _drop_words(text, 1).lstrip()
        if following[:1] and not following[:1].islower():
            return True
    return False


def _is_copyright(text: str) -> bool:
    return text.startswith("©") or bool(re.match(r"^\(c\)\s*\d{4}", text, re.IGNORECASE))
