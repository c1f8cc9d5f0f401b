"""TF-IDF sentence vectors (stdlib): centrality and novelty for the summary."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from sitrep import lexicons

_WORD = re.compile(r"[^\W\d_][\w'’-]*")

Vector = dict[str, float]


def terms(text: str) -> list[str]:
    stop = lexicons.stop_words("salience")
    return [w for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in stop]


def tfidf(docs: Sequence[Sequence[str]]) -> list[Vector]:
    """Unit-length TF-IDF vectors of token lists (smoothed IDF)."""
    df: Counter[str] = Counter()
    for d in docs:
        df.update(set(d))
    n = len(docs)
    out = []
    for d in docs:
        tf = Counter(d)
        vec = {t: (1 + math.log(c)) * math.log((1 + n) / (1 + df[t]) + 1) for t, c in tf.items()}
        out.append(normalise(vec))
    return out


def normalise(vec: Vector) -> Vector:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {k: v / norm for k, v in vec.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def add(total: Vector, vectors: Sequence[Vector], sign: float = 1.0) -> Vector:
    """``total`` plus (``sign`` 1) or minus (-1) each of ``vectors``, in place."""
    for v in vectors:
        for k, x in v.items():
            total[k] = total.get(k, 0.0) + sign * x
    return total


def centroid(vectors: Sequence[Vector]) -> Vector:
    return normalise(add({}, vectors))
