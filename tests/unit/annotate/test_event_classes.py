"""The WordNet verb and noun classes of the PLOVER types, and the frames that generalise
hand rows: halting cooperation, threats' conditions, purpose clauses' addressees.
Made-up sentences; each class word below has no hand-written trigger row."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep import lexicons
from sitrep.annotate.events.layer import find_events
from sitrep.annotate.events.plover import PloverLexicon, Trigger, load_lexicon
from sitrep.annotate.events.triggers import lookup
from sitrep.models import Annotations, Event


def events_of(nlp: Any, text: str) -> list[Event]:
    return find_events(nlp(text), Annotations(), None)


def hand_lemmas() -> set[str]:
    return {row["lemma"] for row in lexicons.rows("plover_triggers.csv")}


CLASS_TABLE = [
    ("The junta incarcerated the opposition leader in March.", "incarcerated", "COERCE"),
    ("A grand jury indicted the former governor of Lagos.", "indicted", "DISAPPROVE"),
    ("Rebels liberated forty hostages near the border.", "liberated", "RETREAT"),
    ("The rebels demilitarized the border zone in May.", "demilitarized", "RETREAT"),
    ("The opposition deplored the verdict against its leader.", "deplored", "DISAPPROVE"),
    ("Thousands of miners picketed the ministry of energy.", "picketed", "PROTEST"),
    # troponyms two or three levels below a seed, one sense each (kill, criticize, seize)
    ("The militia garrotted the village chief.", "garrotted", "ASSAULT"),
    ("The senator badmouthed the French envoy.", "badmouthed", "DISAPPROVE"),
    ("Four men skyjacked an airliner over Cyprus.", "skyjacked", "COERCE"),
    # the verb of a noun seed's own word ("inquiry" -> "inquire", its third sense)
    ("The senate inquired into the sale of the port to a foreign firm.", "inquired", "INVESTIGATE"),
    # codebook nouns as seeds: complaints and lawsuits (DISAPPROVE)
    ("The miners' union filed a complaint against the mine owner.", "complaint", "DISAPPROVE"),
    ("A farmers' association filed a lawsuit against the ministry.", "lawsuit", "DISAPPROVE"),
    # ceding territory is a material retreat, not a verbal concession
    ("The rebels ceded the northern valley to the army.", "ceded", "RETREAT"),
    # a verb seed's own nominalisation, though not that noun's first sense
    ("Norway's suspension of fishing talks angered the islanders.", "suspension", "SANCTION"),
]


@pytest.mark.parametrize(("text", "word", "type_"), CLASS_TABLE)
def test_wordnet_class_words_trigger_their_type(nlp: Any, text: str, word: str, type_: str) -> None:
    lemma = nlp(text)[[t.text for t in nlp(text)].index(word)].lemma_
    assert lemma not in hand_lemmas()  # the class, not a hand row, codes it
    assert type_ in {e.type for e in events_of(nlp, text)}


def test_hand_rows_take_precedence_over_classes() -> None:
    """WordNet puts "shoot" among the killing verbs; the codebook row says FIGHT."""
    classes = {(r["lemma"], r["pos"]): r["type"] for r in lexicons.rows("plover_classes.csv")}
    assert classes[("shoot", "verb")] == "ASSAULT"
    assert load_lexicon().verbs[("shoot", "")].type == "FIGHT"


def test_class_rows_name_known_types() -> None:
    known = {row["type"] for row in lexicons.rows("plover_triggers.csv")}
    assert {row["type"] for row in lexicons.rows("plover_classes.csv")} <= known


def test_wordnet_military_nouns_join_the_military_class() -> None:
    lex = load_lexicon()
    assert lex.in_class("military", "artilleryman")  # from WordNet only
    assert not lex.in_class("military", "teacher")


@pytest.mark.parametrize(
    "text",
    [
        "Ankara terminated the negotiations with the union.",
        "Peru postponed the summit with Chile.",
    ],
)
def test_halting_cooperation_is_sanction(nlp: Any, text: str) -> None:
    assert "SANCTION" in {e.type for e in events_of(nlp, text)}


@pytest.mark.parametrize(
    "text", ["The company stopped production in March.", "The army ended the siege of Homs."]
)
def test_halting_other_acts_is_no_sanction(nlp: Any, text: str) -> None:
    assert "SANCTION" not in {e.type for e in events_of(nlp, text)}


def test_threat_target_is_who_must_meet_the_condition(nlp: Any) -> None:
    text = "Iran threatened to close the strait unless Washington lifted its sanctions."
    threats = [e for e in events_of(nlp, text) if e.type == "THREATEN"]
    assert threats and threats[0].target is not None
    assert threats[0].target.text == "Washington"


def test_purpose_clause_is_addressed_to_the_governing_object(nlp: Any) -> None:
    text = "The foreign minister summoned the French ambassador to complain."
    found = [e for e in events_of(nlp, text) if e.type == "DISAPPROVE"]
    assert found and found[0].target is not None
    assert found[0].target.text == "French ambassador"


def test_wordnet_person_and_organisation_nouns_are_actors() -> None:
    lex = load_lexicon()
    assert lex.in_class("actor", "dissident")  # from WordNet only
    assert lex.in_class("actor", "federation")
    assert not lex.in_class("actor", "bridge")


def test_mobilised_forces_are_no_target(nlp: Any) -> None:
    text = "Norway mobilized its naval reservists for a possible conflict with Russia."
    found = [e for e in events_of(nlp, text) if e.type == "MOBILIZE"]
    assert found and found[0].target is not None
    assert found[0].target.text == "Russia"


def test_withdrawn_people_are_no_target(nlp: Any) -> None:
    text = "The agency withdrew its monitors and aid workers from Chad."
    found = [e for e in events_of(nlp, text) if e.target is not None]
    assert found and found[0].target is not None
    assert found[0].target.text == "Chad"


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Hundreds of dockers organised a boycott on Monday.", "PROTEST"),
        ("The senate scheduled an inquiry into the bombing of the consulate.", "INVESTIGATE"),
    ],
)
def test_support_verb_carries_its_event_noun(nlp: Any, text: str, type_: str) -> None:
    """A verb with no event of its own, not in the light list, supports its object's event."""
    verb = next(t for t in nlp(text) if t.pos_ == "VERB")
    assert verb.lemma_ not in load_lexicon().words["light"]
    assert type_ in {e.type for e in events_of(nlp, text)}


