"""The worker actor: one spaCy model per process, extraction and annotation in batches.

The class is plain Python (Ray wraps it at run time), so importing it needs no Ray.
"""

from __future__ import annotations

import os
import time
from typing import TypeVar

from sitrep.errors import InputError
from sitrep.models import Annotations, Article, SourceDoc

T = TypeVar("T", Article, Annotations)
# InputError does not pickle; it travels as (source, reason).
Extracted = Article | tuple[str, str]


class Worker:
    """Runs on a Ray worker; holds the language model for its lifetime."""

    def __init__(self, layers: frozenset[str], model: str | None = None) -> None:
        from sitrep.annotate.nlp import load_nlp

        self.layers = layers
        self.nlp = load_nlp(model)

    def pid(self) -> int:
        return os.getpid()

    def extract(self, docs: list[SourceDoc]) -> tuple[list[Extracted], float]:
        """The articles of ``docs``, in order (failures as (source, reason)); CPU seconds."""
        from sitrep.pipeline import extract_doc

        start = time.process_time()
        found = [(i.source, i.reason) if isinstance(i, InputError) else i
                 for doc in docs for i in extract_doc(doc)]
        return found, time.process_time() - start

    def annotate(self, articles: list[Article]) -> tuple[list[Annotations | tuple[str, str]],
                                                         float]:
        """The annotations of ``articles``, in order (the driver pairs them up; failures
        as (source, reason)); CPU seconds."""
        from sitrep.pipeline import annotate_each

        start = time.process_time()
        done = [(a.source, a.reason) if isinstance(a, InputError) else a
                for a in annotate_each(articles, max(1, len(articles)), nlp=self.nlp,
                                       layers=self.layers)]
        return done, time.process_time() - start


def restore(item: T | tuple[str, str]) -> T | InputError:
    return InputError(*item) if isinstance(item, tuple) else item
