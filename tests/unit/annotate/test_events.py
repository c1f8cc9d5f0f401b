"""The events layer: PLOVER types, actors, modality, dates, places and reporters."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from sitrep.annotate import annotate_one
from sitrep.annotate.events.layer import find_events
from sitrep.annotate.events.plover import load_lexicon, plover2_type
from sitrep.models import Annotations, Article, Event, TimeExpr

PUBLISHED = date(2025, 11, 7)


def events_of(nlp: Any, text: str, ann: Annotations | None = None) -> list[Event]:
    """The events layer alone on a parsed text (other layers as given, else empty)."""
    return find_events(nlp(text), ann or Annotations(), PUBLISHED)


def only(events: list[Event], type_: str) -> Event:
    typed = [e for e in events if e.type == type_]
    assert typed, f"no {type_} in {[(e.type, e.trigger.text) for e in events]}"
    return typed[0]


# One or more sentences per PLOVER type: (sentence, type, source contains, target contains).
TYPE_TABLE = [
    ("The two governments agreed to expand trade links.", "AGREE", "governments", None),
    ("Chile promised to send engineers to Peru.", "AGREE", "Chile", "Peru"),
    (
        "The prime minister met with the Japanese ambassador in Ottawa.",
        "CONSULT",
        "prime minister",
        "Japanese ambassador",
    ),
    ("Canada held talks with Mexico on Monday.", "CONSULT", "Canada", "Mexico"),
    ("The French president visited Vietnam last week.", "CONSULT", "French president", "Vietnam"),
    (
        "The senator praised the Kenyan government for its reforms.",
        "SUPPORT",
        "senator",
        "Kenyan government",
    ),
    ("Norway and Chile signed a fisheries treaty.", "SUPPORT", "Norway", None),
    (
        "Danish police shared intelligence with Swedish investigators.",
        "COOPERATE",
        "Danish police",
        "Swedish investigators",
    ),
    ("Japan gave Nepal two million dollars in flood relief.", "AID", "Japan", "Nepal"),
    # PLOVER codes the actual release of prisoners as RETREAT (a promised one is AGREE)
    ("The junta released 40 political prisoners.", "RETREAT", "junta", "political prisoners"),
    ("The junta eased restrictions on the press.", "CONCEDE", "junta", None),
    ("The rebels withdrew from the border town of Kasese.", "RETREAT", "rebels", "Kasese"),
    ("The governor resigned on Friday.", "RETREAT", "governor", None),
    (
        "Prosecutors launched an investigation into the mayor of Lyon.",
        "INVESTIGATE",
        "Prosecutors",
        "mayor",
    ),
    ("The opposition demanded that the president resign.", "DEMAND", "opposition", "president"),
    ("The union urged the ministry to raise wages.", "DEMAND", "union", "ministry"),
    ("Greece accused Turkey of violating its airspace.", "DISAPPROVE", "Greece", "Turkey"),
    ("Iran condemned the Saudi decision.", "DISAPPROVE", "Iran", "Saudi"),
    ("The council rejected a Chinese proposal for new port fees.", "REJECT", "council", "Chinese"),
    ("The minister refused to meet the striking doctors.", "REJECT", "minister", "doctors"),
    (
        "Pakistan threatened to close its border with Afghanistan.",
        "THREATEN",
        "Pakistan",
        "Afghanistan",
    ),
    (
        "Thousands of teachers demonstrated in Nairobi against the new law.",
        "PROTEST",
        "teachers",
        None,
    ),
    ("Farmers blocked roads around Brussels.", "PROTEST", "Farmers", None),
    ("Greek dockworkers went on strike.", "PROTEST", "dockworkers", None),
    ("The army deployed thousands of soldiers to the northern border.", "MOBILIZE", "army", None),
    (
        "The European Union imposed sanctions on Belarusian officials.",
        "SANCTION",
        "European Union",
        "Belarusian officials",
    ),
    ("Poland expelled two Russian diplomats.", "SANCTION", "Poland", "Russian diplomats"),
    ("Police arrested 30 protesters in Minsk.", "COERCE", "Police", "protesters"),
    ("Gunmen kidnapped three Italian engineers.", "COERCE", "Gunmen", "Italian engineers"),
    (
        "Militants killed five Nigerian soldiers near Maiduguri.",
        "ASSAULT",
        "Militants",
        "Nigerian soldiers",
    ),
    ("A Kenyan journalist was attacked by armed men.", "ASSAULT", "armed men", "Kenyan journalist"),
    (
        "Syrian artillery shelled rebel positions near Idlib.",
        "FIGHT",
        "Syrian artillery",
        "rebel positions",
    ),
]


@pytest.mark.parametrize(("text", "type_", "source", "target"), TYPE_TABLE)
def test_type_and_actors(nlp: Any, text: str, type_: str, source: str, target: str | None) -> None:
    event = only(events_of(nlp, text), type_)
    assert event.source is not None and source.lower() in event.source.text.lower()
    if target is not None:
        assert event.target is not None and target.lower() in event.target.text.lower()
    assert text[event.trigger.start : event.trigger.end] == event.trigger.text


def test_every_plover_type_has_a_sentence() -> None:
    covered = {row[1] for row in TYPE_TABLE}
    lexicon_types = {t.type for t in load_lexicon().verbs.values()}
    assert lexicon_types <= covered


def test_plover2_names() -> None:
    assert plover2_type("DEMAND") == "REQUEST"
    assert plover2_type("DISAPPROVE") == "ACCUSE"
    assert plover2_type("FIGHT") == "ASSAULT"
    assert plover2_type("CONSULT") == "CONSULT"


def test_coordinated_modifiers_give_one_actor_each(nlp: Any) -> None:
    event = only(
        events_of(nlp, "Senior Polish and Czech officials agreed on new rules."), "AGREE"
    )
    assert [a.text for a in event.sources] == ["Polish", "Czech"]
    assert event.target is None


def test_coordinated_subjects(nlp: Any) -> None:
    event = only(events_of(nlp, "Brazil and Argentina held talks with Uruguay."), "CONSULT")
    assert [a.text for a in event.sources] == ["Brazil", "Argentina"]
    assert event.target is not None and event.target.text == "Uruguay"


def test_nominal_trigger_between(nlp: Any) -> None:
    events = events_of(nlp, "The talks between Serbia and Kosovo ended without a deal.")
    event = only(events, "CONSULT")
    assert event.source is not None and event.source.text == "Serbia"
    assert event.target is not None and event.target.text == "Kosovo"


def test_modes(nlp: Any) -> None:
    assert (
        only(events_of(nlp, "Rioters torched cars as crowds rioted in Lyon."), "PROTEST").mode
        == "riot"
    )
    assert only(events_of(nlp, "Police arrested the mayor."), "COERCE").mode == "arrest"
    assert only(events_of(nlp, "The minister visited Kyiv."), "CONSULT").mode == "visit"
    assert only(events_of(nlp, "Troops opened fire on the crowd."), "FIGHT").mode == "firearms"


@pytest.mark.parametrize(
    ("text", "type_", "modality"),
    [
        ("Ankara did not agree to the plan.", "AGREE", "negated"),
        ("The two leaders may have discussed the border.", "CONSULT", "speculative"),
        (
            "Reporters asked whether the envoys met with Iranian officials.",
            "CONSULT",
            "speculative",
        ),
        ("The rebels might attack the convoy.", "ASSAULT", "speculative"),
        ("The ministers plan to meet in Geneva.", "CONSULT", "planned"),
        ("Spain will send aid to Morocco.", "AGREE", "planned"),
        ("Officers arrested the suspect, police said.", "COERCE", "reported"),
        ("Officers arrested the suspect.", "COERCE", "asserted"),
    ],
)
def test_modality(nlp: Any, text: str, type_: str, modality: str) -> None:
    assert only(events_of(nlp, text), type_).modality == modality


def test_future_hostile_act_is_a_threat(nlp: Any) -> None:
    event = only(events_of(nlp, "The farmers said they would blockade the capital."), "THREATEN")
    assert event.source is not None and event.source.text == "farmers"


def test_future_refusal_is_a_rejection(nlp: Any) -> None:
    event = only(events_of(nlp, "Hungary will not accept the quota."), "REJECT")
    assert event.modality == "asserted"


def test_said_must_is_a_demand(nlp: Any) -> None:
    event = only(events_of(nlp, "Germany said Serbia must hand over the suspects."), "DEMAND")
    assert event.source is not None and event.source.text == "Germany"
    assert event.target is not None and event.target.text == "Serbia"


def test_pronoun_subject_resolved_to_speaker(nlp: Any) -> None:
    event = only(events_of(nlp, "Finland said it had expelled a Russian diplomat."), "SANCTION")
    assert event.source is not None and event.source.text == "Finland"


def test_reporter_from_parse_and_from_attributions(nlp: Any) -> None:
    text = "According to Ukrainian officials, Russian forces shelled Kharkiv."
    event = only(events_of(nlp, text), "FIGHT")
    assert event.reported_by is not None and event.reported_by.text == "Ukrainian officials"


def test_date_from_time_layer_else_publication(nlp: Any) -> None:
    text = "Chinese and Indian officials met on Tuesday."
    start = text.index("Tuesday")
    times = [TimeExpr(start, start + 7, "Tuesday", "DATE", "2025-11-04")]
    event = only(events_of(nlp, text, Annotations(times=times)), "CONSULT")
    assert (event.date, event.date_granularity, event.date_from_text) == ("2025-11-04", "day", True)
    bare = only(events_of(nlp, text), "CONSULT")
    assert (bare.date, bare.date_from_text) == ("2025-11-07", False)


def test_place_in_sentence_and_carried_to_next_meeting(nlp: Any) -> None:
    text = "Iranian and Omani envoys held talks in Muscat. The envoys met again on Sunday."
    events = [e for e in events_of(nlp, text) if e.type == "CONSULT"]
    assert len(events) == 2
    assert all(e.location is not None and e.location.text == "Muscat" for e in events)


def test_no_event_in_plain_sentences(nlp: Any) -> None:
    assert events_of(nlp, "The weather was mild and the markets were quiet.") == []


# ---------------------------------------------------------------- the seed article


@pytest.fixture(scope="module")
def seed(seed_article: Article) -> tuple[Article, Annotations]:
    return seed_article, annotate_one(seed_article)


def _by_trigger(ann: Annotations, text: str, word: str) -> list[Event]:
    return [e for e in ann.events if text[e.trigger.start : e.trigger.end] == word]


def test_seed_talks_with_goremykin(seed: tuple[Article, Annotations]) -> None:
    article, ann = seed
    talks = [e for e in _by_trigger(ann, article.text, "talks") if e.type == "CONSULT"]
    event = next(e for e in talks if e.target and "delegation" in e.target.text)
    assert event.source is not None and "officials" in event.source.text
    assert event.location is not None and event.location.text == "Pyongyang"
    assert event.modality == "reported" and event.reported_by is not None
    if ann.times:
        assert (event.date, event.date_from_text) == ("2025-11-05", True)


def test_seed_meeting_with_no_kwang_chol(seed: tuple[Article, Annotations]) -> None:
    article, ann = seed
    event = only(_by_trigger(ann, article.text, "met"), "CONSULT")
    assert event.source is not None and "Goremykin" in event.source.text
    assert event.target is not None and "No Kwang Chol" in event.target.text
    assert event.reported_by is not None and "KCNA" in event.reported_by.text
    if ann.times:
        assert event.date == "2025-11-06"


def test_seed_troop_movements(seed: tuple[Article, Annotations]) -> None:
    article, ann = seed
    sent = only(_by_trigger(ann, article.text, "sent"), "MOBILIZE")
    assert sent.source is not None and sent.source.text == "North Korea"
    assert sent.target is not None and sent.target.text == "Russia"
    assert sent.reported_by is not None and "South Korean" in sent.reported_by.text
    assert sent.modality == "reported"
    moving = only(_by_trigger(ann, article.text, "moving"), "MOBILIZE")
    assert moving.reported_by is not None and "Intelligence" in moving.reported_by.text
    assert moving.location is not None and moving.location.text == "Russia"


def test_seed_no_asserted_agreement(seed: tuple[Article, Annotations]) -> None:
    article, ann = seed
    sentence = article.text.index("The report didn")
    for event in ann.events:
        if event.start <= sentence < event.end and event.type == "AGREE":
            assert event.modality == "negated"


def test_seed_speculative_discussion(seed: tuple[Article, Annotations]) -> None:
    article, ann = seed
    asked = article.text.index("When asked whether")
    events = [e for e in ann.events if e.start <= asked < e.end and e.type == "CONSULT"]
    assert events and all(e.modality == "speculative" for e in events)
