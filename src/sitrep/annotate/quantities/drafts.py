"""From bare numbers to quantity expressions: sign, currency, scale, unit, qualifier.

``build_drafts`` looks around each ``Atom`` in the raw text; ``join_ranges``
then merges "10 to 20 percent", "between $3 and $5 billion" and "5-10W" into
one range. Whether a number is a year, a date or part of a name is decided
later with the language model (``quant_filter``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from spacy.lang.en.stop_words import STOP_WORDS

from sitrep.annotate.quantities.chrome import DOTTED_MERIDIEM, MERIDIEM_GLUED, titled_counter
from sitrep.annotate.quantities.movements import change_re, moved_before
from sitrep.annotate.quantities.number_words import number_words
from sitrep.annotate.quantities.scan import Atom, scan_atoms
from sitrep.annotate.quantities.unit_words import Lexicon, lexicon


@dataclass(slots=True)
class Draft:
    """A quantity expression being assembled; ``atoms`` are its numbers."""

    start: int
    end: int
    value: float | None
    atoms: list[Atom]
    low: float | None = None
    high: float | None = None
    approx: bool = False
    bound: str | None = None
    unit: str | None = None
    unit_kind: str | None = None
    scale: float = 1.0
    num_end: int = 0  # end of number + scale, where a unit or counted noun may start
    flags: set[str] = field(default_factory=set)

    @property
    def bare(self) -> bool:
        """No unit or currency: the numbers most easily mistaken (years, ids)."""
        return self.unit is None


_SIGN = re.compile(r"(?:(?<![\w.,%°])[-−]|(?i:\bminus)[\s-]?|(?<![\w.,])\+|(?i:\bsub-))$")
_TILDE = re.compile(r"[~≈]\s?$")
_GLUED_LETTERS = re.compile(r"[A-Za-z][A-Za-z-]*$")
_OVER = re.compile(r"(?i:over)\b")
# Words a hyphen glues to the number that follows without naming it: "minus-5", "sub-7 nm",
# "now-7 year-old", and a range's "to-" ("150,000 to-175,000")
_SIGN_WORDS = frozenset({"minus", "sub", "now", "to"})
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_HYPHEN_CAPITAL = re.compile(r"-[A-Z]")
_AFTER_ID = re.compile(r"[A-Za-z]\w*|[-−]\d|\.\d|[:/]\d")
_BEFORE_ID = re.compile(r"(?:\d[./:]|[:/#@]|[A-Z]{2,}\s?[-−])$")
_CODE_AFTER = re.compile(r"[A-Z]{3}\b")  # "110 JPY"
# Letters glued to digits, opening lower-case, are a unit symbol, listed or not ("60fps",
# "35psi", "20mSv"); ids glue capitals ("A320", "5G"); ordinals and decades are caught before,
# a suffix ending in -er(s) makes a name ("76ers", "49er"), and "6am", "3.20pm" tell the time.
_GLUED_SYMBOL = re.compile(rf"(?![a-z]*ers?\b|{MERIDIEM_GLUED})[a-zµμ][A-Za-z]{{1,3}}(?![\w-])")
_US_AFTER_MONEY = re.compile(r"\s+(?:US|U\.S\.)(?![\w$])")
_PER = re.compile(r"(?:\s*/\s*|\s+per\s+|(?:\s+|-)an?(?:\s+|-)|-per-)")
# "$1.7 billion a year ago", "a year earlier": when the amount was, not a rate
_AGO = re.compile(r"[A-Za-z]+\s+(?:ago|earlier|previously)\b", re.IGNORECASE)
_PER_WORD = re.compile(r"[A-Za-z]+(?:\s(?:foot|feet|metre|meter|metres|meters|mile|miles))?")
# time symbols after a slash that the unit lexicon leaves out: its "s" and "h" would
# read every glued letter as a unit
_PER_SYMBOLS = {"s": "second", "sec": "second", "h": "hour", "hr": "hour", "yr": "year"}
_PER_TIME = frozenset(
    [
        "year",
        "month",
        "week",
        "day",
        "hour",
        "minute",
        "second",
        "night",
        "share",
        "barrel",
        "ounce",
        "gallon",
        "tonne",
        "ton",
        "kilogram",
        "kilo",
        "pound",
        "litre",
        "liter",
        "head",
        "person",
        "unit",
        "piece",
        "gram",
    ]
)
_SUFFIX_QUALIFIER = [
    # "50-plus", "100 plus people"; not "€120,000 a year plus a bonus" (an addition)
    (
        re.compile(
            r"\s*\+(?![\d\w])|-plus\b|\s+plus\b(?!\s*(?:\d|(?:an?|the|their|its|his|her)\b))"
        ),
        "lower",
        False,
    ),
    # not "less than $1 billion or more than $40 billion": a second figure follows
    (re.compile(r"\s+or\s+(?:more|above|higher|greater|over)\b(?!\s+than)", re.I), "lower", False),
    (re.compile(r"\s+or\s+(?:less|fewer|below|under)\b(?!\s+than)", re.I), "upper", False),
    (re.compile(r"\s+or\s+so\b|-odd\b|-?ish\b", re.I), None, True),
]


def _take_prefix(text: str, d: Draft, lex: Lexicon) -> None:
    """Sign, currency and qualifier written before the number (in either order)."""
    pos = d.start
    for _ in range(3):
        window = max(0, pos - 14)
        m = lex.prefix_re.search(text, window, pos)
        if m and d.unit is None:
            d.unit, d.unit_kind, pos = lex.currency_prefix[_norm(m.group())], "money", m.start()
            continue
        m = _SIGN.search(text, window, pos)
        if m and not {"neg", "pos", "sub"} & d.flags:
            sign = m.group().lower()
            if sign.startswith("sub"):
                d.bound = "upper"
                d.flags.add("sub")
            elif sign == "+":
                d.flags.add("pos")
            else:
                d.flags.add("neg")
            pos = m.start()
            continue
        m = _TILDE.search(text, window, pos)
        if m:
            d.approx, pos = True, m.start()
            continue
        break
    if d.unit is None and (cur := _unlisted_currency(text, d.atoms[0], lex)):
        d.unit, d.unit_kind, pos = cur.group(), "money", cur.start()
    m = lex.qualifier_re.search(text, max(0, pos - 30), pos)
    if m:
        kind = lex.qualifiers.get(re.sub(r"\s+", " ", m.group("q").lower()), "")
        d.approx = d.approx or kind.endswith("approx")
        if kind.startswith(("upper", "lower")):
            d.bound = kind.split("_")[0]
        pos = m.start()
    d.start = pos


# A currency missing from the list, glued before an amount: "Rp10,500", "P5 million". Ids
# glue letters to plain integers or one decimal ("A320", "MH370", "M6.4"); amounts carry
# thousands separators, cents or a scale word.
_CURRENCY_SHAPE = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z]{0,2}$")
_AMOUNT_SHAPE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d\d")


def _unlisted_currency(text: str, atom: Atom, lex: Lexicon) -> re.Match[str] | None:
    if atom.kind != "digits":
        return None
    cur = _CURRENCY_SHAPE.search(text, max(0, atom.start - 3), atom.start)
    if cur is None:
        return None
    amount = _AMOUNT_SHAPE.fullmatch(text, atom.start, atom.end)
    scaled = lex.scale_re.match(text, atom.end)
    return cur if amount or (scaled and len(scaled.group("scale")) > 1) else None


def _norm(prefix: str) -> str:
    return prefix.rstrip()


def _take_scale(text: str, d: Draft, lex: Lexicon) -> int:
    """ "1.5 million", "$3bn", "7 hundred million"; single letters only glued ("4.3M")."""
    pos = d.end
    while True:
        m = lex.scale_re.match(text, pos)
        if not m:
            return pos
        word = m.group("scale")
        key = word if word in lex.scales else word.lower()
        mult, needs_money = lex.scales.get(key, (0.0, False))
        if not mult:
            mult = number_words()[word.lower()].value
        if len(word) == 1 and m.start("scale") != pos:
            return pos
        if (
            needs_money
            and d.unit_kind != "money"
            and not _currency_word_follows(text, m.end(), lex)
            and not _plural_count_follows(text, d, m.end(), lex)
        ):
            return pos
        d.scale *= mult
        pos = m.end()


def _currency_word_follows(text: str, pos: int, lex: Lexicon) -> bool:
    return lex.currency_word_re.match(text, pos + 1) is not None and text[pos : pos + 1] == " "


_PLURAL_AFTER = re.compile(r" ([a-z]{2,}[^s\W]s|people|men|women|children)\b")
# "7m premature deaths": one adjective may stand between the count and its noun
_WORD_BEFORE_PLURAL = re.compile(r" ([a-z]{3,})(?= [a-z])")
# words ending in -s that are no plural nouns
_NOT_PLURALS = frozenset(
    {
        "this",
        "thus",
        "plus",
        "towards",
        "afterwards",
        "upwards",
        "downwards",
        "backwards",
        "forwards",
        "sideways",
        "always",
        "perhaps",
        "whereas",
        "besides",
        "nowadays",
    }
)
# "the 400m hurdles", "a 100m sprint": a race or a size, measured in metres
_DETERMINER_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+$")


def _may_be_adjective(text: str, pos: int, word: str) -> bool:
    """Not a function word ("30m onto rocks") nor what a length is ("4m deep trenches")."""
    return word not in STOP_WORDS and not _DIMENSION_AFTER.match(text, pos)


def _plural_count_follows(text: str, d: Draft, pos: int, lex: Lexicon) -> bool:
    """ "has 1.5m residents", "25k people": a glued m or k before a plural noun counts it."""
    m = _PLURAL_AFTER.match(text, pos)
    adjective = _WORD_BEFORE_PLURAL.match(text, pos)
    if m is None and adjective and _may_be_adjective(text, pos, adjective.group(1)):
        m = _PLURAL_AFTER.match(text, adjective.end())
    if m is None or m.group(1) in _NOT_PLURALS or lex.unit_re.match(m.group(1)):
        return False
    start = d.atoms[0].start
    return not _DETERMINER_BEFORE.search(text[max(0, start - 8) : start])


def _take_unit(text: str, d: Draft, pos: int, lex: Lexicon) -> int:
    """Currency word or measurement unit right after the number (one space or hyphen)."""
    if d.unit_kind == "money":
        m = _US_AFTER_MONEY.match(text, pos)
        return m.end() if m else pos
    if DOTTED_MERIDIEM.match(text, pos):
        return pos  # "around 9 p.m.": a clock time (no pence), left to the filter
    for gap in ("", " ", "-", "\u00a0"):
        if gap and not text.startswith(gap, pos):
            continue
        at = pos + len(gap)
        m = lex.currency_word_re.match(text, at)
        if m and (m.group("word").lower() not in lex.scaled_only or d.scale > 1):
            d.unit, d.unit_kind = _currency_word_unit(m, lex), "money"
            return m.end()
        code = _CODE_AFTER.match(text, at)
        if gap == " " and code and code.group() in lex.currency_prefix:
            d.unit, d.unit_kind = lex.currency_prefix[code.group()], "money"
            return code.end()
        symbol = _symbol_after(text, at, lex)
        if symbol:
            d.unit, d.unit_kind = symbol
            return at + 1
        m = lex.unit_re.match(text, at)
        g = None if m or gap else _GLUED_SYMBOL.match(text, at)
        if g and g.group() != "ish":  # "30ish" is about 30
            d.unit, d.unit_kind = g.group(), "symbol"
            return g.end()
        if m and not (gap == "-" and m.group()[0] in "%°"):
            unit = lex.unit_for(m.group())
            if unit is None:
                continue
            if (
                len(m.group()) == 1
                and m.group().isalpha()
                and d.atoms[-1].plain
                and not _letter_unit(text, d, gap, m.end(), unit.kind)
            ):
                continue  # "Group 3 B", "Pad 24C": a lone letter is rarely a unit
            d.unit, d.unit_kind = unit.name, unit.kind
            if unit.name == "pound" and d.scale >= 1000:
                d.unit, d.unit_kind = "pound sterling", "money"
            return m.end()
    return pos


# Kinds whose one-letter symbols news writes after a space ("35 C", "60 W", "12 V").
_LETTER_KINDS = frozenset({"temperature", "power", "electric"})
# Adjectives and adverbs of extent that a measured length precedes.
_DIMENSION_AFTER = re.compile(
    r"\s+(?:long|wide|tall|high|deep|thick|across|away|apart|below|above|"
    r"underground|underwater|in\s+(?:length|width|height|depth|diameter))\b"
)
# "3 m/s": a time symbol of _PER_SYMBOLS after the slash
_OVER_TIME_SYMBOL = re.compile(rf"/(?:{'|'.join(sorted(_PER_SYMBOLS, key=len, reverse=True))})\b")
_LABEL_BEFORE = re.compile(r"\b[A-Z][a-z]*\.?\s+$")
_WORD_AFTER = re.compile(r"\s*(?:[a-z]|[.,;:)]|$)")
# "a 60 W USB-C charger": after an article the letter measures the noun that follows
_ARTICLE_BEFORE = re.compile(r"\b(?:an?|the|The)\s+$")
_LAST_WORD = re.compile(r"([A-Za-z]+\.?)\s+$")
# a street's name and kind after a compass letter: up to four capitalised words
_NAME_WORDS_AFTER = re.compile(r"\.?(?P<words>(?:\s+[A-Z][A-Za-z'-]*\.?){2,4})")


def _letter_unit(text: str, d: Draft, gap: str, end: int, kind: str) -> bool:
    """Whether a one-letter symbol after a plain number is a unit: after a space, see
    ``_lone_letter_unit``; glued, a capital after a name or a label word is part of an
    id ("Pad 24C", "gate 12B"), not amperes or kelvins."""
    if gap == " ":
        return _lone_letter_unit(text, d, end, kind)
    if gap or not text[end - 1].isupper():
        return True
    start = d.atoms[0].start
    before = text[max(0, start - 20) : start]
    word = _LAST_WORD.search(before)
    if word is None or word.group(1).lower() in ("a", "an", "the"):
        return True  # "A 13A plug"
    return not (_LABEL_BEFORE.search(before) or word.group(1).lower() in lexicon().labels)


def _street_after(text: str, end: int) -> bool:
    """ "612 W. Elm Ave.": a compass letter, then a street's name and its kind."""
    m = _NAME_WORDS_AFTER.match(text, end)
    if m is None:
        return False
    streets = lexicon().streets
    return any(w.lower().rstrip(".") in streets for w in m.group("words").split()[1:])


