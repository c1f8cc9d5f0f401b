"""Light coreference for claim subjects: whom a pronoun or a definite epithet names.

Outlets name the subject of a figure in their own ways: "a stop cost him four
places", "the young Dane climbed from 16th to fifth", "the 21-year-old
said". Read against the article's named people, "him" and "the Dane" are the person
the figure is about, so a figure about him is keyed to one person in every outlet.

Resolution works on one article's text, left to right, from its person mentions:

- a pronoun (he, him, his, she, her) names, in order of preference, a person named
  earlier in its sentence (the first one: subjects come first; an object pronoun not in
  the clause of that name), else in the sentences before it, each read left to right
  (the subject of the last sentence is the likeliest referent), among people whose
  gender does not differ;
- an epithet ("the driver", "the young Dane", "the 27-year-old", "the comedian, 47")
  names the most recent person it fits, preferring one whose profile holds its cue: a
  nationality (demonyms of the countries list), a role noun said beside the name
  ("Danish driver Tomas Brink"), an age ("Mercer, 38"), then one known to be of its
  gender (from its noun, or a pronoun after it: "the comedian ... her followers").

A resolution is *confident* when a cue of the profile matched or only one person is in
reach; a confident one teaches the person's profile what its words say (gender,
nationality, noun, age). Ages, compared across outlets, take only *matched* ones (a cue
of the profile held): "the 42-year-old driver" after the only named person, a police
spokesman, is the unnamed driver.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from sitrep import lexicons
from sitrep.annotate.entities.countries import country_index
from sitrep.annotate.entities.keys import name_key
from sitrep.models import Span
from sitrep.reconcile.lexicon import TOKEN, function_words, last_word

# Parsing bounds of how far back a mention looks, not settings.
_PRONOUN_SENTENCES = 3  # sentences before a pronoun's own
_EPITHET_CHARS = 1500  # how far back an epithet's referent may be named
_CUE_TOKENS = 3  # tokens before a name read for its nationality or role ("Danish driver X")

_PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m",
             "she": "f", "her": "f", "herself": "f"}
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Hh]imself|[Ss]he|[Hh]er|[Hh]erself)\b")
_THE = re.compile(r"\b[Tt]he\s+")
_PUNCT = ",.;:!?'\"’”)("
_OBJECT = frozenset({"him", "himself", "her", "herself"})
_TITLES = {"mr": "m", "sir": "m", "mrs": "f", "ms": "f", "miss": "f", "lady": "f"}
# Words that open another clause between a name and an object pronoun ("Mercer said the
# team cut him"): the pronoun may name that person; without one, it names someone else.
_OPENER = re.compile(r"[,;:]|\b(?:that|when|after|before|as|because|while|until|said|says"
                     r"|and|but|if|who)\b", re.IGNORECASE)
_AGE = re.compile(r"^(\d{1,3})[- ]years?[- ]old$", re.IGNORECASE)
_AGE_WORDS = re.compile(r"(\d{1,3})\s+years?\s+old\b")
_APPOSITE_AGE = re.compile(r"\s*,\s*(\d{1,3})\s*,")
# Words after an epithet that make it describe someone else ("the son of X").
_RELATIONAL = frozenset({"of", "to"})
_MAX_MODIFIERS = 3


@dataclass(frozen=True, slots=True)
class Referent:
    """The person a pronoun or epithet at ``start:end`` names."""

    start: int
    end: int
    entity_id: str
    name: str
    confident: bool  # a cue matched, or only one person was in reach
    matched: bool = False  # a cue of the person's profile matched (nationality, noun, age)
    age: int | None = None  # the age the epithet gives ("the 27-year-old")


@dataclass(slots=True)
class _Person:
    entity_id: str
    name: str
    gender: str = ""
    nations: set[str] = field(default_factory=set)
    nouns: set[str] = field(default_factory=set)
    ages: set[int] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class _Cues:
    gender: str = ""
    nations: frozenset[str] = frozenset()
    noun: str = ""
    age: int | None = None


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    sentence: int
    person: str  # surname key of the person named


@functools.cache
def person_nouns() -> dict[str, str]:
    """Nouns naming one person in an epithet, with the gender they tell ("" if none)."""
    return {r["word"].lower(): r["gender"] for r in lexicons.rows("person_nouns.csv")}


def resolve(
    text: str, sentences: Sequence[Span], people: Mapping[int, tuple[str, int, str]],
) -> list[Referent]:
    """The pronouns and epithets of ``text`` that name a person of ``people`` (mention
    start -> (entity id, end, name)), in text order. A mention that is one demonym or
    role noun ("Dane", tagged as a person) is read as an epithet's head."""
    people = {s: v for s, v in people.items() if not _epithet_word(text[s:v[1]])}
    if not people:
        return []
    starts = [s.start for s in sentences]

    def sentence_of(offset: int) -> int:
        return max(0, bisect.bisect_right(starts, offset) - 1)

    persons: dict[str, _Person] = {}
    history: list[_Mention] = []
    by_sentence: dict[int, list[_Mention]] = defaultdict(list)
    out: list[Referent] = []
    for start, end, kind in _mentions(text, people):
        sent = sentence_of(start)
        if kind == "name":
            eid, _, name = people[start]
            key = last_word(name).lower() or eid
            person = persons.setdefault(key, _Person(eid, name))
            _learn(person, _name_cues(text, start, end, sentences[sent].start if sentences else 0))
            history.append(_Mention(start, end, sent, key))
            by_sentence[sent].append(history[-1])
            continue
        if kind == "pronoun":
            cues = _Cues(gender=_PRONOUNS[text[start:end].lower()])
            found = _pronoun_referent(text, start, end, sent, cues, by_sentence, persons)
        else:
            cues = _epithet_cues(text, start, end)
            if not cues.gender:
                cues = replace(cues, gender=_gender_after(text, end, sentences, sent, people))
            found = _epithet_referent(start, cues, history, persons)
        if found is None:
            continue
        key, confident, matched = found
        person = persons[key]
        if confident:  # a guess teaches nothing: a wrong one would exclude the right person
            _learn(person, cues)
        history.append(_Mention(start, end, sent, key))
        by_sentence[sent].append(history[-1])
        out.append(Referent(start, end, person.entity_id, person.name, confident, matched,
                            cues.age))
    return out


