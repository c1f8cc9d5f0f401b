"""What identifies a happening: towns and regions, shared anchors, date spans."""

from __future__ import annotations

from typing import Any

from sitrep.models import Annotations, EntityMention
from sitrep.outlets import is_publisher, publisher_key
from sitrep.store import Store
from sitrep.stories import Assigner, Tuning
from sitrep.stories.assign import Places, anchor_factor, anchor_weight
from sitrep.stories.features import PLACE, REGION, profile
from sitrep.stories.linking import story_id
from sitrep.stories.vectors import Idf, span_gap
from tests.support.store import make_article

TUNING = Tuning()


def _town(text: str, start: int, geonameid: int, country: str, admin1: str) -> EntityMention:
    place: dict[str, Any] = {"geonameid": geonameid, "name": text, "lat": 0.0, "lon": 0.0,
                             "country": country, "admin1": admin1, "feature": "PPL"}
    return EntityMention(start, start + len(text), text, "GPE", f"town-{geonameid}", text,
                         place=place)


def _terms(*towns: tuple[int, str, str], extra: tuple[str, ...] = ()) -> dict[str, float]:
    out = {f"{PLACE}{g}": 0.1 for g, _, _ in towns}
    out.update({f"{REGION}{c}/{a}": 0.1 for _, c, a in towns})
    out.update({t: 0.1 for t in extra})
    return out


def test_profile_holds_towns_and_their_regions_not_countries() -> None:
    text = "Police in Springfield said two men were shot in Springfield overnight."
    country = EntityMention(0, 6, "Police", "GPE", "country-1", "Nowhere",
                            place={"geonameid": 1, "feature": "PCLI", "country": "USA"})
    ann = Annotations(entities=[_town("Springfield", 10, 4250542, "USA", "Illinois"), country])
    terms = profile(make_article(text, title="Shooting"), ann).terms
    assert f"{PLACE}4250542" in terms and f"{REGION}USA/Illinois" in terms
    assert f"{PLACE}1" not in terms  # a country tells no two incidents apart


def test_towns_of_different_regions_nearly_veto_and_of_one_region_weigh_less() -> None:
    springfield = Places.of(_terms((1, "USA", "Illinois")))
    assert springfield.factor(_terms((1, "USA", "Illinois"), (2, "USA", "Ohio")), TUNING) == 1.0
    assert springfield.factor(_terms((3, "USA", "Illinois")), TUNING) == TUNING.place_clash
    assert springfield.factor(_terms((2, "USA", "Ohio")), TUNING) == TUNING.region_clash
    # No town on one side, or towns of other countries only: nothing to judge by.
    assert springfield.factor({"w:shooting": 1.0}, TUNING) == 1.0
    assert Places.of({}).factor(_terms((2, "USA", "Ohio")), TUNING) == 1.0
    assert springfield.factor(_terms((9, "GBR", "England")), TUNING) == 1.0


def test_towns_of_several_countries_on_one_side_do_not_clash() -> None:
    # International news: a launch reported from the capital names a town abroad too
    # (or a tagger resolves an acronym to one); its towns do not tell the happening.
    abroad = Places.of(_terms((5, "KOR", "Seoul"), (6, "USA", "Ohio")))
    assert abroad.factor(_terms((2, "USA", "Texas")), TUNING) == 1.0
    assert Places.of(_terms((2, "USA", "Texas"))).factor(
        _terms((5, "KOR", "Seoul"), (6, "USA", "Ohio")), TUNING) == 1.0
    assert Places.of(_terms((6, "USA", "Ohio"))).factor(
        _terms((2, "USA", "Texas")), TUNING) == TUNING.region_clash  # one country: judged


def test_reports_sharing_no_person_organisation_or_town_are_discounted() -> None:
    story = {"e:ecowas": 0.5, "n:5000": 0.5}
    assert anchor_factor({"e:kcna", "e:pyongyang"}, story, TUNING) == TUNING.no_anchor
    assert anchor_factor({"e:ecowas"}, story, TUNING) == 1.0
    assert anchor_factor(set(), story, TUNING) == 1.0  # text without annotations
    assert anchor_factor({"e:kcna"}, {"w:troop": 1.0}, TUNING) == 1.0


def _idf(store: Store, n: int, **dfs: int) -> Idf:
    idf = Idf(store, TUNING.idf_power)
    idf.prepare([])
    idf.n = n
    idf.df.update({f"e:{k}": v for k, v in dfs.items()})
    return idf