def _lone_letter_unit(text: str, d: Draft, end: int, kind: str) -> bool:
    """ "It was 35 C in Madrid", "a 60 W bulb": the symbol of a physical unit.

    Not after a capitalised word ("Group 3 B") and only before a lower-case word or
    punctuation, where a label letter would be followed by a name or nothing.
    """
    if kind == "length" and _DIMENSION_AFTER.match(text, end):
        return True  # "5 m wide", "a 12 m high wall": a dimension adjective takes a length
    start = d.atoms[0].start
    before = text[max(0, start - 20) : start]
    if _OVER_TIME_SYMBOL.match(text, end):
        return not _LABEL_BEFORE.search(before)  # "3 m/s": the letter heads a rate
    if kind not in _LETTER_KINDS or _street_after(text, end) or titled_counter(text, start):
        return False  # "612 W. Elm Ave.", "Photo 4 of 15 A crowd ...": no unit
    if _ARTICLE_BEFORE.search(before):
        return True
    if _LABEL_BEFORE.search(before):
        return False
    return bool(_WORD_AFTER.match(text, end))


def _currency_word_unit(m: re.Match[str], lex: Lexicon) -> str:
    """The currency a matched currency word names, with its nation ("Hong Kong dollar")."""
    nation = m.group("nation").strip()
    base = lex.currency_words[m.group("word").lower()]
    known_nation = nation and nation.lower().split()[-1] in base
    return base if known_nation or not nation else f"{nation.lower()} {base}"


