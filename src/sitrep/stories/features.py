"""What an article is about, as one sparse profile of namespaced terms.

Namespaces: ``w:`` content words (title words count extra), ``e:`` canonical
entity ids, ``n:`` numbers with their unit, ``t:`` resolved dates (and their
year), ``v:`` event types. A term weighs its namespace weight whether it occurs
once or ten times (presence, not frequency: a long report repeating the
topic's words should not outweigh the one name or figure that tells two
events apart); the profile is normalised to unit length, without idf:
document frequencies change as the store grows, so idf is applied when
profiles are compared (see vectors.py). Specific signals (a name, a figure,
a date) are what tell apart two events of the same kind, so they weigh more
than words.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sitrep.models import Annotations, Article, parse_iso_date

try:  # spaCy's list, without loading a model; a short fallback keeps this importable
    from spacy.lang.en.stop_words import STOP_WORDS as _SPACY_STOP
except ImportError:  # pragma: no cover
    _SPACY_STOP = set()

STOP = frozenset(_SPACY_STOP) | {
    "said", "says", "say", "told", "tell", "according", "year", "years", "new", "news",
    "people", "time", "week", "day", "today", "like", "just", "also", "will", "would",
    "could", "one", "two", "three", "mr", "mrs", "ms", "percent",
}

# Namespace weights, measured on ECB+ dev (see docs/stories.md).
WEIGHTS = {"w": 0.7, "title": 1.0, "e": 2.0, "n": 3.0, "t": 1.5, "v": 0.5}
TF_BOOST = 0.0
LEAD_CHARS = 1500
LATE = 1.0
MAX_TERMS = 120  # a profile keeps its heaviest terms: bounded storage and compare cost

_WORD = re.compile(r"[a-z][a-z'\-]+")
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w])")


@dataclass(slots=True)
class Profile:
    """An article's unit-length term profile and its date (ISO day or None)."""

    terms: dict[str, float]
    day: str | None


def stem(word: str) -> str:
    """A light suffix fold: plurals and possessives only (words stay readable)."""
    word = word.strip("'-")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    out = []
    for token in _WORD.findall(text.lower()):
        if len(token) < 3 or token in STOP:
            continue
        w = stem(token)
        if len(w) >= 3 and w not in STOP:
            out.append(w)
    return out


def _number_key(value: float, unit: str | None) -> str:
    text = f"{value:.6g}"
    return f"n:{text}{':' + unit if unit else ''}"


def _field(item: Any, name: str) -> Any:
    return item.get(name) if isinstance(item, dict) else getattr(item, name, None)


def counts(article: Article, ann: Annotations | None) -> dict[str, Counter[str]]:
    """Raw term counts per namespace."""
    out: dict[str, Counter[str]] = {ns: Counter() for ns in WEIGHTS}
    out["w"].update(words(article.text))
    if article.title:
        out["title"].update(f"w:{w}" for w in words(article.title))
    if ann is None:
        # No annotations (--no-annotate): numbers straight from the text.
        out["n"].update(f"n:{m.group().replace(',', '')}" for m in _NUMBER.finditer(article.text))
        return out
    out["e"].update(f"e:{m.entity_id}" for m in ann.entities if m.entity_id)
    for q in ann.quantities:
        if q.value is not None and q.value >= 0:
            out["n"][_number_key(q.value, q.unit)] += 1
    for t in ann.times:
        if t.value and len(t.value) >= 4 and t.value[:4].isdigit():
            out["t"][f"t:{t.value[:10]}"] += 1
            if len(t.value) > 4:
                out["t"][f"t:{t.value[:4]}"] += 1
    for e in ann.events:
        kind = _field(e, "type")
        if kind:
            out["v"][f"v:{kind}"] += 1
    return out


def lead_terms(article: Article, ann: Annotations | None) -> set[str]:
    """Terms of the title and the first ``LEAD_CHARS`` of the text.

    News puts what happened, where and to whom first; what comes only later
    (galleries of other stories, teasers, comment and sign-up chrome, background)
    counts ``LATE`` times as much.
    """
    lead = set(f"w:{w}" for w in words(article.text[:LEAD_CHARS]))
    if article.title:
        lead.update(f"w:{w}" for w in words(article.title))
    if ann is None:
        lead.update(f"n:{m.group().replace(',', '')}"
                    for m in _NUMBER.finditer(article.text[:LEAD_CHARS]))
        return lead
    early = counts(Article(id="", source="", text="", title=None), _lead_layers(ann))
    for counter in early.values():
        lead.update(t if ":" in t else f"w:{t}" for t in counter)
    return lead


def _lead_layers(ann: Annotations) -> Annotations:
    from dataclasses import replace

    def early(items: list[Any]) -> list[Any]:
        return [x for x in items if (_field(x, "start") or 0) < LEAD_CHARS]

    return replace(ann, entities=early(ann.entities), quantities=early(ann.quantities),
                   times=early(ann.times), events=early(ann.events))


def profile(article: Article, ann: Annotations | None) -> Profile:
    """The article's profile: weighted by presence, unit length, heaviest terms kept."""
    weights: dict[str, float] = {}
    lead = lead_terms(article, ann) if LATE < 1.0 else set()
    for ns, counter in counts(article, ann).items():
        w = WEIGHTS[ns]
        for term, c in counter.items():
            key = term if ":" in term else f"w:{term}"
            weights[key] = weights.get(key, 0.0) + w * (1.0 + TF_BOOST * math.log(c))
    if LATE < 1.0:
        weights = {t: v if t in lead else v * LATE for t, v in weights.items()}
    top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]
    norm = math.sqrt(sum(v * v for _, v in top)) or 1.0
    day = parse_iso_date(article.published)
    return Profile({t: v / norm for t, v in top}, day.isoformat() if day else None)