def _mentions(
    text: str, people: Mapping[int, tuple[str, int, str]],
) -> list[tuple[int, int, str]]:
    """Names, pronouns and epithets in text order: (start, end, kind)."""
    found = [(s, v[1], "name") for s, v in people.items()]
    named = [(s, v[1]) for s, v in people.items()]

    def free(a: int, b: int) -> bool:
        return not any(s < b and a < e for s, e in named)

    for m in _PRONOUN.finditer(text):
        found.append((m.start(), m.end(), "pronoun"))
    heads = _head_words()
    for the in _THE.finditer(text):
        # Most "the"s head no person: read only those with a head word a few words on.
        ahead = text[the.end():the.end() + 50].lower().split()[:_MAX_MODIFIERS + 3]
        if not any(w.strip(_PUNCT) in heads or "old" in w for w in ahead):
            continue
        end = _epithet_end(text, the.end(), people)
        if end is not None and free(the.start(), end):
            found.append((the.start(), end, "epithet"))
    return sorted(found)


def _epithet_end(text: str, start: int, people: Mapping[int, tuple[str, int, str]]) -> int | None:
    """Where a definite epithet after "the " ends ("young Dane", "27-year-old",
    "52 year old singer"), or None when the words name no one person."""
    toks = list(TOKEN.finditer(text, start, min(len(text), start + 80)))[:_MAX_MODIFIERS + 3]
    nouns = person_nouns()
    head: re.Match[str] | None = None
    i = 0
    if _AGE_WORDS.match(text, start) is not None and len(toks) > 2:
        i, head = 3, toks[2]  # "the 52 year old singer": an age in three words
    stop = function_words()
    while i < len(toks) and i <= _MAX_MODIFIERS + 2:
        w = toks[i].group()
        if w.lower() in nouns or (w[0].isupper() and _demonym_noun(w) and _ends_phrase(
                toks[i + 1].group() if i + 1 < len(toks) else "", stop)):
            head = toks[i]
            break
        if _AGE.match(w):
            head = toks[i]  # "the 21-year-old said": the age names the person
            nxt = toks[i + 1:i + 3]
            found = next((t for t in nxt if t.group().lower() in nouns
                          or (t.group()[0].isupper() and _demonym_noun(t.group()))), None)
            head = found or head  # "the 19-year-old Dane", "the 42-year-old male driver"
            break
        if not (w.isalpha() and w.lower() not in stop and w not in _VERBS
                and (w.islower() or _demonym(w) is not None)):
            break
        i += 1
    if head is None:
        return None
    after = TOKEN.search(text, head.end(), min(len(text), head.end() + 40))
    if after is not None and text[head.end():after.start()].strip() == "":
        w = after.group()
        # "the Danish driver Tomas Brink": an apposition, read as the name's cue;
        # "the son of ...": someone else's relation; "the 400-year-old church": no person.
        if w[0].isupper() and (after.start() in people or w.isalpha()):
            return None
        if w.lower() in _RELATIONAL:
            return None
        if head.group().lower() not in nouns and _AGE.match(head.group()) \
                and w.isalpha() and w.islower() and not _verb_like(w):
            return None
    return head.end()


