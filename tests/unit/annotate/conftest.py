"""The spaCy pipeline every annotate test parses with (loaded once, cached by load_nlp)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.annotate.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()
