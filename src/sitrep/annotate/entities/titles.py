"""Roles and titles of people, from the words around their names.

Two patterns cover most news prose:

- a title before the name: "US Defense Secretary Pete Hegseth",
  "North Korea's Defense Minister No Kwang-chol";
- an apposition after it: "Chang Yoon-jeong, a spokesperson for South
  Korea's Unification Ministry," or "Pak Yong Il, vice director of ...".

The surface pattern finds the candidate and a title word must anchor it; the
dependency parse bounds it (a title word's subtree carries its "of ..."
complement).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.annotate.entities.keys import word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


TITLE_WORDS = word_set(
    """
    president vice-president premier prime minister secretary undersecretary chancellor
    director chief head leader spokesperson spokesman spokeswoman spokespeople chairman
    chairwoman chair chairperson governor mayor senator sen. rep. representative
    congressman congresswoman lawmaker legislator mp speaker ambassador envoy consul
    diplomat commander general admiral marshal colonel lieutenant major captain sergeant
    brigadier commissioner coordinator negotiator adviser advisor counselor counsellor
    king queen prince princess emperor sultan emir sheikh ayatollah pope cardinal
    archbishop bishop imam rabbi judge justice prosecutor attorney lawyer magistrate
    official officer officials administrator superintendent inspector detective agent
    ceo cfo cto founder co-founder owner executive manager president-elect analyst
    expert researcher professor scholar economist scientist fellow correspondent
    reporter journalist editor columnist anchor host activist campaigner candidate
    nominee deputy delegate member dr. mr. mrs. ms. prof. gen. adm. col. lt. capt. sgt.
    gov. amb.
    """
)

# Words that modify a title without being one ("former", "deputy", "acting").
TITLE_MODIFIERS = word_set(
    """
    former acting interim deputy vice senior top chief foreign defense defence first
    second prime state national regional local military civilian opposition then
    outgoing incoming new longtime veteran retired exiled self-proclaimed supreme
    special assistant associate executive managing general
    """
)

HONORIFICS = word_set(
    """
    mr. mrs. ms. dr. prof. gen. adm. col. lt. capt. sgt. sen. rep. gov. mr mrs ms dr
    president premier minister secretary general admiral marshal colonel ayatollah
    sheikh king queen prince princess emir sultan pope cardinal imam
    """
)

_NOT_IN_TITLES = frozenset(
    {"DET", "ADP", "VERB", "AUX", "PRON", "CCONJ", "SCONJ", "ADV", "PART", "INTJ", "PUNCT", "NUM"}
)
_TRAILING_JUNK = frozenset({"ADP", "CCONJ", "DET", "PUNCT", "SCONJ", "PART"})
_APPOS_SKIP = frozenset({"a", "an", "the", "also", "now", "currently"})
_APPOS_STOP = frozenset({",", ";", ".", "(", ")", ":", "who", "which", "that", "whose", "\n"})
_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman", "person", "ant", "ent")
_MAX_ROLE_TOKENS = 16


def is_title_word(token: Token) -> bool:
    return token.lower_ in TITLE_WORDS


def _role_like(token: Token) -> bool:
    """A noun that names what someone is: a title word or an agent noun."""
    if is_title_word(token):
        return True
    return token.pos_ == "NOUN" and token.lower_.endswith(_AGENT_SUFFIXES)


def _can_premodify(token: Token, stop: set[int]) -> bool:
    if token.i in stop or token.is_space:
        return False
    if token.tag_ == "POS" or token.lower_ in TITLE_WORDS or token.lower_ in TITLE_MODIFIERS:
        return True
    if token.pos_ in _NOT_IN_TITLES:
        return token.text in {"-", "‑"}
    # "EU foreign policy chief": a lower-case noun may modify the title.
    return token.is_title or token.is_upper or (token.pos_ == "NOUN" and token.dep_ == "compound")


def premodifier_role(doc: Doc, start: int, end: int, stop: set[int]) -> tuple[str, int] | None:
    """The title written just before a name ``doc[start:end]``, and where it starts.

    ``stop`` holds token indices the title may not include (other people's
    names, dates).
    """
    sent_start = doc[start].sent.start
    left = start
    while left > sent_start and _can_premodify(doc[left - 1], stop):
        left -= 1
    # Every word of the title must hang on the title or the name (or, where
    # the parse split the name, on what the name hangs on).
    anchors = {t.head.i for t in doc[start:end]}
    while left < start and any(
        not (left <= t.head.i < end or t.head.i in anchors) for t in doc[left:start]
    ):
        left += 1
    while left < start and (doc[left].tag_ == "POS" or doc[left].text in {"-", "‑"}):
        left += 1
    if left == start or not any(is_title_word(t) for t in doc[left:start]):
        return None
    return doc[left:start].text, left


def appositive_role(doc: Doc, end: int) -> str | None:
    """The role in an apposition after a name ending at ``end``: ", a spokesperson for X"."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    i = end + 1
    while i < len(doc) and doc[i].lower_ in _APPOS_SKIP:
        i += 1
    first = i
    anchor = None
    while i < len(doc) and i - first < 5:
        token = doc[i]
        if token.text in _APPOS_STOP or token.pos_ in {"VERB", "AUX", "PRON", "ADP"}:
            break
        if _role_like(token) and token.pos_ in {"NOUN", "PROPN"}:
            anchor = token
            if i + 1 >= len(doc) or doc[i + 1].pos_ not in {"NOUN", "PROPN"}:
                break
        i += 1
    if anchor is None or first >= len(doc) or doc[first].ent_type_ == "PERSON":
        return None
    last = max(anchor.i, anchor.right_edge.i)
    for j in range(anchor.i + 1, last + 1):
        if doc[j].lower_ in _APPOS_STOP or doc[j].ent_type_ == "PERSON":
            last = j - 1
            break
    last = min(last, first + _MAX_ROLE_TOKENS - 1)
    if last + 1 < len(doc) and doc[last + 1].ent_type_ == "PERSON":
        return None  # the title of the next name: "X, Chief Minister Y"
    while last > anchor.i and doc[last].pos_ in _TRAILING_JUNK:
        last -= 1
    return doc[first : last + 1].text


def split_honorifics(doc: Doc, start: int, end: int) -> int:
    """Where a person's name starts once leading titles ("Ayatollah", "Dr.") are cut off."""
    while end - start > 1 and doc[start].lower_ in HONORIFICS:
        start += 1
    return start
