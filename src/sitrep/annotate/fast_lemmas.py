"""spaCy's rule lemmatizer with its per-token Python work cut, giving the same lemmas.

The rule lemmatizer's answer depends only on a token's form, part of speech and
morphology (its own cache is keyed by those three), yet it builds Token and
MorphAnalysis objects for every token of every article. Here the three ids are
read as one array, each distinct triple is lemmatized once (by the lemmatizer
itself), and the lemmas are written back as one array.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_MEMO_LIMIT = 500_000  # distinct (form, tag, morphology) triples kept before starting over


class ArrayEnglishLemmatizer(EnglishLemmatizer):
    """The English rule lemmatizer, memoised by token ids (set on a loaded pipe's class)."""

    def __call__(self, doc: Doc) -> Doc:
        if self.overwrite or self.mode != "rule" or not len(doc):
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        memo: dict[tuple[int, int, int], int] = self.__dict__.setdefault("_lemma_ids", {})
        if len(memo) > _MEMO_LIMIT:
            memo.clear()
        try:
            rows: Any = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
            lemmas = []
            strings = doc.vocab.strings
            for i, (orth, pos, morph, lemma) in enumerate(rows):
                if lemma == 0:
                    key = (orth, pos, morph)
                    lemma = memo.get(key)
                    if lemma is None:
                        lemma = memo[key] = strings.add(self.lemmatize(doc[i])[0])
                lemmas.append(lemma)
            column: Any = numpy.asarray(lemmas, dtype=numpy.uint64).reshape(-1, 1)
            doc.from_array([LEMMA], column)
        except Exception as err:
            self.get_error_handler()(self.name, self, [doc], err)
        return doc


def speed_up_lemmatizer(nlp: Language) -> bool:
    """Give the pipeline's English rule lemmatizer the array version; False if left as is."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    pipe = nlp.get_pipe("lemmatizer")
    if type(pipe) is not EnglishLemmatizer or pipe.mode != "rule":
        return False
    pipe.__class__ = ArrayEnglishLemmatizer
    return True
