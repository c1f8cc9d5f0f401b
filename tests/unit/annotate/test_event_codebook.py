"""Event types on made-up sentences whose trigger words come from the CAMEO/PLOVER
category definitions (plover_triggers.csv, the block after the core rows), not from any
gold data: each sentence names its event with a word the core lexicon lacked."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from sitrep.annotate.events.layer import find_events
from sitrep.models import Annotations

CODEBOOK_TABLE = [
    ("The Kenyan government lauded Ethiopia for its role in the peace process.", "SUPPORT"),
    ("Parliament ratified the border treaty with Chile on Monday.", "SUPPORT"),
    ("The opposition castigated the prime minister over the budget.", "DISAPPROVE"),
    ("Police apprehended three suspects in Lagos.", "COERCE"),
    ("Militants torched a police station in the north.", "COERCE"),
    ("Rebels freed 12 hostages on Sunday.", "RETREAT"),
    ("The army handed over the airport to civilian authorities.", "RETREAT"),
    ("Japan lent Indonesia $2 billion to stabilise its currency.", "AID"),
    ("The union ruled out talks with the management.", "REJECT"),
    ("Greece turned down the offer from Turkey.", "REJECT"),
    ("Venezuela cancelled the visit of the Colombian foreign minister.", "SANCTION"),
    ("Brazil withdrew its ambassador from Paraguay.", "SANCTION"),
    ("Gunmen slaughtered 30 villagers in the province.", "ASSAULT"),
    ("The tribunal said the militia's genocide against the herders lasted a year.", "ASSAULT"),
    ("The opposition repudiated the accord signed by the junta.", "REJECT"),
    ("The new government nationalized the copper mines of a Canadian firm.", "COERCE"),
    ("The rebels recanted their confession under pressure.", "REJECT"),
    ("Government troops besieged the rebel stronghold of Jaffna.", "FIGHT"),
    ("The two armies skirmished along the border.", "FIGHT"),
    ("Morocco amassed troops on its border with Algeria.", "MOBILIZE"),
    ("The president pleaded with donors to release the funds.", "DEMAND"),
    ("The junta eased restrictions on the press.", "CONCEDE"),
    ("The king pardoned 200 political prisoners.", "CONCEDE"),
    ("The court convicted the former minister of corruption.", "DISAPPROVE"),
    ("The minister expressed support for the new Lebanese government.", "SUPPORT"),
    ("Egypt and Sudan reached an understanding on the Nile waters.", "AGREE"),
    ("The two leaders held a dialogue on trade in Geneva.", "CONSULT"),
    ("The Chinese premier received the Pakistani foreign minister in Beijing.", "CONSULT"),
    ("The authorities suppressed the protests in the capital.", "COERCE"),
    ("The rebels laid down their arms on Friday.", "RETREAT"),
    ("Ghana welcomed the decision of the African Union.", "SUPPORT"),
    ("Thousands of nurses held a vigil outside parliament.", "PROTEST"),
    ("The government imposed martial law in the south.", "COERCE"),
    ("Workers staged a walkout at the port of Durban.", "PROTEST"),
    # CAMEO 166 expel or withdraw peacekeepers, inspectors, observers, aid agencies
    ("Mali expelled the United Nations peacekeepers last year.", "SANCTION"),
    ("The government expelled two foreign aid agencies from the region.", "SANCTION"),
    ("Russia withdrew its observers from the monitoring mission.", "SANCTION"),
    # CAMEO 174: expelling people who are no state's representatives is coercion
    ("Thailand expelled hundreds of migrant workers.", "COERCE"),
    # CAMEO 143 conduct strike: work stoppages in plain words
    ("Dockers stopped work at the port of Antwerp.", "PROTEST"),
    ("A work stoppage by Finnish teachers closed the schools.", "PROTEST"),
    # CAMEO 0874 retreat militarily: forces leaving a place
    ("Ethiopian troops left the Somali capital on Friday.", "RETREAT"),
    ("The rebels abandoned the town after heavy bombing.", "RETREAT"),
    # CAMEO 08 accede to demands; 12 reject by vote; 06 act together
    ("The government of Togo agreed to opposition demands for a national conference.", "CONCEDE"),
    ("The president bowed to pressure from the unions.", "CONCEDE"),
    ("Parliament voted against the budget proposal.", "REJECT"),
    ("Interpol and Italian police worked together to track down the fugitive.", "COOPERATE"),
    ("Red Cross workers distributed blankets and food to refugees in the camp.", "AID"),
    ("Delegates of the warring factions sat down for negotiations in Addis Ababa.", "CONSULT"),
    ("Police questioned five suspects in connection with the bombing.", "INVESTIGATE"),
    # CAMEO 15 force posture: forces ordered somewhere; an order to act stays a demand
    ("The Pentagon ordered 20,000 more troops to the Gulf.", "MOBILIZE"),
    ("The general ordered the troops to withdraw from the town.", "DEMAND"),
]


@pytest.mark.parametrize(
    "text",
    ["The soldiers left for the front on Monday.", "The minister left Paris for Berlin."],
)
def test_leaving_is_no_retreat_without_forces_and_a_place(nlp: Any, text: str) -> None:
    events = find_events(nlp(text), Annotations(), date(2025, 11, 7))
    assert "RETREAT" not in {e.type for e in events}


@pytest.mark.parametrize(("text", "type_"), CODEBOOK_TABLE)
def test_codebook_vocabulary(nlp: Any, text: str, type_: str) -> None:
    events = find_events(nlp(text), Annotations(), date(2025, 11, 7))
    assert type_ in {e.type for e in events}, [(e.type, e.trigger.text) for e in events]


def test_signing_an_agreement_stays_support(nlp: Any) -> None:
    """A signed agreement is SUPPORT (CAMEO 057), not the AGREE its object names."""
    events = find_events(
        nlp("Peru and Bolivia signed an agreement on gas exports."), Annotations(), None
    )
    assert "SUPPORT" in {e.type for e in events}


def test_promised_release_is_agree(nlp: Any) -> None:
    """A release announced for the future is a promise (AGREE), a done one RETREAT."""
    done = find_events(nlp("The rebels freed two aid workers."), Annotations(), None)
    future = find_events(
        nlp("The rebels said they will free two aid workers."), Annotations(), None
    )
    assert "RETREAT" in {e.type for e in done}
    assert "AGREE" in {e.type for e in future}


# Verb frames (event_frames.py) on made-up sentences: (sentence, type, trigger word).
FRAME_TABLE = [
    ("Chad expressed its willingness to negotiate with the rebels.", "AGREE", "willingness"),
    ("Iran announced its readiness to attack the tankers.", "THREATEN", "readiness"),
    ("The Chinese envoy arrived in Hanoi on Monday for a two-day visit.", "CONSULT", "visit"),
    ("The negotiators flew to Oslo for talks.", "CONSULT", "talks"),
    ("Israeli warplanes bombed targets in Gaza.", "FIGHT", "bombed"),
    ("The army said it had killed 12 insurgents.", "FIGHT", "killed"),
    ("Militants bombed a market in the city.", "ASSAULT", "bombed"),
    ("Soldiers beat the detainees with rifle butts.", "ASSAULT", "beat"),
    ("Libya expelled 200 Egyptian workers.", "COERCE", "expelled"),
    ("Libya expelled two Egyptian diplomats.", "SANCTION", "expelled"),
    ("The government banned the main opposition party.", "COERCE", "banned"),
    ("Gunmen shot dead a judge in Lahore.", "ASSAULT", "shot"),
    ("The rebels seized control of the port.", "FIGHT", "seized"),
    ("The bank approved a loan to Ghana.", "AID", "loan"),
    ("The Cuban leader insisted that Washington end its embargo.", "DEMAND", "insisted"),
    ("The Palestinians want Israel to freeze settlement building.", "DEMAND", "want"),
    ("Fighting broke out between government troops and rebels.", "FIGHT", "Fighting"),
    ("The United Nations sent 500 tons of food to the flood victims.", "AID", "sent"),
    ("The rebels said they would not attend the talks in Nairobi.", "REJECT", "talks"),
    ("Thousands of protesters took to the streets of Caracas.", "PROTEST", "took"),
    ("Kenya and Uganda resolved their dispute over the island.", "AGREE", "resolved"),
    ("The mayor was put under investigation for fraud.", "INVESTIGATE", "investigation"),
    ("Norway launched a mediation effort between the two parties.", "CONSULT", "mediation"),
    ("Dock workers stopped work in Antwerp on Monday.", "PROTEST", "stopped"),
    ("The agency will withdraw its observers from Burundi.", "THREATEN", "withdraw"),
    ("The army evacuated its outposts along the river.", "RETREAT", "evacuated"),
    ("The junta gave the Red Cross permission to visit the prisons.", "CONCEDE", "permission"),
    ("The Tigers vowed to continue fighting until independence.", "THREATEN", "vowed"),
    ("Opposition supporters set up roadblocks in the capital.", "PROTEST", "roadblocks"),
    ("South Korea protested to Japan over the textbook.", "DISAPPROVE", "protested"),
    ("The militia took 30 villagers hostage.", "COERCE", "took"),
    ("Vietnam said it would open its markets to American goods.", "AGREE", "open"),
    ("The rebels said they would not hand in their weapons.", "REJECT", "hand"),
    ("Russia intends to sign the treaty next month.", "AGREE", "intends"),
    ("The government is considering releasing political prisoners.", "AGREE", "considering"),
    ("The United States told Israel to stop building settlements.", "DEMAND", "told"),
    ("The donors said they would cease aid to the ministry.", "THREATEN", "cease"),
    ("Delegates of the factions gathered in Arusha for peace talks.", "CONSULT", "talks"),
    ("Red Cross workers distributed food to displaced families.", "AID", "distributed"),
    ("North Korea put its armed forces on a war footing.", "MOBILIZE", "footing"),
    ("The government declared a state of emergency in three provinces.", "COERCE", "emergency"),
    ("Riot police broke up a demonstration outside parliament.", "COERCE", "broke"),
]


@pytest.mark.parametrize(("text", "type_", "trigger"), FRAME_TABLE)
def test_verb_frames(nlp: Any, text: str, type_: str, trigger: str) -> None:
    events = find_events(nlp(text), Annotations(), None)
    got = {(e.type, e.trigger.text) for e in events}
    assert (type_, trigger) in got, got


def test_refusing_an_offer_is_not_an_intent(nlp: Any) -> None:
    """An intent noun under a verb that is itself an event keeps that verb's type."""
    events = find_events(nlp("Hanoi rejected a Chinese offer to host talks."), Annotations(), None)
    assert [e.type for e in events][:1] == ["REJECT"]