def _epithet_word(words: str) -> bool:
    """A mention that is one demonym or role noun, not a name."""
    w = words.strip()
    return w.isalpha() and (w.lower() in person_nouns() or _demonym_noun(w))


def _verb_like(word: str) -> bool:
    """A word after "the 21-year-old" that goes on with a verb, not a noun ("said")."""
    return word.endswith(("ed", "s")) or word in _VERBS


_VERBS = frozenset({"said", "told", "added", "was", "is", "had", "has", "will", "would",
                    "can", "could", "did", "who", "says", "wrote", "became", "won", "got",
                    "made", "took", "left", "came", "went", "ran", "fell", "broke"})


@functools.cache
def _head_words() -> frozenset[str]:
    """Lower-case words that may head an epithet: role nouns and demonyms."""
    return frozenset(person_nouns()) | frozenset(country_index().by_demonym)


@functools.cache
def _demonym(word: str) -> str | None:
    """The country a demonym names ("Danish", "Dane" -> DNK), or None."""
    country = country_index().by_demonym.get(name_key(word))
    return country.iso3 if country is not None else None


def _demonym_noun(word: str) -> bool:
    """A demonym that names a person by itself ("the Dane", "the German", "the
    Finn"); adjectives ("Dutch", "British") qualify a noun after them."""
    return _demonym(word) is not None and not word.endswith(("ish", "ese", "ch", "i"))


def _ends_phrase(word: str, stop: frozenset[str]) -> bool:
    """A word that cannot go on with the noun phrase before it: "the German can win",
    "the Dane then"; not "the German driver", "the German team"."""
    return not (word.isalpha() and word.islower()) or word in stop or _verb_like(word)


def _epithet_cues(text: str, start: int, end: int) -> _Cues:
    nouns = person_nouns()
    gender, nations, noun, age = "", set(), "", None
    for tok in TOKEN.finditer(text, start, end):
        w = tok.group()
        if (m := _AGE.match(w)) is not None:
            age = int(m.group(1))
        elif w.lower() in nouns:
            noun = w.lower()
            gender = nouns[noun] or gender
        elif w[:1].isupper() and (iso := _demonym(w)) is not None:
            nations.add(iso)
            if w.lower().endswith("man"):
                gender = "m"
    if age is None and (m := _AGE_WORDS.search(text, start, end)) is not None:
        age = int(m.group(1))
    if age is None and (m := _APPOSITE_AGE.match(text, end)) is not None:
        age = int(m.group(1))  # "The comedian, 47, shared ..."
    return _Cues(gender, frozenset(nations), noun, age)


def _gender_after(
    text: str, end: int, sentences: Sequence[Span], sent: int,
    people: Mapping[int, tuple[str, int, str]],
) -> str:
    """The gender of the first pronoun after an epithet in its sentence, when no name
    stands between: "the singer, 52, told the crowd about her tour"."""
    stop = sentences[sent].end if sent < len(sentences) else len(text)
    m = _PRONOUN.search(text, end, stop)
    if m is None or any(end <= s < m.start() for s in people):
        return ""
    return _PRONOUNS[m.group().lower()]