_OF_AFTER = re.compile(r"\s+of\s+")


def _unit_of_vague(text: str, d: Draft, pos: int, lex: Lexicon) -> int:
    """ "tens of millions of dollars", "thousands of Hong Kong dollars": a vague count of
    a currency is money, as NewsQuant's unit gives it. A vague count of a measure
    ("hundreds of miles") keeps the unit as what it counts: read as a length, the
    briefs list it as a figure of its own that reports do not compare (numbers
    precision .897 -> .891 on the briefs gold)."""
    of = _OF_AFTER.match(text, pos)
    if of is None:
        return pos
    m = lex.currency_word_re.match(text, of.end())
    if m is None:
        return pos
    d.unit, d.unit_kind = _currency_word_unit(m, lex), "money"
    return m.end()


def _symbol_after(text: str, pos: int, lex: Lexicon) -> tuple[str, str] | None:
    """ "1,200€": a currency symbol written after the amount."""
    ch = text[pos : pos + 1]
    if ch and not ch.isalnum() and ch in lex.currency_prefix and ch != "$":
        return lex.currency_prefix[ch], "money"
    return None


def _take_per(text: str, d: Draft, pos: int, lex: Lexicon) -> int:
    """ "$45 per sq ft", "$3,500 a month", "barrel-a-day": a rate's denominator."""
    if d.unit is None:
        return pos
    m = _PER.match(text, pos)
    if not m:
        return pos
    connector = m.group().strip(" -").lower()
    at = m.end()
    if connector in ("a", "an") and _AGO.match(text, at):
        return pos
    u = lex.unit_re.match(text, at)
    if u and (unit := lex.unit_for(u.group())):
        d.unit = f"{d.unit} per {unit.name}"
        return u.end()
    w = _PER_WORD.match(text, at)
    if not w:
        return pos
    word = w.group().split()[0].lower()
    if connector == "/" and word in _PER_SYMBOLS:
        d.unit = f"{d.unit} per {_PER_SYMBOLS[word]}"  # "30 km/s", "4 m/h"
        return at + len(word)
    singular = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    if connector in ("a", "an") and singular not in _PER_TIME:
        return pos
    d.unit = f"{d.unit} per {singular}"
    return at + len(w.group().split()[0])