def test_a_shared_anchor_most_stored_articles_hold_counts_less(store: Store) -> None:
    idf = _idf(store, 100, president=40, mayor=3, minister=8)
    assert anchor_weight("e:mayor", TUNING, idf) == 1.0  # rare
    assert anchor_weight("e:minister", TUNING, idf) == 1.0  # under the share
    assert anchor_weight("e:president", TUNING, idf) == TUNING.anchor_share / 0.4
    story = {"e:president": 0.5, "e:mayor": 0.5}
    only_common = anchor_factor({"e:president", "e:kcna"}, story, TUNING, idf)
    assert TUNING.no_anchor < only_common < 1.0
    assert anchor_factor({"e:president", "e:mayor"}, story, TUNING, idf) == 1.0
    # A young store: few counts say nothing about ubiquity yet.
    assert anchor_weight("e:president", TUNING, _idf(store, 4, president=3)) == 1.0


def test_the_pages_own_outlet_is_no_anchor_of_its_profile() -> None:
    text = "Voice of America: Ana Ruiz of the Harbor Board said VOA reporters saw the fire."
    voa, ruiz, board = (
        EntityMention(0, 16, "Voice of America", "ORG", "org-voa", "Voice of America"),
        EntityMention(18, 26, "Ana Ruiz", "PERSON", "person-ruiz", "Ana Ruiz"),
        EntityMention(34, 46, "Harbor Board", "ORG", "org-board", "Harbor Board"))
    ann = Annotations(entities=[
        voa, ruiz, board, EntityMention(52, 55, "VOA", "ORG", "org-voa", "Voice of America")])
    # Profiles name entities by their story ids (stories/linking.py).
    v, r, b = (f"e:{story_id(m)}" for m in (voa, ruiz, board))
    own = make_article(text, url="https://www.voanews.com/a/fire/1.html", title="Fire")
    assert v not in profile(own, ann).terms
    assert {r, b} <= set(profile(own, ann).terms)
    other = make_article(text, url="https://harbor.example.org/fire", title="Fire")
    assert v in profile(other, ann).terms  # quoted by another outlet: a source


def test_publisher_is_the_outlet_by_name_host_or_initials() -> None:
    voa = publisher_key(None, "https://www.voanews.com/a/islamic-state-leader/1.html")
    assert is_publisher("VOA", voa) and is_publisher("Voice of America", voa)
    assert not is_publisher("Islamic State", voa)  # words of the URL's path are no outlet
    assert is_publisher("CNN", publisher_key("www.cnn.com", None))
    assert is_publisher("New York Times", publisher_key(None, "https://nytimes.com/x"))
    assert not is_publisher("Ana Ruiz", voa) and not is_publisher("CNN", "")


def test_span_gap_counts_days_between_spans() -> None:
    assert span_gap("2025-01-01", "2025-01-03", "2025-01-02", "2025-01-09") == 0
    assert span_gap("2025-01-10", "2025-01-12", "2025-01-01", "2025-01-05") == 5
    assert span_gap("2025-01-01", "2025-01-02", "2025-01-05", "2025-01-07") == 3
    assert span_gap(None, "2025-01-02", "2025-01-05", "2025-01-07") is None


REPORTS = [
    ("Dayton", 11, "USA", "Ohio",
     "A man was shot and wounded late Saturday outside a bar in Dayton, police said. The "
     "victim was taken to a hospital in critical condition and no arrests have been made."),
    ("Dayton", 11, "USA", "Ohio",
     "Dayton police are looking for the gunman who wounded a man outside a downtown bar on "
     "Saturday night. Officers found the victim bleeding in the parking lot; he is in "
     "critical condition at a hospital, a spokesman said."),
    ("Tulsa", 22, "USA", "Oklahoma",
     "Police in Tulsa said a man was shot outside a bar late Saturday and taken to a "
     "hospital in critical condition. Officers have made no arrests and asked witnesses "
     "to call."),
]


def test_same_kind_of_incident_in_two_towns_makes_two_stories(store: Store) -> None:
    articles, layers = [], []
    for town, gid, country, admin1, body in REPORTS:
        articles.append(make_article(body, title="Man shot outside bar", published="2025-06-01"))
        starts = [i for i in range(len(body)) if body.startswith(town, i)]
        layers.append(Annotations(entities=[_town(town, s, gid, country, admin1)
                                            for s in starts]))
    with store.stories.write("test batch"):
        outcomes = store.add_articles(articles, layers)
        done = Assigner(store).assign_batch(articles, layers, outcomes)
    assert [a.how for a in done] == ["new", "joined", "new"]
    assert done[0].story_id == done[1].story_id != done[2].story_id