def _name_cues(text: str, start: int, end: int, s_start: int) -> _Cues:
    """What the words beside a name say of the person: a title ("Mr"), a nationality or
    role before it ("Danish driver", "Sweden's"), an age after it ("Mercer, 38,")."""
    nouns = person_nouns()
    gender, nations, noun = "", set(), ""
    # Read back over the name's noun phrase only: "Danish driver", "Sweden's", "Mr"; a
    # comma or any other word ends it ("in Brazil, Brink" says nothing of him).
    for tok in reversed(list(TOKEN.finditer(text, max(s_start, start - 60), start))[-_CUE_TOKENS:]):
        w = tok.group()
        low = w.lower().rstrip(".")
        if low in _TITLES:
            gender = _TITLES[low]
        elif low in nouns:
            noun = noun or low
            gender = gender or nouns[low]
        elif w[:1].isupper() and (iso := _demonym(w)) is not None:
            nations.add(iso)
        elif w[:1].isupper() and w.endswith(("'s", "’s")) and (
                country := country_index().lookup(w[:-2])) is not None:
            nations.add(country.iso3)
        elif not (w.isalpha() and w.islower()):
            break
    # Inside the mention: "Mr Halvard", "Comedian Nora Lindgren" (a role the names layer
    # took into the name).
    for tok in list(TOKEN.finditer(text, start, end))[:-1]:
        low = tok.group().lower().rstrip(".")
        if low in _TITLES:
            gender = _TITLES[low]
        elif low in nouns:
            noun = noun or low
            gender = gender or nouns[low]
    m = _APPOSITE_AGE.match(text, end)
    return _Cues(gender, frozenset(nations), noun, int(m.group(1)) if m else None)


def _learn(person: _Person, cues: _Cues) -> None:
    if cues.gender and not person.gender:
        person.gender = cues.gender
    person.nations |= cues.nations
    if cues.noun:
        person.nouns.add(cues.noun)
    if cues.age is not None:
        person.ages.add(cues.age)


def _fits(person: _Person, cues: _Cues) -> bool:
    """Nothing the cues say contradicts the person's profile."""
    if cues.gender and person.gender and cues.gender != person.gender:
        return False
    if cues.nations and person.nations and not cues.nations & person.nations:
        return False
    return not (cues.age is not None and person.ages
                and all(abs(cues.age - a) > 1 for a in person.ages))


def _matches(person: _Person, cues: _Cues) -> bool:
    """A cue of the profile holds: the same nationality, role noun or age."""
    return bool(cues.nations & person.nations) or (cues.noun in person.nouns) or (
        cues.age is not None and cues.age in person.ages)


def _pronoun_referent(
    text: str, start: int, end: int, sent: int, cues: _Cues,
    history: Mapping[int, Sequence[_Mention]], persons: Mapping[str, _Person],
) -> tuple[str, bool, bool] | None:
    """The first fitting person in order of preference (see the module's doc)."""
    order: list[str] = []
    own = [m for m in history.get(sent, ()) if m.end <= start]
    objective = text[start:end].lower() in _OBJECT
    for m in own:
        if not objective or _OPENER.search(text, m.end, start):
            order.append(m.person)
    for back in range(1, _PRONOUN_SENTENCES + 1):
        order += [m.person for m in history.get(sent - back, ())]
    order = list(dict.fromkeys(order))
    fitting = [p for p in order if _fits(persons[p], cues)]
    if not fitting:
        return None
    return fitting[0], len(order) == 1, False


def _epithet_referent(
    start: int, cues: _Cues, history: Sequence[_Mention], persons: Mapping[str, _Person],
) -> tuple[str, bool, bool] | None:
    """The most recent fitting person, one whose profile holds a cue first."""
    near = []
    for m in reversed(history):
        if start - m.end > _EPITHET_CHARS:
            break
        near.append(m.person)
    recent = list(dict.fromkeys(near))
    fitting = [p for p in recent if _fits(persons[p], cues)]
    if not fitting:
        return None
    matched = [p for p in fitting if _matches(persons[p], cues)]
    if matched:
        return matched[0], True, True
    # One known to be of the epithet's gender before one whose gender is unknown.
    gendered = [p for p in fitting if cues.gender and persons[p].gender == cues.gender]
    return (gendered or fitting)[0], len(recent) == 1, False
