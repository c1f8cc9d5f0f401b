"""Finding the numbers in a text: digits, number words, fractions, vague plurals.

An ``Atom`` is one bare number with its value; qualifiers, currencies, units
and ranges are attached later (``quant_build``). Everything here is regex work
on the raw text, so it costs little next to the language model.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sitrep.annotate.quantities.number_words import number_words, parse_digits, word_numbers

_FRACTION_CHARS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}


@dataclass(slots=True)
class Atom:
    """A number as written: ``kind`` is digits, words, fraction or vague.

    ``plain`` marks a bare integer written in digits without separators or
    decimals: the shape years, ids and list numbers share.
    """

    start: int
    end: int
    value: float | None
    kind: str
    plain: bool = False
    low: float | None = None
    high: float | None = None


def _words_pattern(kinds: set[str]) -> str:
    return trie_pattern(w for w, e in number_words().items() if e.kind in kinds)


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation shaped as a prefix tree: Python's re tries plain
    alternatives one by one at every position, a tree fails at the first letter."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(tree)


def _trie_regex(node: dict[str, Any]) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
    return body + "?" if ends else body


@functools.cache
def _atom_re() -> re.Pattern[str]:
    w = _words_pattern({"unit", "teen", "ten", "scale", "dozen"})
    numerators = _words_pattern({"unit"})
    denominators = _words_pattern({"fraction"})
    vague = _words_pattern({"vague"})
    scales = _words_pattern({"scale"})
    dozens = _words_pattern({"dozen"})
    fr = "".join(_FRACTION_CHARS)
    return re.compile(
        rf"""
        (?P<vague>(?i:\b(?:(?:several|a\s+few|a\s+couple\s+of)\s+(?:{scales}|{dozens})
            (?:\s+(?:{scales}))*
            |(?:(?:tens|hundreds|dozens|scores)\s+of\s+)?(?:{vague}))\b))
        |(?P<frac>(?i:\b(?:(?:an?\s+)?(?:{numerators})[\s-]+|an?[\s-]+)?(?:{denominators})\b))
        |(?P<words>(?i:\b(?:an?\s+)?(?:{w})(?:(?:[\s-]+|\s+and\s+)(?:{w}))*\b))
        |(?P<mixed>(?<![\d/.,])\d{{1,3}}\s\d/\d{{1,2}}(?![\d/]))
        |(?P<slash>(?<![\d/])\d{{1,3}}\s?[/⁄]\s?\d{{1,4}}(?![\d/]))
        |(?P<digits>(?:\d{{1,2}}(?:,\d{{2}})+,\d{{3}}(?:\.\d+)?(?![\d,])
            |\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?
            |\d{{1,3}}(?:[\u00a0\u202f\ ]\d{{3}})+(?![\d,]|\.\d)
            |\d+(?:\.\d+)?|\.\d+)(?P<ufrac>[{fr}])?
            (?:\s?[×x]\s?10(?:\^|\*\*)?(?P<exp>(?<=[\^*])[-−]?\d{{1,3}}|[-−]\d{{1,3}})(?!\d))?)
        |(?P<uni>[{fr}])
        """,
        re.VERBOSE,
    )


_OF = re.compile(r"\s+of\b")
_AND_HALF = re.compile(r"(?:\s+|-)and(?:\s+|-)a(?:\s+|-)half\b", re.IGNORECASE)
# "half a million", and "a half million": half of the scale word that follows
_HALF_A = re.compile(r"\s+an?\s+(?=\w)", re.IGNORECASE)
_HALF_SCALE = re.compile(r"\s+(thousand|million|billion|trillion)\b", re.IGNORECASE)
# "half the population", "half its staff": half as a predeterminer
_HALF_DET = re.compile(r"\s+(?:the|its|their|his|her|our|all)\s+(?=\w)", re.IGNORECASE)
# "rose by a fifth", "more than a third.": a share of change, ending the phrase
_SHARE_BEFORE = re.compile(r"\b(?:by|than|nearly|almost|about|roughly)\s+$", re.IGNORECASE)
_PHRASE_END = re.compile(
    r"\s*(?:[.,;:)]|$|\s(?:and|but|in|on|from|since|over|to|last|this|next|between|during"
    r"|after|before|compared|against|versus|vs|while|amid|within|until|at|as|or)\b)"
)
# "nearly half voted", "more than half are women": an approximator or a bound makes a lone
# "half" an amount; not "half-time", nor the clock's "about half past ten"
_HALF_QUALIFIED = re.compile(r"\b(?:than|nearly|almost|about|roughly|around)\s+$", re.IGNORECASE)
_HALF_NOT_AMOUNT = re.compile(r"-|\s+past\b", re.IGNORECASE)


def _vague_atom(text: str, start: int, end: int) -> Atom:
    """ "thousands" spans 1000..10000, "tens of thousands" 10000..100000 (NewsQuant's reading);
    "several hundred thousand" and "a few dozen" span 2..10 of their scale words' product;
    "a couple of hundred" is about 200."""
    words = text[start:end].lower().split()
    lexicon = number_words()
    if words[0] in ("several", "a"):
        scale = math.prod(lexicon[w].value for w in words if w in lexicon and w not in _VAGUE_LEADS)
        if "couple" in words:
            return Atom(start, end, 2 * scale, "vague")
        return Atom(start, end, None, "vague", low=2 * scale, high=10 * scale)
    scale = lexicon[words[-1]].value if words[-1] in lexicon else 1.0
    if len(words) >= 3 and words[1] == "of":
        outer = {"tens": 10.0, "hundreds": 100.0, "dozens": 12.0, "scores": 20.0}[words[0]]
        scale *= outer
    return Atom(start, end, None, "vague", low=scale, high=10 * scale)


# the words that open a vague count of a scale ("a few hundred", "a couple of dozen")
_VAGUE_LEADS = frozenset({"several", "a", "few", "couple", "of"})


def _fraction_atom(text: str, start: int, end: int) -> Atom | None:
    """ "two-thirds", "a quarter of", "half of": ordinals ("the third") are not fractions."""
    parts = re.split(r"[\s-]+", text[start:end].lower())
    if len(parts) == 3:  # "a two-thirds majority": the article belongs to the noun
        start = end - len(text[start:end].split(None, 1)[1])
        parts = parts[1:]
    lexicon = number_words()
    denominator = lexicon[parts[-1]].value
    followed_by_of = _OF.match(text, end) is not None
    scale = _HALF_SCALE.match(text, end)
    if parts == ["a", "half"] and scale:  # "a half million barrels"
        return Atom(start, scale.end(), 0.5 * lexicon[scale.group(1).lower()].value, "words")
    share = _SHARE_BEFORE.search(text[max(0, start - 10) : start]) and _PHRASE_END.match(text, end)
    if len(parts) == 1:
        # only "half" stands alone: "half of", "half a million", "fell by more than half."
        qualified = _HALF_QUALIFIED.search(text[max(0, start - 10) : start]) and not (
            _HALF_NOT_AMOUNT.match(text, end)
        )
        if parts[0] != "half" or not (
            followed_by_of
            or _HALF_A.match(text, end)
            or _HALF_DET.match(text, end)
            or share
            or qualified
        ):
            return None
        return Atom(start, end, 0.5, "fraction")
    numerator = 1.0 if parts[0] in ("a", "an") else lexicon[parts[0]].value
    if parts[-1] == "quarters" and not followed_by_of and " " in text[start:end]:
        # "the past two quarters": a count of business quarters, not 2/4
        return Atom(start, start + len(parts[0]), numerator, "words")
    plural = parts[-1].endswith("s") and parts[-1] != "halves"
    if not followed_by_of and not (plural and numerator > 1) and not share:
        return None
    return Atom(start, end, numerator / denominator, "fraction")


def _slash_atom(text: str, start: int, end: int) -> Atom | None:
    """ "1/16 of a pint" or "1⁄32": a fraction only when it reads as one (not "9/11")."""
    num, den = re.split(r"\s?[/⁄]\s?", text[start:end])
    if "⁄" not in text[start:end] and not _OF.match(text, end):
        return None
    n, d = float(num), float(den)
    if d == 0 or n >= d:
        return None
    return Atom(start, end, n / d, "fraction")


# halves, thirds, quarters, fifths, eighths, tenths, sixteenths...: the parts a
# measure is written in; "9/11" or "24/7" are names
_MIXED_DENOMINATORS = frozenset({2.0, 3.0, 4.0, 5.0, 8.0, 10.0, 16.0, 32.0, 64.0})


def _mixed_atom(text: str, start: int, end: int) -> Atom:
    """ "2 1/2 miles" -> 2.5; a whole number and a proper fraction of a small
    denominator. Otherwise only the whole number is kept, as before ("4 9/11")."""
    whole, frac = text[start:end].split()
    n, d = (float(x) for x in frac.split("/"))
    if 0 < n < d and d in _MIXED_DENOMINATORS:
        return Atom(start, end, float(whole) + n / d, "digits")
    return Atom(start, start + len(whole), float(whole), "digits", plain=True)


def _digit_atom(m: re.Match[str]) -> Atom:
    raw = m.group("digits")
    frac = m.group("ufrac")
    digits = raw.replace(frac, "") if frac else raw
    exp = m.group("exp")
    if exp:  # "1.99×10−30"
        digits = digits[: digits.find("×") if "×" in digits else digits.rfind("x")].strip()
    value = parse_digits(digits) + (_FRACTION_CHARS[frac] if frac else 0.0)
    if exp:
        value *= 10.0 ** int(exp.replace("−", "-"))
    plain = digits.isdigit() and not frac and not exp
    return Atom(m.start(), m.end(), value, "digits", plain=plain)


def scan_atoms(text: str) -> list[Atom]:
    """Every number-like stretch of ``text``, in order, with its value."""
    atoms: list[Atom] = []
    for m in _atom_re().finditer(text):
        kind = m.lastgroup
        start, end = m.start(), m.end()
        atom: Atom | None
        if kind == "vague":
            atom = _vague_atom(text, start, end)
        elif kind == "frac":
            atom = _fraction_atom(text, start, end)
        elif kind == "slash":
            atom = _slash_atom(text, start, end)
        elif kind == "mixed":
            atom = _mixed_atom(text, start, end)
        elif kind == "uni":
            atom = Atom(start, end, _FRACTION_CHARS[m.group()], "fraction")
        elif kind == "words":
            for wn in word_numbers(m.group()):
                atoms.append(Atom(start + wn.start, start + wn.end, wn.value, "words"))
            continue
        else:
            atom = _digit_atom(m)
        if atom is not None:
            atoms.append(atom)
    return _join_ratios(text, _join_halves(text, atoms))


_OUT_OF = re.compile(r"\s+(?:out\s+of|in)\s+", re.IGNORECASE)


def _small_share(a: Atom, b: Atom) -> bool:
    """ "1 in 4 children", "3 in 10 adults"; not "5 in 2019" (a year) nor "2 in 3 games"
    (a tally: a share written in digits is a small part of a round base)."""
    if a.kind != "digits" or b.kind != "digits" or a.value is None or b.value is None:
        return False
    return b.value <= 100 and a.value * 2 <= b.value


def _join_ratios(text: str, atoms: list[Atom]) -> list[Atom]:
    """ "one out of three Finns", "one in five adults": a share, 1/3 and 1/5."""
    out: list[Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if (
            b is not None
            and a.value is not None
            and b.value
            and a.value < b.value
            and a.kind in ("digits", "words")
            and b.kind in ("digits", "words")
            and (m := _OUT_OF.fullmatch(text, a.end, b.start))
            and ("out" in m.group().lower() or a.kind == b.kind == "words" or _small_share(a, b))
        ):
            out.append(Atom(a.start, b.end, a.value / b.value, "fraction"))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


# "half a million", "a tenth of a million": a fraction of the number word that follows
_FRACTION_OF = re.compile(r"\s+(?:of\s+)?")


def _join_halves(text: str, atoms: list[Atom]) -> list[Atom]:
    """ "two and a half" -> 2.5; "half a million" -> 500000; "a third of a dozen" -> 4."""
    out: list[Atom] = []
    skip_until = -1
    for i, atom in enumerate(atoms):
        if atom.start < skip_until:
            continue
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        m = _AND_HALF.match(text, atom.end)
        if m and atom.value is not None and atom.kind in ("digits", "words"):
            atom.value += 0.5
            atom.end = m.end()
            atom.plain = False
            if scale := _HALF_SCALE.match(text, m.end()):  # "two and a half million"
                atom.value *= number_words()[scale.group(1).lower()].value
                atom.end = scale.end()
            skip_until = atom.end
        elif (
            atom.kind == "fraction"
            and atom.value is not None
            and nxt is not None
            and nxt.value is not None
            and nxt.kind == "words"
            and text[nxt.start : nxt.start + 1].lower() == "a"
            and _FRACTION_OF.fullmatch(text, atom.end, nxt.start)
        ):
            out.append(Atom(atom.start, nxt.end, atom.value * nxt.value, "words"))
            skip_until = nxt.end
            continue
        out.append(atom)
    return out
