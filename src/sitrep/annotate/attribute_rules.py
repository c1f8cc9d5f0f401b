"""A faster matcher for spaCy's attribute ruler, giving exactly its matches.

The English pipeline's ``attribute_ruler`` runs a general token Matcher with
~180 patterns over every token, about a sixth of the pipeline's time. Its
patterns are simple (one or two tokens, equality, ``IN`` and ``REGEX`` tests on
a few attributes), and tokens repeat, so each distinct token (its tested
attributes) is checked once per process and the answer reused. The ruler's own
``set_annotations`` then applies the same match list as before. Patterns this
module cannot read, or a Doc without tags or parse, keep the original matcher.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Token attributes a pattern may test here: the string-valued ones and flags.
_STRING_ATTRS = ("ORTH", "TEXT", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA")
_FLAG_ATTRS = ("IS_SPACE",)
_INDEXED = ("LOWER", "ORTH", "TEXT", "TAG", "DEP")  # equality/IN tests that pick candidates
_MEMO_LIMIT = 500_000  # distinct token keys kept before the memo starts over

Test = Callable[[Any], bool]


def _attr_ids() -> dict[str, int]:
    from spacy import attrs

    return {name: getattr(attrs, "ORTH" if name == "TEXT" else name)
            for name in _STRING_ATTRS + _FLAG_ATTRS}


@dataclass(frozen=True, slots=True)
class _Rule:
    """One pattern of one ruler entry: a test per token per attribute."""

    attr_id: int
    match_id: int
    tokens: tuple[tuple[tuple[int, Test], ...], ...]  # per token: (column, test)
    index_keys: tuple[tuple[int, str], ...] | None  # (column, value) one of which it needs


def _test(value: Any, flag: bool) -> Test | None:
    """The check of one attribute against a pattern value, or None if unsupported."""
    if flag:
        return bool(value).__eq__ if isinstance(value, bool) else None
    if isinstance(value, str):
        return value.__eq__
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        words = isinstance(arg, list) and all(isinstance(a, str) for a in arg)
        if op == "IN" and words:
            return frozenset(arg).__contains__
        if op == "NOT_IN" and words:
            excluded = frozenset(arg)  # built once, not per token
            return lambda v: v not in excluded
        if op == "REGEX" and isinstance(arg, str):
            regex = re.compile(arg)
            return lambda v: regex.search(v) is not None
    return None


def _equal_values(value: Any) -> frozenset[str] | None:
    """The values an equality or IN test accepts (for indexing), else None."""
    if isinstance(value, str):
        return frozenset([value])
    if isinstance(value, dict) and len(value) == 1 and isinstance(value.get("IN"), list):
        return frozenset(value["IN"])
    return None


_Firsts = tuple[tuple[tuple[int, int], ...], tuple[_Rule, ...]]


class FastRulerMatch:
    """A drop-in ``match`` for an AttributeRuler: the same sorted match list."""

    def __init__(self, ruler: Any, columns: tuple[str, ...], rules: list[_Rule]) -> None:
        self.ruler = ruler
        self.original: Callable[[Doc], list[tuple[int, int, int, int]]] = ruler.match
        ids = _attr_ids()
        self.attr_ids: list[int | str] = [ids[name] for name in columns]
        self.flags = [name in _FLAG_ATTRS for name in columns]
        self.entries = len(ruler.attrs)
        self.multi = [r for r in rules if len(r.tokens) > 1]
        # candidates of single-token rules by (column, value); the rest are always tried
        self.index: dict[tuple[int, str], list[_Rule]] = {}
        self.always: list[_Rule] = []
        for rule in (r for r in rules if len(r.tokens) == 1):
            if rule.index_keys is None:
                self.always.append(rule)
            else:
                for entry in rule.index_keys:
                    self.index.setdefault(entry, []).append(rule)
        self.indexed_cols = sorted({col for col, _ in self.index})
        self.memo: dict[tuple[int, ...], _Firsts] = {}
        self.step_memo: dict[tuple[int, int, tuple[int, ...]], bool] = {}

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        # entries added to the ruler after this was built are the Matcher's to find
        parsed = doc.has_annotation("TAG") and doc.has_annotation("DEP")
        if len(self.ruler.attrs) != self.entries or not parsed:
            return self.original(doc)
        rows: Any = doc.to_array(self.attr_ids).reshape(len(doc), -1).tolist()  # ints
        codes: list[tuple[int, ...]] = [tuple(row) for row in rows]
        buckets: dict[int, list[tuple[int, int, int, int]]] = {}
        memo = self.memo
        if len(memo) > _MEMO_LIMIT:
            memo.clear()
            self.step_memo.clear()
        for i, code in enumerate(codes):
            found = memo.get(code)
            if found is None:
                found = memo[code] = self._first_matches(self._key(doc, code))
            singles, starts = found
            for attr_id, match_id in singles:
                bucket = buckets.get(attr_id)
                if bucket is None:
                    bucket = buckets[attr_id] = []
                bucket.append((attr_id, match_id, i, i + 1))
            for rule in starts:
                n = len(rule.tokens)
                if i + n <= len(codes) and all(
                        self._step(doc, rule, j, codes[i + j]) for j in range(1, n)):
                    buckets.setdefault(rule.attr_id, []).append(
                        (rule.attr_id, rule.match_id, i, i + n))
        matches: list[tuple[int, int, int, int]] = []
        for attr_id in sorted(buckets):
            matches.extend(sorted(set(buckets[attr_id])))
        return matches

    def _key(self, doc: Doc, code: tuple[int, ...]) -> tuple[Any, ...]:
        """A token's tested values, as strings and flags, from their ids."""
        strings = doc.vocab.strings
        return tuple(bool(v) if flag else strings[v]
                     for v, flag in zip(code, self.flags, strict=True))

    def _first_matches(self, key: tuple[Any, ...]) -> _Firsts:
        """The one-token entries a token matches, and the longer rules it may start."""
        tried: list[_Rule] = []
        for col in self.indexed_cols:
            tried.extend(self.index.get((col, key[col]), ()))
        tried.extend(self.always)
        # one match per entry, as the Matcher gives for one span
        hits = {(r.attr_id, r.match_id) for r in tried
                if all(test(key[col]) for col, test in r.tokens[0])}
        starts = tuple(r for r in self.multi if all(test(key[col]) for col, test in r.tokens[0]))
        return tuple(sorted(hits)), starts

    def _step(self, doc: Doc, rule: _Rule, j: int, code: tuple[int, ...]) -> bool:
        """Whether a token (by its ids) passes step ``j`` of a multi-token rule."""
        memo_key = (id(rule), j, code)  # by rule: one entry's patterns may differ at step j
        hit = self.step_memo.get(memo_key)
        if hit is None:
            key = self._key(doc, code)
            hit = self.step_memo[memo_key] = all(test(key[col]) for col, test in rule.tokens[j])
        return hit