def _take_suffix_qualifier(text: str, d: Draft, pos: int) -> int:
    for pattern, bound, approx in _SUFFIX_QUALIFIER:
        m = pattern.match(text, pos)
        if m:
            d.bound = bound or d.bound
            d.approx = d.approx or approx
            return m.end()
    return pos


def _glued_to_word(text: str, atom: Atom, lex: Lexicon) -> bool:
    """ "M21", "A320", "COVID-19", "5G", "9/11": digits inside an identifier."""
    before = text[max(0, atom.start - 12) : atom.start]
    if atom.kind == "digits":
        if _BEFORE_ID.search(before) and not lex.prefix_re.search(before):
            return True
        if _GLUED_LETTERS.search(before):
            word = _GLUED_LETTERS.search(before)
            assert word is not None
            stem = word.group().rstrip("-")
            # "minus-5", "now-7 year-old" read on; "COVID-19", "A320", "Su-57" do not
            if (
                stem.lower() not in _SIGN_WORDS
                and not lex.prefix_re.search(before)
                and not _unlisted_currency(text, atom, lex)
            ):
                return True
    after = text[atom.end : atom.end + 12]
    if atom.kind != "digits":
        return False
    if _ORDINAL.match(after):
        return True
    if _HYPHEN_CAPITAL.match(after) and not lex.unit_re.match(after, 1):
        return True  # "Form 10-K", "7-Eleven", "3-D"; "a 5-MW turbine" is measured
    m = _AFTER_ID.match(after)
    if not m:
        return False
    if m.group()[0] in "-−.:/":
        return m.group()[0] != "-"  # "5-10" may be a range; "3.2.1", "10:45", "9/11" are not
    # letters glued after the digits: fine when they are a unit or a scale, known or not
    return not (
        lex.unit_re.match(after)
        or lex.scale_re.match(after)
        or lex.currency_word_re.match(after)
        or _GLUED_SYMBOL.match(after)
    )