def test_occurring_event_takes_actors_from_its_verb(nlp: Any) -> None:
    events = find_events(
        nlp("Fighting broke out between government troops and rebels."), Annotations(), None
    )
    fight = next(e for e in events if e.type == "FIGHT")
    assert fight.source is not None and "troops" in fight.source.text
    assert fight.target is not None and fight.target.text == "rebels"


@pytest.mark.parametrize(
    "text",
    [
        "The minister held a news conference in Paris.",
        "The company issued a press release on Monday.",
        "Moody's downgraded the bonds of the city.",
        "Smoking contributed to his death.",
        "Hundreds of Israeli settlements dot the West Bank.",
    ],
)
def test_everyday_uses_are_no_events(nlp: Any, text: str) -> None:
    """Codebook words in their everyday senses report nothing."""
    assert find_events(nlp(text), Annotations(), None) == []


def test_raised_subject_is_the_source(nlp: Any) -> None:
    """ "X and Y are expected to sign": X signs, nobody is signed at."""
    events = find_events(
        nlp("Hungary and Romania are expected to sign a friendship treaty."), Annotations(), None
    )
    agree = next(e for e in events if e.type == "AGREE")
    assert agree.source is not None and agree.source.text == "Hungary"
    assert agree.target is None


@pytest.mark.parametrize(
    "text",
    [
        "The company said its profits would rise next year.",
        "The minister said the talks would be difficult.",
        "The initiative aims to mobilize resources.",
    ],
)
def test_no_intention_without_an_acting_actor(nlp: Any, text: str) -> None:
    events = find_events(nlp(text), Annotations(), None)
    assert "AGREE" not in {e.type for e in events}, [(e.type, e.trigger.text) for e in events]


