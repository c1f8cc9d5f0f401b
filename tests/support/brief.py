"""Shared helpers for the reconcile and brief tests: annotated articles, once per session."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from sitrep.annotate import annotate
from sitrep.models import Annotations, Article
from sitrep.reconcile import reconcile

Pair = tuple[Article, Annotations]


def make(text: str, *, id: str, outlet: str, published: str | None,
         title: str | None = None) -> Article:
    return Article(id=id, source=f"{id}.txt", text=text, outlet=outlet, published=published,
                   title=title or id)


def annotated(articles: Sequence[Article]) -> list[Pair]:
    return list(annotate(articles))


def voa_train_story(corpus: Path) -> list[Article]:
    """The Pakistan train-attack reports of the VOA corpus, found by keyword."""
    out = []
    for line in corpus.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        text = rec.get("text", "")
        if "train" in text and ("Balochistan" in text or "Jaffar Express" in text):
            out.append(Article(id=str(rec["id"]), source=str(corpus), text=text,
                               url=rec.get("url"), title=rec.get("title"),
                               outlet=rec.get("outlet"), published=rec.get("published")))
    return out


OUTLETS = ("Alpha News", "Beta Post", "Gamma Wire")


def story(*reports: tuple[str, str], outlets: tuple[str, ...] = OUTLETS) -> list[Pair]:
    """Annotated reports (text, published) of one story, each from another outlet."""
    return annotated([make(text, id="abc"[i], outlet=outlets[i], published=published)
                      for i, (text, published) in enumerate(reports)])


def discrepancy_values(pairs: Sequence[Pair], kind: str = "quantity_conflict") -> list[list[float]]:
    """The sorted values of each discrepancy of ``kind`` that reconcile finds in ``pairs``."""
    return [sorted(c.value for c in d.claims)  # type: ignore[attr-defined]
            for d in reconcile(list(pairs)).discrepancies if d.kind == kind]