def fast_match(ruler: Any) -> FastRulerMatch | None:
    """A fast ``match`` for ``ruler``, or None when one of its patterns is out of reach."""
    entries: list[tuple[int, int, list[list[dict[str, Any]]]]] = []
    for attr_id in range(len(ruler.attrs)):
        match_id = ruler.vocab.strings[str(attr_id)]
        entry = ruler.matcher.get(match_id)
        if entry is None:
            return None
        entries.append((attr_id, match_id, entry[1]))
    names = [name.upper() for _, _, patterns in entries for pattern in patterns
             for spec in pattern for name in spec]
    if any(name not in _STRING_ATTRS + _FLAG_ATTRS for name in names):
        return None
    columns = tuple(dict.fromkeys(names))
    rules: list[_Rule] = []
    for attr_id, match_id, patterns in entries:
        for pattern in patterns:
            steps = []
            for spec in pattern:
                tests = []
                for name, value in spec.items():
                    test = _test(value, name.upper() in _FLAG_ATTRS)
                    if test is None:
                        return None
                    tests.append((columns.index(name.upper()), test))
                steps.append(tuple(tests))
            if not steps:
                return None
            rules.append(_Rule(attr_id, match_id, tuple(steps), _index_keys(pattern[0], columns)))
    return FastRulerMatch(ruler, columns, rules)


def _index_keys(spec: dict[str, Any],
                columns: tuple[str, ...]) -> tuple[tuple[int, str], ...] | None:
    """(column, value) pairs one of which a token needs to pass ``spec``, if it tests one."""
    upper = {name.upper(): value for name, value in spec.items()}
    for name in _INDEXED:
        if name in upper:
            values = _equal_values(upper[name])
            if values is not None:
                return tuple((columns.index(name), v) for v in sorted(values))
    return None


def speed_up_attribute_ruler(nlp: Language) -> bool:
    """Give the pipeline's attribute ruler the fast matcher; False if it keeps its own."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler: Any = nlp.get_pipe("attribute_ruler")
    matcher = fast_match(ruler)
    if matcher is None:
        return False
    ruler.match = matcher
    return True
