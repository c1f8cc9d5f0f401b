"""Event participants from the parse: joint acts of coordinated actors, appositions."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from spacy.tokens import Doc

from sitrep.annotate.events.layer import find_events
from sitrep.annotate.events.participants import ActorFinder
from sitrep.annotate.events.plover import load_lexicon
from sitrep.models import Annotations, Event


def events_in(nlp: Any, text: str) -> list[Event]:
    return find_events(nlp(text), Annotations(), date(2025, 11, 7))


def typed(nlp: Any, text: str, type_: str) -> Event:
    events = [e for e in events_in(nlp, text) if e.type == type_]
    assert events, f"no {type_} in {text!r}"
    return events[0]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Serbs and Croats agreed on the return of Bosnian refugees.", "AGREE"),
        ("Ghana and Togo cooperated on the status of refugees.", "COOPERATE"),
    ],
)
def test_coordinated_actors_act_with_each_other(nlp: Any, text: str, type_: str) -> None:
    event = typed(nlp, text, type_)
    assert len(event.sources) == 2
    assert event.target is None


@pytest.mark.parametrize(
    ("text", "type_", "target"),
    [
        # an explicit partner or object keeps its target
        ("Chile and Peru held talks with Bolivia on Monday.", "CONSULT", "Bolivia"),
        ("Britain and France condemned Iran.", "DISAPPROVE", "Iran"),
        # one actor alone keeps a prepositional target
        ("Chile agreed on the future of the Peruvian fishermen.", "AGREE", "Peruvian fishermen"),
    ],
)
def test_targets_kept_outside_joint_acts(nlp: Any, text: str, type_: str, target: str) -> None:
    event = typed(nlp, text, type_)
    assert event.target is not None and target in event.target.text


def test_apposition_joins_the_actor(nlp: Any) -> None:
    text = "The Chilean foreign minister, Rosa Valdivia, condemned the attack on the embassy."
    event = typed(nlp, text, "DISAPPROVE")
    assert event.source is not None
    assert "foreign minister" in event.source.text and "Rosa Valdivia" in event.source.text


def test_by_phrase_of_an_active_verb_is_no_agent(nlp: Any) -> None:
    event = typed(nlp, "The junta on Monday eased by two hours the curfew in Bamako.", "CONCEDE")
    assert event.source is not None and "junta" in event.source.text


def test_passive_agent_is_the_source(nlp: Any) -> None:
    event = typed(nlp, "The journalist was arrested by military police in Lagos.", "COERCE")
    assert event.source is not None and "military police" in event.source.text


def test_coordinated_name_modifiers_give_two_actors(nlp: Any) -> None:
    event = typed(nlp, "Kenyan and Ugandan envoys met in Kampala for consultations.", "CONSULT")
    assert len(event.sources) == 2
    assert event.target is None  # they meet each other; Geneva is where


def test_target_of_the_act_at_the_end_of_a_complement_chain(nlp: Any) -> None:
    text = "The insurgents got ready to renew raids on army posts near the dam."
    event = typed(nlp, text, "THREATEN")
    assert event.target is not None and "army posts" in event.target.text


def test_place_phrase_of_an_actor_stays_in_it(nlp: Any) -> None:
    event = typed(nlp, "Thousands of nurses across Kenya staged protests on Monday.", "PROTEST")
    assert event.source is not None and "nurses across Kenya" in event.source.text


def test_clause_subject_that_names_no_actor_is_no_target(nlp: Any) -> None:
    event = typed(nlp, "The general resigned to allow free elections to take place.", "RETREAT")
    assert event.target is None or "elections" not in event.target.text


def test_every_phrase_of_a_preposition_is_tried(nlp: Any) -> None:
    # both "in" phrases hang on the verb (a parse spaCy gives to longer sentences):
    # the first names the place acted on, the second only locates it
    parse = [
        ("Troops", 1, "nsubj", "NOUN", "O"),
        ("sealed", 1, "ROOT", "VERB", "O"),
        ("the", 3, "det", "DET", "O"),
        ("roads", 1, "dobj", "NOUN", "O"),
        ("in", 1, "prep", "ADP", "O"),
        ("the", 6, "det", "DET", "O"),
        ("district", 4, "pobj", "NOUN", "O"),
        ("of", 6, "prep", "ADP", "O"),
        ("Velmora", 7, "pobj", "PROPN", "B-GPE"),
        ("in", 1, "prep", "ADP", "O"),
        ("western", 11, "amod", "ADJ", "O"),
        ("Castria", 9, "pobj", "PROPN", "B-GPE"),
    ]
    words, heads, deps, pos, ents = (list(col) for col in zip(*parse, strict=True))
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)
    finder = ActorFinder(doc, [], load_lexicon())
    found = finder.prep_object(doc[1], ("in",))
    assert found is not None and found.text == "Velmora"


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("A Danish journalist was arrested in Venezuela on Friday.", "COERCE"),
        ("A Belgian trader has been placed under investigation in Spain.", "INVESTIGATE"),
    ],
)
def test_country_of_a_state_act_stands_for_its_government(nlp: Any, text: str, type_: str) -> None:
    event = typed(nlp, text, type_)
    assert event.source is not None and event.source.text in ("Venezuela", "Spain")
    assert event.target is not None and event.target.text != event.source.text


def test_named_agent_is_kept_over_the_country(nlp: Any) -> None:
    event = typed(nlp, "Border guards arrested a Danish journalist in Venezuela.", "COERCE")
    assert event.source is not None and "guards" in event.source.text


def test_attack_named_as_the_way_of_an_act_takes_its_participants(nlp: Any) -> None:
    events = events_in(nlp, "Rebels hurt four Peruvian guards in a mortar attack on Sunday.")
    attack = next(e for e in events if e.trigger.text == "attack")
    assert attack.source is not None and attack.source.text == "Rebels"
    assert attack.target is not None and "guards" in attack.target.text


def test_victims_of_an_attack_are_not_its_source(nlp: Any) -> None:
    events = events_in(nlp, "Three herders died in a mortar attack on Sunday.")
    attack = next(e for e in events if e.trigger.text == "attack")
    assert attack.source is None


def test_unnamed_kidnappers_are_not_the_country(nlp: Any) -> None:
    event = typed(nlp, "Two Danish engineers were kidnapped in Venezuela on Friday.", "COERCE")
    assert event.source is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The ministry said its troops had withdrawn from the border village.", "ministry"),
        ("The insurgents said late on Sunday their gunmen had finished their retreat from the"
         " hills.", "insurgents"),
    ],
)
def test_a_body_named_by_its_owners_pronoun_acts_for_the_speaker(nlp: Any, text: str,
                                                                 speaker: str) -> None:
    event = typed(nlp, text, "RETREAT")
    assert event.source is not None and event.source.text == speaker


def test_a_named_owner_keeps_its_body(nlp: Any) -> None:
    event = typed(nlp, "The ministry said the army had withdrawn from the border village.", "RETREAT")
    assert event.source is not None and event.source.text == "army"


@pytest.mark.parametrize(
    ("text", "type_", "target"),
    [
        # the act a noun's "to" clause names falls on the clause's object
        (
            "The opposition party turned down a proposal to join a council of Andean governments.",
            "REJECT",
            "Andean governments",
        ),
        ("Chile turned down a proposal to sanction Bolivia.", "REJECT", "Bolivia"),
    ],
)
def test_target_of_a_nouns_to_clause(nlp: Any, text: str, type_: str, target: str) -> None:
    event = typed(nlp, text, type_)
    assert event.target is not None and target in event.target.text


def test_participle_naming_an_actor_stays_in_the_actor(nlp: Any) -> None:
    text = (
        "Doctors affiliated with the Chilean Medical Association of Santiago"
        " staged a protest outside the ministry."
    )
    event = typed(nlp, text, "PROTEST")
    assert event.source is not None
    assert "Chilean Medical Association of Santiago" in event.source.text


def test_subject_after_a_fronted_phrase(nlp: Any) -> None:
    # the parser hangs "Peru and Ecuador" on the fronted phrase as a conjunct
    text = "With the end of the talks on border security, Peru and Ecuador agreed to reopen the crossing."
    event = typed(nlp, text, "AGREE")
    assert [a.text for a in event.sources] == ["Peru", "Ecuador"]
    assert event.target is None  # the fronted phrase names no partner


def test_preposition_sharing_the_next_conjuncts_object(nlp: Any) -> None:
    text = "Chile has restored diplomatic relations with and opened a consulate in Bolivia."
    event = typed(nlp, text, "SUPPORT")
    assert event.target is not None and event.target.text == "Bolivia"


@pytest.mark.parametrize(
    ("text", "type_", "target"),
    [
        ("Police arrested and charged two journalists.", "COERCE", "two journalists"),
        ("Gunmen kidnapped and killed an aid worker.", "COERCE", "aid worker"),
    ],
)
def test_coordinated_verbs_share_the_object(nlp: Any, text: str, type_: str, target: str) -> None:
    event = typed(nlp, text, type_)
    assert event.target is not None and target in event.target.text


def test_force_moved_along_a_border_targets_the_other_side(nlp: Any) -> None:
    event = typed(nlp, "Russia deployed troops along its border with Ukraine.", "MOBILIZE")
    assert event.target is not None and event.target.text == "Ukraine"


@pytest.mark.parametrize(
    ("text", "type_", "source", "target"),
    [
        ("Haiti received emergency aid from Japan on Monday.", "AID", "Japan", "Haiti"),
        ("Peru won the support of the United States.", "SUPPORT", "United States", "Peru"),
        ("Peru received a warning from Chile.", "THREATEN", "Chile", "Peru"),
    ],
)
def test_receiver_of_an_event_is_its_target(
    nlp: Any, text: str, type_: str, source: str, target: str
) -> None:
    event = typed(nlp, text, type_)
    assert event.source is not None and event.source.text == source
    assert event.target is not None and event.target.text == target


def test_release_secured_by_a_third_party_keeps_its_captives(nlp: Any) -> None:
    text = "The envoy secured the release of ten hostages from the rebels."
    event = typed(nlp, text, "RETREAT")
    assert event.target is not None and "hostages" in event.target.text


def test_agent_of_an_event_noun_hung_on_its_object(nlp: Any) -> None:
    # the parser attaches "by police" to "leader", not to "arrest"
    event = typed(nlp, "The arrest of the opposition leader by police sparked riots.", "COERCE")
    assert event.source is not None and event.source.text == "police"
    assert event.target is not None and "opposition leader" in event.target.text


def test_out_of_names_the_place_left(nlp: Any) -> None:
    event = typed(nlp, "Chile pulled its troops out of Peru.", "RETREAT")
    assert event.target is not None and event.target.text == "Peru"


def test_second_object_after_a_comma_is_an_apposition(nlp: Any) -> None:
    text = "Chile refused entry to Peruvians, by far the largest group of migrants."
    event = typed(nlp, text, "REJECT")
    assert event.target is not None and event.target.text == "Peruvians"


def test_title_before_a_split_subject_name_joins_the_actor(nlp: Any) -> None:
    text = (
        "Quatland's emir, Sheikh Tamir bin Hasan al-Nadir launched a mediation effort "
        "between Chile and Peru."
    )
    event = typed(nlp, text, "CONSULT")
    assert event.source is not None
    assert event.source.text == "Quatland's emir, Sheikh Tamir bin Hasan al-Nadir"


def test_subject_naming_an_act_stands_for_its_agent(nlp: Any) -> None:
    event = typed(nlp, "The attack on the convoy by rebels killed five people.", "ASSAULT")
    assert event.source is not None and event.source.text == "rebels"


@pytest.mark.parametrize(
    ("text", "type_", "source"),
    [
        # the object of "accused X of", "charged X with" does the act
        ("Chile accused Peru of shelling its villages.", "FIGHT", "Peru"),
        ("Police charged the students with attacking a guard.", "ASSAULT", "students"),
        # a means or time phrase: the verb's own subject does it
        ("The army ended the siege by shelling the town.", "FIGHT", "army"),
    ],
)
def test_gerund_in_a_verb_phrase_takes_its_controller(
    nlp: Any, text: str, type_: str, source: str
) -> None:
    event = typed(nlp, text, type_)
    assert event.source is not None and event.source.text == source


@pytest.mark.parametrize(
    ("text", "type_", "source"),
    [
        ("The rebels took the town. They then shelled the port.", "FIGHT", "rebels"),
        ("The minister flew to Lima on Monday. He met the president of Peru.", "CONSULT", "minister"),
        ("Chile's navy left the bay at dawn. It then shelled the port.", "FIGHT", "Chile's navy"),
    ],
)
def test_pronoun_subject_stands_for_the_previous_sentence_subject(
    nlp: Any, text: str, type_: str, source: str
) -> None:
    event = typed(nlp, text, type_)
    assert event.source is not None and event.source.text == source


def test_pronoun_that_disagrees_is_not_resolved(nlp: Any) -> None:
    # "they" cannot stand for one minister: the pronoun is kept
    event = typed(nlp, "The minister flew to Lima. They then shelled the port.", "FIGHT")
    assert event.source is not None and event.source.text == "They"


def test_coordinated_subjects_are_one_actor_each(nlp: Any) -> None:
    event = typed(nlp, "Chile and Peru agreed to resume talks.", "AGREE")
    assert [a.text for a in event.sources] == ["Chile", "Peru"]


@pytest.mark.parametrize(
    ("text", "type_", "target"),
    [
        # "whose troops": the owner of the troops is acted on
        ("Chile, whose troops were attacked last week, threatened Peru.", "ASSAULT", "Chile"),
        # "whom": the noun the relative clause hangs on
        ("The rebels freed the nurses whom they had kidnapped in May.", "COERCE", "nurses"),
        # "the raid that X carried out" is X's raid
        ("Chile condemned the raid that Peruvian troops carried out.", "DISAPPROVE", "Peruvian"),
    ],
)
def test_relative_pronouns_stand_for_their_antecedent(
    nlp: Any, text: str, type_: str, target: str
) -> None:
    event = typed(nlp, text, type_)
    assert event.target is not None and target in event.target.text


def test_relative_clause_on_a_place_names_no_doer_of_another_act(nlp: Any) -> None:
    events = events_in(nlp, "The village, which rebels shelled on Monday, was evacuated.")
    assert all(not e.targets or e.targets[0].text != "rebels" for e in events)


def test_bodies_of_joined_owners_are_one_actor_each(nlp: Any) -> None:
    event = typed(nlp, "The foreign ministers of Chile and Peru met in Lima.", "CONSULT")
    assert [a.text for a in event.sources] == ["foreign ministers of Chile", "Peru"]


def test_actor_text_ends_before_a_closing_comma(nlp: Any) -> None:
    event = typed(nlp, "Maria Lund, the UN envoy, urged both sides to stop fighting.", "DEMAND")
    assert event.source is not None and event.source.text == "Maria Lund, the UN envoy"


def test_claimant_of_an_act_did_it(nlp: Any) -> None:
    text = "The rebels claimed responsibility for an ambush on the embassy."
    event = typed(nlp, text, "ASSAULT")
    assert event.source is not None and event.source.text == "rebels"


def test_body_named_by_its_owner_acts_for_the_governing_subject(nlp: Any) -> None:
    event = typed(nlp, "Chile denied that its troops had shelled the village.", "FIGHT")
    assert event.source is not None and event.source.text == "Chile"


def test_partners_named_by_their_tie_are_not_the_owner(nlp: Any) -> None:
    text = "Chile demanded that its partners refuse to recognize Peru."
    event = typed(nlp, text, "REJECT")
    assert event.source is not None and event.source.text != "Chile"


@pytest.mark.parametrize(
    ("text", "type_", "source", "target"),
    [
        # an object pronoun is never its own clause's subject: the nearest other actor
        ("The rebels said the army had attacked them.", "FIGHT", "army", "rebels"),
        # "accusing it of arming": the accused does the arming
        (
            "Chile lodged a protest with Peru on Monday, accusing it of arming the rebels.",
            "AID",
            "Peru",
            "rebels",
        ),
    ],
)
def test_object_pronoun_stands_for_the_nearest_other_actor(
    nlp: Any, text: str, type_: str, source: str, target: str
) -> None:
    event = typed(nlp, text, type_)
    assert event.source is not None and event.source.text == source
    assert event.target is not None and event.target.text == target


def test_object_pronoun_for_a_thing_names_no_actor(nlp: Any) -> None:
    # "it" is the square: no actor, not the police further back
    text = "Police cleared a square after clashes with students who had occupied it for days."
    events = [e for e in events_in(nlp, text) if e.trigger and e.trigger.text == "occupied"]
    assert events and all(not e.targets for e in events)
