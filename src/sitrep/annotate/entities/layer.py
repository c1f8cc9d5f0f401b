"""Entity mentions tied to canonical entities.

``find_entities`` turns one parsed Doc into typed mentions (spans from
``entity_spans``), each tied to a canonical entity whose id is a pure
function of its key, so "No Kwang-chol" here and "No Kwang Chol" in another
article share one id. Identity comes from, in order: acronyms the article
defines, countries (names, aliases, demonyms -> ISO alpha-3), the curated
gazetteer and generic state bodies, short references to a person named in
full earlier, and otherwise the folded name itself. Whether a full name is a
person's is voted over all its mentions in the article: the model's labels and
the words around each mention (``evidence``), not the label of one mention.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sitrep.annotate.entities.countries import Country, country_index
from sitrep.annotate.entities.evidence import (
    courtesy_surnames,
    person_score,
    said_to_be_organisation,
)
from sitrep.annotate.entities.keys import (
    country_entity_id,
    entity_id,
    fold_name,
    name_key,
    type_group,
)
from sitrep.annotate.entities.mentions import Candidate, mention_candidates
from sitrep.annotate.entities.organisations import OrgEntry, gazetteer
from sitrep.annotate.entities.titles import appositive_role, premodifier_role
from sitrep.models import EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Doc

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels spaCy gives a bare surname by mistake ("Trump" as ORG, "Berisha" as GPE).
SURNAME_MISLABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})
CAPITALS_AS_NAMES = frozenset(
    {"victoria", "stanley", "kingston", "georgetown", "jamestown", "santiago", "lima", "male"}
)
# Generational suffixes a later mention leaves out: "Mr. Barros" of "... Barros Jr.".
GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv"})
_NOT_ROLE_ENTS = frozenset({"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL"})
# Labels the model gives a person's full name by mistake ("Dalia Voss" as ORG).
FULL_NAME_MISLABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART"})


@dataclass(slots=True)
class Identity:
    """The canonical entity a mention is tied to."""

    type: str
    group: str
    key: str
    name: str
    country: str | None = None
    votable: bool = False  # a bare name whose type the article may correct

    @property
    def id(self) -> str:
        if self.group == "country" and self.country:
            return country_entity_id(self.country)
        return entity_id(self.group, self.key)


@dataclass(slots=True)
class FullName:
    index: int
    words: tuple[str, ...]
    text: str


@dataclass(slots=True)
class ArticleState:
    """What resolution has learnt so far about one article."""

    full_names: list[FullName]
    person_names: dict[str, str]  # person key -> first full spelling
    not_people: dict[tuple[str, ...], str]  # names the cues say are no person's -> label
    country_counts: Counter[str]
    body_owner: dict[str, Country] = field(default_factory=dict)
    resolved: dict[int, Identity] = field(default_factory=dict)


# ---------------------------------------------------------------- identities


def _country_identity(country: Country) -> Identity:
    return Identity("GPE", "country", country.iso3, country.name, country.iso3)


def _org_identity(entry: OrgEntry) -> Identity:
    return Identity(
        entry.type, type_group(entry.type), name_key(entry.name), entry.name, entry.country
    )


def _pick_entry(entries: list[OrgEntry], counts: Counter[str]) -> OrgEntry:
    """Among same-named entries, the one of the country the article talks about most."""
    return max(entries, key=lambda e: counts.get(e.country, 0) if e.country else 0.5)


def _qualified(name: str, owner: Country) -> Identity:
    full = f"{name} ({owner.name})"
    return Identity("ORG", "org", name_key(full), full, owner.iso3)


def _resolve_org(text: str, owner: Country | None, state: ArticleState) -> Identity | None:
    gaz = gazetteer()
    entries = gaz.candidates(text)
    if entries and owner is not None:
        # "Iran's U.N. envoy": an international body stays itself.
        own = [e for e in entries if e.country in {owner.iso3, None}]
        if own:
            return _org_identity(min(own, key=lambda e: e.country is None))
    elif entries and not gaz.is_descriptive(text):
        return _org_identity(_pick_entry(entries, state.country_counts))
    body = gaz.body(text)
    if body is not None:
        owner = owner or state.body_owner.get(body)
        if owner is None:
            return Identity("ORG", "org", name_key(body), body)
        state.body_owner[body] = owner
        return _qualified(body, owner)
    if entries and owner is not None:
        return _qualified(text, owner)
    return None


def _person_words(text: str) -> tuple[str, ...]:
    words = fold_name(text).split()
    # Middle initials vary between mentions: "Donald J. Trump" is "Donald Trump".
    return tuple(w for w in words if len(w) > 1) if len(words) > 2 else tuple(words)


def _part_of(name: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Whether ``words`` are a shorter way of writing the full ``name``: its given
    name or its last words (the surname, with or without a "Jr.")."""
    n = len(words)
    if len(name) <= n:
        return False
    core = name[:-1] if name[-1] in GENERATIONAL else name
    # A given name alone may open the full name; two words opening it are another
    # name glued to it ("Red Crescent" of "Red Crescent Amal Haddad").
    given = n == 1 and name[0] == words[0]
    return given or name[-n:] == words or (len(core) > n and core[-n:] == words)