def build_drafts(text: str) -> list[Draft]:
    """One draft per number in ``text``, with what is written around it."""
    lex = lexicon()
    drafts: list[Draft] = []
    consumed = 0
    for atom in scan_atoms(text):
        if atom.start < consumed or _glued_to_word(text, atom, lex):
            continue
        d = Draft(atom.start, atom.end, atom.value, [atom], low=atom.low, high=atom.high)
        if atom.kind == "vague":
            d.approx = True
        _take_prefix(text, d, lex)
        pos = _take_scale(text, d, lex) if atom.kind == "digits" else d.end
        d.num_end = pos
        pos = _take_unit(text, d, pos, lex)
        if atom.kind == "vague" and d.unit is None:
            pos = _unit_of_vague(text, d, pos, lex)
        pos = _take_per(text, d, pos, lex)
        pos = _take_suffix_qualifier(text, d, pos)
        if pos == atom.end and text[pos : pos + 1].isupper():
            continue  # "4K video", "8K TV": a glued capital read as nothing makes an id
        d.end = consumed = pos
        if d.unit_kind == "time" and d.bound == "lower" and _OVER.match(text, d.start):
            d.bound = None  # "over four years" says how long, not "more than"
        _apply_scale_and_sign(d)
        drafts.append(d)
    return share_total_units(text, join_ranges(text, drafts))