def test_verb_with_its_own_event_keeps_it(nlp: Any) -> None:
    text = "The government condemned the strike by dock workers."
    types = {e.type for e in events_of(nlp, text)}
    assert "DISAPPROVE" in types


@pytest.mark.parametrize(
    "text", ["Police foiled an attack on the embassy.", "The navy warded off an attack."]
)
def test_prevented_event_noun_is_no_event(nlp: Any, text: str) -> None:
    assert "ASSAULT" not in {e.type for e in events_of(nlp, text)}


def test_pronoun_subject_takes_the_governing_actor(nlp: Any) -> None:
    text = "The Chilean government accepted demands from miners that it open new negotiations."
    found = [e for e in events_of(nlp, text) if e.trigger.text == "negotiations"]
    assert found and found[0].source is not None
    assert found[0].source.text == "Chilean government"


def test_support_verb_needs_an_actor_subject(nlp: Any) -> None:
    assert "FIGHT" in {e.type for e in events_of(nlp, "The rebels organised a blockade.")}
    assert not events_of(nlp, "The weather report described a blockade.")


def test_event_noun_without_a_row_takes_its_verbs_row(nlp: Any) -> None:
    """ "vilification" has no row; WordNet forms it from "vilify", a DISAPPROVE verb."""
    lex = load_lexicon()
    assert ("vilification", "") not in lex.nouns and lex.derived["vilification"] == "vilify"
    found = events_of(nlp, "The junta's vilification of the villagers went on for years.")
    assert "DISAPPROVE" in {e.type for e in found}


def test_derived_nouns_name_acts_not_things() -> None:
    """ "-ing" nouns often name a thing ("an offering", "the financing"): not derived."""
    derived = load_lexicon().derived
    assert "withdrawal" in derived and "condemnation" in derived
    assert not any(noun.endswith("ing") for noun in derived)


EASED_TABLE = [
    ("The junta ended the state of emergency in the north.", "CONCEDE"),
    ("The government scrapped the restrictions on foreign reporters.", "CONCEDE"),
    ("Israel halted its offensive in the south.", "RETREAT"),
    # verbs WordNet puts under lifting and reducing, with no hand rows
    ("The council annulled the ban on street markets.", "CONCEDE"),
    ("The governor rescinded the curfew in the port city.", "CONCEDE"),
]


