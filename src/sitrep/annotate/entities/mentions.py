"""Entity mention spans: spaCy's entities with their boundaries repaired,
plus gazetteer phrases and acronyms the model missed.

Everything works on token indices of the parsed Doc; nothing re-runs a model.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitrep import lexicons
from sitrep.annotate.entities.countries import Country, country_index
from sitrep.annotate.entities.keys import name_key, word_set
from sitrep.annotate.entities.organisations import gazetteer
from sitrep.annotate.entities.titles import HONORIFICS, TITLE_WORDS

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

# Labels that name things; numbers, dates and amounts belong to other layers.
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
)


# Words spaCy tags as an ORG when they open a title ("Defense Minister").
PORTFOLIO_WORDS = word_set(
    """
    defense defence foreign interior finance justice health education trade economy
    energy agriculture home labor labour culture information transport environment vice
    deputy prime state
    """
)
# Lower-case particles inside people's names ("Paulo do Vale Moreira", "Greta von der Aue").
NAME_PARTICLES = word_set("da das de del della der den di do dos du la le van von ter ten")
_NOT_GIVEN_NAMES = frozenset({"PERSON", "GPE", "LOC", "FAC", "DATE", "TIME", "NORP"})
COUNTRIES_AS_GIVEN_NAMES = frozenset({"chad", "jordan", "georgia", "israel", "india", "kenya"})
_HYPHENS = frozenset({"-", "‑", "‐"})
_ACRONYM = re.compile(r"^[A-Z][A-Za-z&]{1,9}$")


@dataclass(slots=True)
class Candidate:
    """A mention span over tokens ``start:end`` before it is tied to an entity."""

    start: int
    end: int
    label: str
    from_ner: bool = True
    country: Country | None = None  # the span itself names a country
    owner: Country | None = None  # the country the text attaches it to
    roles: list[str] = field(default_factory=list)

    def length(self) -> int:
        return self.end - self.start


# ---------------------------------------------------------------- boundaries


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the", a trailing possessive and stray punctuation; a
    name never runs across a line break ("Erdogan\n\nANKARA")."""
    for i in range(start, end):
        if doc[i].is_space or "\n" in doc[i].whitespace_:
            end = i + (not doc[i].is_space)
            break
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    while end > start and (
        doc[end - 1].tag_ == "POS"
        or doc[end - 1].lower_ in {"'s", "’s", "'", "’"}
        or (doc[end - 1].is_punct and doc[end - 1].text not in {".", ")"})
    ):
        end -= 1
    return start, end


def _extend_hyphenated(doc: Doc, end: int) -> int:
    """Carry a name over a glued hyphen spaCy cut at: "No Kwang" + "-chol"."""
    while (
        end + 1 < len(doc)
        and doc[end].text in _HYPHENS
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
    ):
        end += 2
    return end


def _is_free_name_token(doc: Doc, i: int) -> bool:
    token = doc[i]
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and token.ent_iob_ == "O"
        and token.lower_ not in TITLE_WORDS
    )


