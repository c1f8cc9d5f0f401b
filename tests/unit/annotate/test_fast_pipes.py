"""The fast attribute ruler and lemmatizer give exactly spaCy's own annotations."""

from __future__ import annotations

from typing import Any

import spacy
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.tokens import Doc

from sitrep.annotate.attribute_rules import fast_match, speed_up_attribute_ruler
from sitrep.annotate.fast_lemmas import ArrayEnglishLemmatizer, speed_up_lemmatizer
from sitrep.annotate.nlp import load_nlp

WORDS = ["The", "man", "ai", "n't", "here", "but", "y'", "all", "gon", "na", "see", " ", "it", "."]
TAGS = ["DT", "NN", "VBP", "RB", "RB", "CC", "PRP", "DT", "VBG", "TO", "VB", "_SP", "PRP", "."]
DEPS = ["det", "nsubj", "ROOT", "neg", "advmod", "advmod", "nsubj", "appos", "aux", "aux",
        "conj", "dep", "dobj", "punct"]
HEADS = [1, 2, 2, 2, 2, 2, 10, 6, 10, 10, 2, 10, 10, 2]


def _ruler() -> tuple[Any, Any]:
    nlp = spacy.blank("en")
    ruler: Any = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "DT"}]], {"POS": "DET"})
    ruler.add([[{"TAG": "DT", "LOWER": "the"}]], {"MORPH": "Definite=Def|PronType=Art"})
    ruler.add([[{"TAG": {"IN": ["VBP", "VBZ"]}, "LOWER": "ai"}, {"LOWER": {"REGEX": "^n'?t$"}}]],
              {"LEMMA": "be"})
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, index=-1)
    ruler.add([[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], {"LEMMA": "you"})
    ruler.add([[{"TAG": "CC", "LOWER": "but", "DEP": "advmod"}]], {"POS": "ADV"})
    ruler.add([[{"IS_SPACE": True, "TAG": "_SP"}]], {"POS": "SPACE"})
    ruler.add([[{"TAG": "VB", "LOWER": "see"}], [{"TAG": "VB"}]], {"POS": "VERB"})  # two ways
    ruler.add([[{"LOWER": {"NOT_IN": ["the", "it"]}, "TAG": "PRP"}]], {"POS": "PRON"})
    ruler.add([[{"TAG": "DT"}]], {"POS": "PRON"})  # a later entry overrides an earlier one
    return nlp, ruler


def _doc(nlp: Any) -> Doc:
    return Doc(nlp.vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=HEADS)


def test_same_matches_as_the_matcher() -> None:
    nlp, ruler = _ruler()
    fast = fast_match(ruler)
    assert fast is not None
    doc = _doc(nlp)
    assert fast(doc) == ruler.match(doc)
    assert fast(doc) == ruler.match(doc)  # from the memo too


def test_same_annotations_after_the_swap() -> None:
    nlp, ruler = _ruler()
    expected = [(t.pos_, str(t.morph), t.lemma_) for t in ruler(_doc(nlp))]
    assert speed_up_attribute_ruler(nlp)
    got = [(t.pos_, str(t.morph), t.lemma_) for t in ruler(_doc(nlp))]
    assert got == expected
    assert got[0][0] == "PRON" and got[2][2] == "be" and got[9][2] == "to"


def test_patterns_out_of_reach_keep_the_matcher() -> None:
    nlp = spacy.blank("en")
    ruler: Any = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LENGTH": {">=": 3}}]], {"POS": "NOUN"})
    assert fast_match(ruler) is None
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "DT", "OP": "?"}, {"TAG": "NN"}]], {"POS": "NOUN"})
    assert fast_match(ruler) is None
    assert not speed_up_attribute_ruler(nlp)


def test_entries_added_later_are_not_missed() -> None:
    nlp, ruler = _ruler()
    assert speed_up_attribute_ruler(nlp)
    ruler.add([[{"LOWER": "man"}]], {"POS": "PROPN"})
    assert ruler(_doc(nlp))[1].pos_ == "PROPN"


def test_doc_without_parse_uses_the_matcher() -> None:
    nlp, ruler = _ruler()
    fast = fast_match(ruler)
    assert fast is not None
    doc = Doc(nlp.vocab, words=WORDS, tags=TAGS)
    assert fast(doc) == ruler.match(doc)


def test_shipped_pipeline_matches_unchanged() -> None:
    nlp = load_nlp()
    ruler: Any = nlp.get_pipe("attribute_ruler")
    fast = ruler.match
    assert fast.__class__.__name__ == "FastRulerMatch"
    text = ("Police said a man, 23, was shot twice on Main Street late Friday. Y'all gon na "
            "see it, but he ain't talking. \n\n The victims were taken to a hospital.")
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        doc = nlp(text)
    assert fast(doc) == fast.original(doc)


def test_array_lemmatizer_gives_the_same_lemmas() -> None:
    nlp = load_nlp()
    lemmatizer: Any = nlp.get_pipe("lemmatizer")
    assert type(lemmatizer) is ArrayEnglishLemmatizer
    text = ("The victims were taken to hospitals; two men died. She's been running, "
            "and they'd gone.  \n Officers are investigating the shootings\u2019 causes.")
    with nlp.select_pipes(disable=["lemmatizer"]):
        doc, again = nlp(text), nlp(text)
    again[2].lemma_ = "kept"  # a lemma set before the pipe is left alone
    plain = EnglishLemmatizer.__call__  # the rule lemmatizer's own per-token loop
    expected = [t.lemma_ for t in plain(lemmatizer, doc)]
    assert [t.lemma_ for t in lemmatizer(again)] == [*expected[:2], "kept", *expected[3:]]
    assert expected[2] == "be" and "man" in expected and "die" in expected


def test_other_lemmatizers_are_left_alone() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not speed_up_lemmatizer(nlp)