_PART_OF = re.compile(r"\s+of\s+(?:(?:the|its|their|his|her|our|a)\s+)?")


def share_total_units(text: str, drafts: list[Draft]) -> list[Draft]:
    """ "340 million of the 2.5 billion pesos": a part is in the unit of its total.

    Shares ("half of the $300") stay unitless: they are a ratio of the total.
    """
    for a, b in pairwise(drafts):
        if (
            a.unit is None
            and b.unit is not None
            and a.atoms[0].kind in ("digits", "words")
            and a.value is not None
            and b.value is not None
            and a.value < b.value
            and _PART_OF.fullmatch(text, a.end, b.start)
        ):
            a.unit, a.unit_kind = b.unit, b.unit_kind
    return drafts


def scaled(value: float, scale: float) -> float:
    """``value`` times a scale word's ``scale``, read back as the decimal it was written as:
    4.1 * 1e9 is 4099999999.9999995 in binary, "4.1 billion" is 4100000000."""
    if scale == 1.0:
        return value
    return float(f"{value * scale:.12g}")


def _apply_scale_and_sign(d: Draft) -> None:
    sign = -1.0 if "neg" in d.flags else 1.0
    if d.value is not None:
        d.value = sign * scaled(d.value, d.scale)
    if d.low is not None:
        d.low = scaled(d.low, d.scale)
    if d.high is not None:
        d.high = scaled(d.high, d.scale)
    if d.bound == "upper" and d.value is not None:
        d.high = d.value
    elif d.bound == "lower" and d.value is not None:
        d.low = d.value