def _full_name_for(words: tuple[str, ...], index: int, state: ArticleState) -> FullName | None:
    """The longer name a short one refers to: nearest before it, else nearest after."""
    matches = [f for f in state.full_names if _part_of(f.words, words)]
    before = [f for f in matches if f.index < index]
    if before:
        return before[-1]
    after = [f for f in matches if f.index > index]
    return after[0] if after else None


def _person_identity(words: tuple[str, ...], text: str, state: ArticleState) -> Identity:
    key = "".join(words)
    return Identity("PERSON", "person", key, state.person_names.get(key, text))


def _resolve(
    doc: Doc, index: int, cand: Candidate, state: ArticleState, defined: dict[str, int]
) -> Identity:
    text = doc[cand.start : cand.end].text
    long_form = defined.get(text)
    if long_form is not None and long_form != index and long_form in state.resolved:
        return state.resolved[long_form]
    if cand.country is not None:
        return _country_identity(cand.country)
    words = _person_words(text)
    if cand.label != "PERSON":
        org = _resolve_org(text, cand.owner, state)
        if org is not None:
            return org
    capital = country_index().capital_of(text) if len(words) == 1 else None
    if capital is not None and words[0] not in CAPITALS_AS_NAMES:
        # spaCy's small model calls some capitals people or organisations ("Kyiv").
        return Identity("GPE", "place", name_key(text), text, capital.iso3)
    if cand.label == "PERSON" and words in state.not_people:
        label = state.not_people[words]
        org = _resolve_org(text, cand.owner, state)
        return org or Identity(label, type_group(label), name_key(text), text, votable=False)
    mislabel = cand.label in SURNAME_MISLABELS
    if cand.label == "PERSON" or (
        mislabel and (len(words) <= 2 or "".join(words) in state.person_names)
    ):
        # A longer name first: "Al-Sharaa" is itself two words, but short for
        # "Ahmed al-Sharaa".
        full = _full_name_for(words, index, state)
        if full is not None:
            return _person_identity(full.words, full.text, state)
        if "".join(words) in state.person_names:
            return _person_identity(words, text, state)
    if cand.label == "PERSON":
        # spaCy's small model calls some organisations people ("al-Shabab").
        org = _resolve_org(text, cand.owner, state)
        if org is not None:
            return org
    if cand.label == "PERSON":
        ident = _person_identity(words, text, state)
        ident.votable = len(words) == 1
        return ident
    country = cand.owner.iso3 if cand.owner else None
    return Identity(cand.label, type_group(cand.label), name_key(text), text, country, votable=True)


def _vote_types(idents: list[Identity]) -> None:
    """One type per bare name in an article: spaCy's majority (PERSON wins ties)."""
    votes: dict[str, Counter[str]] = {}
    for ident in idents:
        if ident.votable:
            votes.setdefault(ident.key, Counter())[ident.type] += 1
    for ident in idents:
        if ident.votable and len(votes[ident.key]) > 1:
            counts = votes[ident.key]
            best = max(counts, key=lambda t: (counts[t], t == "PERSON"))
            ident.type, ident.group = best, type_group(best)


def _could_be_person(text: str, words: tuple[str, ...]) -> bool:
    """Not an organisation or a place that spaCy took for a person."""
    countries = country_index()
    if gazetteer().candidates(text):
        return False
    # A known body glued before a name is no part of it: "Red Crescent Amal Haddad".
    if any(gazetteer().candidates(" ".join(words[:k])) for k in range(1, len(words))):
        return False
    return not (countries.by_capital.get(words[-1]) or countries.by_name.get(words[-1]))


def _name_forms(doc: Doc, cands: list[Candidate]) -> list[tuple[tuple[str, ...], str, int, int]]:
    """(words, label, start, end) of every mention that may be a person's name."""
    forms = []
    for cand in cands:
        if cand.country is None and (cand.label == "PERSON" or cand.label in SURNAME_MISLABELS):
            words = _person_words(doc[cand.start : cand.end].text)
            forms.append((words, cand.label, cand.start, cand.end))
    covered = {i for c in cands for i in range(c.start, c.end)}
    for start, end in courtesy_surnames(doc):
        if not covered.intersection(range(start, end)):
            forms.append((_person_words(doc[start:end].text), "", start, end))
    return forms


@dataclass(slots=True)
class Vote:
    """An article's vote on whether a full name is a person's."""

    # The model's: a full mention 2 if called PERSON, -1 if not (it calls many
    # people ORG, few organisations people); a short one 1 if called PERSON.
    labels: int = 0
    cues: int = 0  # the words around every mention (``evidence.person_score``)
    person_label: bool = False  # the model called the full name a person once
    organisation: bool = False  # the text says what organisation it is ("newspaper")

    def person(self) -> bool:
        # A PERSON label of the full name stands unless the text says what body it is.
        return self.labels + self.cues > 0 or (self.person_label and not self.organisation)

    def not_person(self) -> bool:
        """The text saying what organisation it is outweighs the model's PERSON label
        ("Nordby Tidende newspaper"); "the" alone does not ("the App Store" is no body)."""
        return self.organisation and self.labels + self.cues < 0