def _extend_short_name(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Make a cut Korean-style three-part name whole (PROPN PROPN PROPN)."""
    if (
        end - start == 1
        and end + 1 < len(doc)
        and _is_free_name_token(doc, end)
        and _is_free_name_token(doc, end + 1)
    ):
        return start, end + 2
    if (
        end - start == 2
        and start > 0
        and doc[start - 1].tag_ == "NNP"
        and _is_free_name_token(doc, start - 1)
        and all(t.pos_ == "PROPN" for t in doc[start:end])
    ):
        return start - 1, end
    return start, end


def _extend_particles(doc: Doc, start: int) -> int:
    """Carry a name back over a particle the model cut it at: "Paulo do" + "Vale Moreira"."""
    while start > 1 and doc[start - 1].lower_ in NAME_PARTICLES and doc[start - 1].is_lower:
        i = start - 1
        while i > 0 and doc[i - 1].lower_ in NAME_PARTICLES and doc[i - 1].is_lower:
            i -= 1
        given = doc[i - 1]  # a given name, which the model may have typed apart
        if not (given.pos_ == "PROPN" and given.is_title and given.lower_ not in TITLE_WORDS):
            break
        if given.ent_type_ in _NOT_GIVEN_NAMES or given.is_sent_start:
            break
        start = i - 1
    return start


def _person_bounds(doc: Doc, start: int, end: int, cand: Candidate) -> tuple[int, int]:
    end = _extend_hyphenated(doc, end)
    start = _extend_particles(doc, start)
    start, end = _extend_short_name(doc, start, end)
    name_start = start
    while end - name_start > 1 and doc[name_start].lower_ in HONORIFICS:
        name_start += 1
    if name_start > start:
        cand.roles.append(doc[start:name_start].text)
    return name_start, end


def _is_title_fragment(doc: Doc, start: int, end: int) -> bool:
    """An ORG like "Defense" in "Defense Minister" or "State" in "Secretary of State"."""
    if not all(t.lower_ in PORTFOLIO_WORDS for t in doc[start:end]):
        return False
    before_title = end < len(doc) and doc[end].lower_ in TITLE_WORDS
    after_title = (
        start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in TITLE_WORDS
    )
    return before_title or after_title


def ner_candidates(doc: Doc) -> list[Candidate]:
    out = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        start, end = _trim(doc, ent.start, ent.end)
        if start >= end:
            continue
        cand = Candidate(start, end, ent.label_)
        if ent.label_ == "PERSON":
            start, end = _person_bounds(doc, start, end, cand)
        elif _is_title_fragment(doc, start, end):
            continue
        cand.start, cand.end = start, end
        out.append(cand)
    return out


# ---------------------------------------------------------------- gazetteer phrases


@functools.lru_cache(maxsize=4)
def _matcher(vocab: Vocab) -> tuple[PhraseMatcher, dict[int, str]]:
    """A phrase matcher over every gazetteer alias and multi-word country name."""
    import spacy
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    tokenizer = spacy.blank("en").tokenizer
    matcher = PhraseMatcher(vocab, attr="LOWER")
    labels: dict[int, str] = {}
    gaz = gazetteer()
    phrases = [(s, "ORG") for s in gaz.surface_forms]
    phrases += [(s, "GPE") for s in country_index().names if " " in s]
    for phrase, label in phrases:
        for variant in {phrase, phrase.replace("'", "’")}:
            toks = tokenizer(variant)
            pattern = Doc(
                vocab, words=[t.text for t in toks], spaces=[bool(t.whitespace_) for t in toks]
            )
            key = f"{label}:{variant}"
            matcher.add(key, [pattern])
            labels[vocab.strings[key]] = label
    return matcher, labels


def _written_as_listed(text: str) -> bool:
    """Matching ignores case; acronyms and proper names must keep theirs."""
    gaz = gazetteer()
    key = name_key(text)
    if key in gaz.acronym_keys:  # "WHO" and "IS", never "Who" or "is"
        return text.replace("’", "'") in gaz.exact_case
    if text.lower() == text:
        return key in gaz.lower_case
    return text[:1].isupper()


def phrase_candidates(doc: Doc) -> list[Candidate]:
    matcher, labels = _matcher(doc.vocab)
    out = []
    for match_id, start, end in matcher(doc):
        if _written_as_listed(doc[start:end].text):
            out.append(Candidate(start, end, labels[match_id], from_ner=False))
    return out


# ---------------------------------------------------------------- merging


def merge(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping spans, longest first; spaCy's span wins a tie."""
    ranked = sorted(candidates, key=lambda c: (-c.length(), not c.from_ner, c.start))
    taken: set[int] = set()
    kept = []
    for cand in ranked:
        span = range(cand.start, cand.end)
        if any(i in taken for i in span):
            continue
        taken.update(span)
        kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


# ---------------------------------------------------------------- country context


def _needs_owner(doc: Doc, cand: Candidate) -> bool:
    """Descriptive phrases ("spy agency", "the government") count only when the
    text says whose they are; international ones ("world body") need no owner."""
    text = doc[cand.start : cand.end].text
    gaz = gazetteer()
    if gaz.is_descriptive(text):
        return True
    if text.lower() != text:
        return False
    return gaz.body(text) is not None or any(e.country for e in gaz.candidates(text))


def _heads_phrase(doc: Doc, cand: Candidate) -> bool:
    """A descriptive phrase must head its noun phrase: "the army", not "army officers"."""
    last = doc[cand.end - 1]
    return not (last.dep_ in {"compound", "amod", "nmod"} and last.head.i >= cand.end)


def context_owner(
    doc: Doc, cand: Candidate, by_end: dict[int, Country], by_start: dict[int, Country]
) -> Country | None:
    """The country a body belongs to per the text: "Russia's", "Russian", "of Russia"."""
    i = cand.start - 1
    while i >= 0 and doc[i].pos_ == "ADJ" and doc[i].is_lower and cand.start - i <= 2:
        i -= 1
    if i >= 0 and doc[i].tag_ == "POS":
        i -= 1
    if i + 1 in by_end:
        return by_end[i + 1]
    j = cand.end
    if j + 1 < len(doc) and doc[j].lower_ == "of":
        j += 2 if doc[j + 1].lower_ == "the" else 1
        return by_start.get(j)
    return None


def _split_owner(doc: Doc, cand: Candidate) -> list[Candidate]:
    """Split "Russian Armed Forces" or "Ministry of Defence of Russia" in two
    mentions when the rest is a known body; the body keeps its owner."""
    countries, gaz = country_index(), gazetteer()

    def known(start: int, end: int) -> bool:
        text = doc[start:end].text
        return bool(gaz.candidates(text) or gaz.body(text))

    if known(cand.start, cand.end):
        return [cand]
    for k in range(1, min(5, cand.length())):
        rest = cand.start + k + (doc[cand.start + k].tag_ == "POS")
        owner = countries.lookup(doc[cand.start : cand.start + k].text)
        if owner and rest < cand.end and known(rest, cand.end):
            head = Candidate(cand.start, cand.start + k, "GPE", cand.from_ner, country=owner)
            return [head, Candidate(rest, cand.end, cand.label, cand.from_ner, owner=owner)]
    for j in range(cand.start + 1, cand.end - 1):
        if doc[j].lower_ != "of":
            continue
        tail = j + 1 + (doc[j + 1].lower_ == "the")
        owner = countries.lookup(doc[tail : cand.end].text)
        if owner and known(cand.start, j):
            body = Candidate(cand.start, j, cand.label, cand.from_ner, owner=owner)
            return [body, Candidate(tail, cand.end, "GPE", cand.from_ner, country=owner)]
    return [cand]


def _add_countries(doc: Doc, cands: list[Candidate]) -> None:
    countries = country_index()
    for cand in cands:
        if cand.country is not None:
            continue
        text = doc[cand.start : cand.end].text
        if cand.label != "PERSON":
            cand.country = countries.lookup(text)
        elif cand.length() == 1 and text.lower() not in COUNTRIES_AS_GIVEN_NAMES:
            # spaCy's small model calls some countries people ("Mauritius").
            cand.country = countries.by_name.get(name_key(text))


# ---------------------------------------------------------------- acronyms


def _initials(text: str) -> tuple[str, str]:
    words = [w for w in re.split(r"[\s\-‑]+", text) if w[:1].isalpha()]
    skipped = lexicons.stop_words("initials")
    content = "".join(w[0] for w in words if w.lower() not in skipped).upper()
    return content, "".join(w[0] for w in words).upper()


def _abbreviates(acronym: str, text: str) -> bool:
    letters = "".join(c for c in acronym if c.isalpha()).upper()
    content, every = _initials(text)
    if letters in {content, every}:
        return True
    it = iter(every)
    return bool(content) and letters[0] == content[0] and all(c in it for c in letters)


def acronym_definitions(doc: Doc, cands: list[Candidate]) -> dict[str, int]:
    """Acronyms the text defines: "Korean Central News Agency (KCNA)" -> index of the long form."""
    defined: dict[str, int] = {}
    for index, cand in enumerate(cands):
        e = cand.end
        if e + 2 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")":
            acronym = doc[e + 1].text
            if (
                _ACRONYM.match(acronym)
                and acronym.upper() == acronym
                and cand.length() > 1
                and _abbreviates(acronym, doc[cand.start : cand.end].text)
            ):
                defined.setdefault(acronym, index)
    return defined


def _acronym_candidates(
    doc: Doc, cands: list[Candidate], defined: dict[str, int]
) -> list[Candidate]:
    covered = {i for c in cands for i in range(c.start, c.end)}
    return [
        Candidate(t.i, t.i + 1, cands[defined[t.text]].label, from_ner=False)
        for t in doc
        if t.text in defined and t.i not in covered
    ]


# ---------------------------------------------------------------- all together


def mention_candidates(doc: Doc) -> tuple[list[Candidate], dict[str, int]]:
    """Mention spans in text order, and the acronyms the text defines (acronym -> long form)."""
    phrases = phrase_candidates(doc)
    descriptive = [c for c in phrases if _needs_owner(doc, c)]
    plain = [
        c
        for c in phrases
        if not _needs_owner(doc, c)
        and (doc[c.end - 1].is_title or doc[c.end - 1].is_upper or _heads_phrase(doc, c))
    ]
    cands = merge(ner_candidates(doc) + plain)
    cands = [part for c in cands for part in _split_owner(doc, c)]
    _add_countries(doc, cands)
    by_end = {c.end: c.country for c in cands if c.country}
    by_start = {c.start: c.country for c in cands if c.country}
    for cand in cands:
        if cand.country is None and cand.owner is None and cand.label == "ORG":
            cand.owner = context_owner(doc, cand, by_end, by_start)
    owned = []
    for cand in filter(lambda c: _heads_phrase(doc, c), descriptive):
        cand.owner = context_owner(doc, cand, by_end, by_start)
        if cand.owner is not None:
            owned.append(cand)
    if owned:
        cands = merge(cands + owned)
    defined = acronym_definitions(doc, cands)
    if defined:
        cands = merge(cands + _acronym_candidates(doc, cands, defined))
        defined = acronym_definitions(doc, cands)
    return cands, defined