@pytest.mark.parametrize(("text", "type_"), EASED_TABLE)
def test_ending_a_measure_in_force_eases_it(nlp: Any, text: str, type_: str) -> None:
    assert type_ in {e.type for e in events_of(nlp, text)}


def test_ending_someone_elses_offensive_is_no_retreat(nlp: Any) -> None:
    found = events_of(nlp, "The army halted the rebel offensive near the capital.")
    assert "RETREAT" not in {e.type for e in found}


NO_ACTOR_TABLE = [
    "The new rule allows small firms to borrow without collateral.",  # a thing allows
    "The ferry returned to Piraeus after the engine failed.",  # a vehicle returns
    "These dunes travel a few metres a year across the plain.",  # nature travels
]


@pytest.mark.parametrize("text", NO_ACTOR_TABLE)
def test_acts_need_an_acting_subject(nlp: Any, text: str) -> None:
    assert events_of(nlp, text) == []


ACTOR_TABLE = [
    ("The militia returned the stolen cattle to the villagers.", "RETREAT"),
    ("It allowed the observers to enter the camp.", "CONCEDE"),
    ("Thousands marched through Lagos to protest the fuel price.", "PROTEST"),
    ("Peru's supreme court began an inquiry into the shootings.", "INVESTIGATE"),
    # violence: the weapon stands for whoever used it
    ("A car bomb killed six soldiers near the base.", "ASSAULT"),
]


@pytest.mark.parametrize(("text", "type_"), ACTOR_TABLE)
def test_actors_pronouns_and_weapons_act(nlp: Any, text: str, type_: str) -> None:
    assert type_ in {e.type for e in events_of(nlp, text)}


def test_repatriation_returns_people() -> None:
    """PLOVER's RETREAT names "repatriation of refugees"; WordNet also files it under deport."""
    lex = load_lexicon()
    assert lex.verbs[("repatriate", "")].type == "RETREAT"
    assert lex.derived["repatriation"] == "repatriate"


def test_a_branch_of_the_armed_forces_preparing_to_act_is_a_force_posture(nlp: Any) -> None:
    """WordNet files "coastguard" (like "army", "navy") under the armed services, not under
    military units: it is a military subject all the same (MOBILIZE, not a threat)."""
    assert not lexicons_have("military", "coastguard")  # the WordNet noun class, not a hand row
    types = {e.type for e in events_of(nlp, "The coastguard prepared to attack the pirate ship.")}
    assert "MOBILIZE" in types
    assert "THREATEN" not in types


def lexicons_have(word_class: str, lemma: str) -> bool:
    return any(
        r["class"] == word_class and r["lemma"] == lemma for r in lexicons.rows("plover_words.csv")
    )


def test_a_plural_only_noun_row_matches_the_plural_the_lemmatizer_singularises(nlp: Any) -> None:
    """WordNet files "talks" (a negotiation) under the plural; spaCy's lemma is "talk"."""
    row = Trigger("CONSULT", "negotiate")
    lex = PloverLexicon({}, {("talks", ""): row}, {}, {}, {})
    doc = nlp("The envoys held talks in Geneva.")
    talks = next(t for t in doc if t.lower_ == "talks")
    assert talks.lemma_ == "talk"
    assert lookup(talks, lex) == row
    assert lookup(nlp("a long talk")[2], lex) is None  # the singular is another sense


def test_an_event_noun_takes_its_verbs_row_for_its_object(nlp: Any) -> None:
    """ "the establishment of ties" is what "established ties" is; a ministry's is no event."""
    found = events_of(nlp, "Uruguay and Fiji agreed on the establishment of diplomatic ties.")
    assert ("SUPPORT", "establishment") in {(e.type, e.trigger.text) for e in found if e.trigger}
    assert not events_of(nlp, "Chile announced the establishment of a new ministry.")


@pytest.mark.parametrize(
    ("lemma", "seeds"),
    [
        # SUPPORT: "ratify, sign, or finalize an agreement": one WordNet sense, two seeds
        ("sign", {"sign.v.2", "ratify.v.1"}),
        # SUPPORT: "express support for": support's verbal sense is defending
        ("defend", {"defend.v.1!", "support.v.8="}),
    ],
)
def test_rows_stand_on_every_word_the_codebook_names_them_by(lemma: str, seeds: set[str]) -> None:
    rows = {(r["lemma"], r["pos"]): r["seed"].split() for r in lexicons.rows("plover_classes.csv")}
    assert seeds <= set(rows[(lemma, "verb")])