# ---------------------------------------------------------------- ranges

_RANGE_DASH = re.compile(r"\s*[-–—]\s*$")
# "10 to 20", "150,000 to-175,000", and the suspended hyphen of "an 8- to 16-metre mirror"
_RANGE_TO = re.compile(r"-?\s+(?:to|through|thru)\s+$|\s*-?to-\s*$", re.IGNORECASE)
_RANGE_AND = re.compile(r"\s+and\s+$", re.IGNORECASE)
_RANGE_OR = re.compile(r"\s+or\s+$", re.IGNORECASE)
_BETWEEN = re.compile(r"(?i:\bbetween)\s+$")
_FROM = re.compile(r"(?i:\bfrom)\s+$")
_BY = re.compile(r"(?i:\bby)\s+$")


def _range_connector(text: str, a: Draft, b: Draft) -> str | None:
    between = text[a.end : b.start]
    if len(between) > 12 or b.start < a.end:
        return None
    if _RANGE_DASH.fullmatch(between) or (between == "" and text[b.start - 1 : b.start] == "-"):
        return "dash"
    if _RANGE_TO.fullmatch(between):
        return "to"
    if _RANGE_AND.fullmatch(between) and _BETWEEN.search(text, max(0, a.start - 9), a.start):
        return "and"
    if _RANGE_OR.fullmatch(between):
        return "or"
    return None


def _year_shaped(d: Draft) -> bool:
    """A bare plain four-digit integer in the span of calendar years ("2000", "1990")."""
    atom = d.atoms[0]
    return (
        d.bare
        and len(d.atoms) == 1
        and atom.plain
        and atom.end - atom.start == 4
        and atom.value is not None
        and 1000 <= atom.value < 2200
    )


def _mergeable(text: str, a: Draft, b: Draft, how: str) -> bool:
    if a.value is None or b.value is None or a.atoms[0].kind == "vague":
        return False
    plain_b = b.atoms[-1].plain and b.scale == 1.0
    if _year_shaped(a) and not plain_b:
        # "from 1.2 million in 2000 to 1.8 million": a range's ends are written alike; a
        # plain year before an amount with separators, decimals or a scale closes a date
        return False
    if b.bound or (b.approx and how != "dash"):
        return False
    if (a.atoms[0].kind == "fraction") != (b.atoms[-1].kind == "fraction"):
        return False  # "fell by a third to 40,000 barrels": a share and an amount
    if a.unit and b.unit and not b.unit.startswith(a.unit):
        return False  # "$57 and $61 per share" shares the rate
    if a.unit and _BY.search(text, max(0, a.start - 4), a.start):
        return False  # "increased by $51.2 billion to $388.7 billion"
    if (
        how == "to"
        and a.unit not in (None, "percentage")
        and moved_before(text, max(0, a.start - 30), a.start)
    ):
        # "fell $1.20 to $45.30", "rose 120 points to 25,300": the move, then the level
        # reached; a range of a move writes its unit once ("rose 3 to 4 percent"), and a
        # move in percent to a level in percent is rare beside a forecast's "5% to 7%"
        return False
    if a.unit and not b.unit and how != "and":
        return False  # "rose 8% to 3.65": a change, not a range
    return not (how == "or" and (a.unit or a.atoms[0].kind != b.atoms[0].kind))


# "from 6 to 8 percent to 2 to 4 percent": a second "to" after the pair makes it the
# earlier range of a change
_TO_AFTER = re.compile(r"\s+to\s+(?:about\s+|around\s+)?[$€£]?\d")


def after_from(text: str, a: Draft) -> bool:
    """ "from 4 to 6": the number right after "from", the opening of a range or change."""
    return _FROM.search(text, max(0, a.start - 6), a.start) is not None


def change_verb_before(text: str, a: Draft) -> bool:
    """A verb of change shortly before the number ("rose sharply from 4"): "from X to Y"
    then tells two values of one figure, not a span of values."""
    return change_re().search(text, max(0, a.start - 60), a.start) is not None