def test_questioning_a_decision_is_no_investigation(nlp: Any) -> None:
    events = find_events(nlp("The senator questioned the decision."), Annotations(), date(2025, 11, 7))
    assert "INVESTIGATE" not in {e.type for e in events}


@pytest.mark.parametrize(
    ("text", "type_", "source", "target"),
    [
        # a light verb in the passive carries its event noun subject
        (
            "New sanctions were imposed on North Korea by the Security Council.",
            "SANCTION",
            "Security Council",
            "North Korea",
        ),
        # a nominalised act names the one acted on with "of"
        ("The arrest of the opposition leader sparked protests.", "COERCE", None, "leader"),
        ("The assassination of the prime minister shocked the nation.", "ASSAULT", None, "minister"),
    ],
)
def test_passive_light_verbs_and_nominal_acts(
    nlp: Any, text: str, type_: str, source: str | None, target: str
) -> None:
    events = [e for e in find_events(nlp(text), Annotations(), date(2025, 11, 7)) if e.type == type_]
    assert events, text
    event = events[0]
    if source is not None:
        assert event.source is not None and source in event.source.text
    assert event.target is not None and target in event.target.text


def test_deployed_troops_are_no_target(nlp: Any) -> None:
    text = "The deployment of 5,000 NATO troops to Kosovo began on Saturday."
    events = find_events(nlp(text), Annotations(), date(2025, 11, 7))
    mobilize = [e for e in events if e.type == "MOBILIZE"]
    assert mobilize and (mobilize[0].target is None or "troops" not in mobilize[0].target.text)