def _person_votes(doc: Doc, cands: list[Candidate]) -> dict[tuple[str, ...], Vote]:
    """Full names (two words or more) with the article's vote on each: the model's
    labels of the full name and of its short forms (only a PERSON label counts for a
    short one: the model calls many lone surnames ORG), and the cues around them."""
    forms = _name_forms(doc, cands)
    full = {
        words: Vote()
        for words, label, start, end in forms
        if len(words) > 1
        and (label == "PERSON" or label in FULL_NAME_MISLABELS)
        and _could_be_person(doc[start:end].text, words)
    }
    for words, label, start, end in forms:
        for name in full:
            vote = full[name]
            if name == words:
                vote.labels += 2 if label == "PERSON" else -1 if label else 0
                vote.person_label |= label == "PERSON"
            elif _part_of(name, words):
                vote.labels += label == "PERSON"
            else:
                continue
            vote.cues += person_score(doc, start, end)
            vote.organisation |= said_to_be_organisation(doc, start, end)
    return full


def _opens_line_or_sentence(doc: Doc, i: int) -> bool:
    before = doc[i - 1] if i > 0 else None
    return bool(doc[i].is_sent_start) or (
        before is not None and (before.is_space or "\n" in before.whitespace_)
    )


def _drop_sentence_openers(doc: Doc, cands: list[Candidate]) -> None:
    """A capitalised word opening a sentence is no part of a name the article also
    writes without it ("Model Dalia Voss" where "Dalia Voss" is named too)."""
    names = {doc[c.start : c.end].text for c in cands if c.length() > 1}
    for cand in cands:
        if (
            cand.length() > 2
            and _opens_line_or_sentence(doc, cand.start)
            and doc[cand.start + 1 : cand.end].text in names
        ):
            cand.start += 1


def _article_state(doc: Doc, cands: list[Candidate]) -> ArticleState:
    _drop_sentence_openers(doc, cands)
    votes = _person_votes(doc, cands)
    full_names: list[FullName] = []
    person_names: dict[str, str] = {}
    for index, cand in enumerate(cands):
        if cand.label != "PERSON" and cand.label not in FULL_NAME_MISLABELS:
            continue
        text = doc[cand.start : cand.end].text
        words = _person_words(text)
        vote = votes.get(words)
        if vote is not None and vote.person():
            full_names.append(FullName(index, words, text))
            person_names.setdefault("".join(words), text)
    # What the model called a name it wrongly called a person elsewhere ("the App
    # Store" a facility), else an organisation.
    others: dict[tuple[str, ...], Counter[str]] = {}
    for cand in cands:
        if cand.label != "PERSON":
            words = _person_words(doc[cand.start : cand.end].text)
            others.setdefault(words, Counter())[cand.label] += 1
    not_people = {
        w: others[w].most_common(1)[0][0] if w in others else "ORG"
        for w, v in votes.items()
        if v.not_person()
    }
    counts = Counter(c.country.iso3 for c in cands if c.country)
    return ArticleState(full_names, person_names, not_people, counts)


# ---------------------------------------------------------------- roles


def _roles(doc: Doc, cand: Candidate, stop: set[int]) -> list[str]:
    roles = list(cand.roles)
    found = premodifier_role(doc, cand.start, cand.end, stop)
    if found:
        roles.insert(0, found[0])
    appos = appositive_role(doc, cand.end)
    if appos:
        roles.append(appos)
    return list(dict.fromkeys(roles))


# ---------------------------------------------------------------- entry point


def find_entities(doc: Doc) -> list[EntityMention]:
    cands, defined = mention_candidates(doc)
    state = _article_state(doc, cands)
    idents = []
    for index, cand in enumerate(cands):
        ident = _resolve(doc, index, cand, state, defined)
        state.resolved[index] = ident
        idents.append(ident)
    _vote_types(idents)
    stop = {i for e in doc.ents if e.label_ in _NOT_ROLE_ENTS for i in range(e.start, e.end)}
    mentions = []
    text = doc.text  # a property that rebuilds the string: read it once
    for cand, ident in zip(cands, idents, strict=True):
        start = doc[cand.start].idx
        last = doc[cand.end - 1]
        end = last.idx + len(last.text)
        roles = _roles(doc, cand, stop) if ident.type == "PERSON" else []
        mentions.append(
            EntityMention(
                start, end, text[start:end], ident.type, ident.id, ident.name, roles, ident.country
            )
        )
    return mentions


# ---------------------------------------------------------------- store helpers


def entity_record(mention: EntityMention) -> dict[str, Any]:
    """The canonical entity row a mention stands for: id, name, type, country."""
    return {
        "id": mention.entity_id,
        "name": mention.name,
        "type": mention.type,
        "country": mention.country,
    }


def alias_record(mention: EntityMention) -> dict[str, str]:
    """An alias row: the mention's text as one way of naming its entity."""
    return {"entity_id": mention.entity_id, "alias": mention.text, "key": name_key(mention.text)}