def _is_change(text: str, a: Draft, b: Draft) -> bool:
    """ "fell from 3.9 to 3.6 percent": two values of a change, not a range."""
    if not after_from(text, a) or _TO_AFTER.match(text, b.end):
        return False
    return change_verb_before(text, a)


# A number written before a scale it shares is one a writer would put before "million"
_SHARED_SCALE_BELOW = 1000.0


def takes_scale(text: str, a: Draft, b: Draft) -> bool:
    """ "3 to 4 thousand", "from 8.5 to 11 billion euros": a short number without a scale
    word, written before a number with one, may be in that scale; "900,000" is not."""
    atom = a.atoms[0]
    return (
        a.scale == 1.0
        and b.scale > 1.0
        and a.value is not None
        and "," not in text[atom.start : atom.end]
        and abs(a.value) < _SHARED_SCALE_BELOW
    )


def _share_scale(text: str, a: Draft, b: Draft) -> None:
    """A range's low end takes its high end's scale when it stays below it."""
    if (
        takes_scale(text, a, b)
        and a.value is not None
        and b.value is not None
        and a.value * b.scale <= b.value * 1.0001
    ):
        a.value = scaled(a.value, b.scale)
        a.scale = b.scale


# numbers a writer puts before one scale word are of one magnitude ("from 12 to 9
# billion"); "from 900 to 1.2 million" is 900, not 900 million
ONE_MAGNITUDE = 20.0


def one_magnitude(a: float, b: float) -> bool:
    """Two numbers as written within a factor of ``ONE_MAGNITUDE`` of each other."""
    low, high = sorted((abs(a), abs(b)))
    return bool(low) and high / low < ONE_MAGNITUDE


def _falls_in_one_scale(text: str, a: Draft, b: Draft) -> bool:
    """ "from $6 to $5 billion": read in the later number's scale the pair falls, and a
    range only rises; numbers of one magnitude then share the scale, as a change."""
    if not after_from(text, a) or not takes_scale(text, a, b):
        return False
    if a.value is None or b.value is None:
        return False
    return one_magnitude(a.value, b.value / b.scale) and a.value * b.scale > b.value


def join_ranges(text: str, drafts: list[Draft]) -> list[Draft]:
    out: list[Draft] = []
    i = 0
    while i < len(drafts):
        a = drafts[i]
        b = drafts[i + 1] if i + 1 < len(drafts) else None
        how = _range_connector(text, a, b) if b else None
        if b is None or how is None or not _mergeable(text, a, b, how):
            out.append(a)
            i += 1
            continue
        falling = how == "to" and _falls_in_one_scale(text, a, b)
        if falling and a.value is not None:
            a.value, a.scale = scaled(a.value, b.scale), b.scale
        _share_scale(text, a, b)
        assert a.value is not None and b.value is not None
        change = falling or (how == "to" and _is_change(text, a, b))
        if a.value >= b.value or change:
            if how == "dash" and a.bare and b.bare:
                a.flags.add("score")  # "2-0", "89-89": a score, not a range
                b.flags.add("score")
            elif a.bare and change:
                # "fell from 3.9 to 3.6 percent": both are percentages
                a.unit, a.unit_kind = b.unit, b.unit_kind
            out.append(a)
            i += 1
            continue
        opener = _BETWEEN.search(text, max(0, a.start - 9), a.start) or _FROM.search(
            text, max(0, a.start - 6), a.start
        )
        out.append(
            Draft(
                opener.start() if opener else a.start,
                b.end,
                None,
                a.atoms + b.atoms,
                low=a.value,
                high=b.value,
                approx=a.approx,
                unit=b.unit or a.unit,
                unit_kind=b.unit_kind or a.unit_kind,
                scale=b.scale,
                num_end=b.num_end,
                flags=a.flags | b.flags | {"range"},
            )
        )
        i += 2
    return out
