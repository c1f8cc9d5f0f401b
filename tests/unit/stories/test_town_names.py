"""A town one report resolves and another only writes is no near veto of towns."""

from __future__ import annotations

from sitrep.models import Annotations
from sitrep.stories import Tuning
from sitrep.stories.assign import Places
from sitrep.stories.features import PLACE, profile
from sitrep.stories.happening import MARK, TOWN_NAME
from sitrep.stories.vectors import weighted_norm
from tests.support.store import make_article
from tests.unit.stories.test_places import _terms, _town

TUNING = Tuning()


def test_profile_marks_the_names_of_its_towns() -> None:
    text = "Firefighters in Glen Harbor fought the blaze at the mill on Tuesday."
    ann = Annotations(entities=[_town("Glen Harbor", 16, 777, "USA", "Maine")])
    terms = profile(make_article(text, title="Mill fire"), ann).terms
    assert f"{PLACE}777" in terms
    assert terms[f"{TOWN_NAME}glen_harbor"] == MARK  # a marker: no weight in a cosine
    assert f"{TOWN_NAME}glen_harbor" not in profile(make_article(text, title="Mill fire"),
                                                    None).terms


def test_a_town_the_other_side_writes_unresolved_is_no_near_veto() -> None:
    # One report resolves the host town; the other resolves only the capital it
    # reports from, and writes the host town's name in "the Glen Harbor games".
    host = _terms((1, "USA", "Maine"), extra=(f"{TOWN_NAME}glen_harbor",))
    capital = _terms((2, "USA", "Texas"), extra=("w:glen", "w:harbor", "w:games",
                                                 f"{TOWN_NAME}lakeview"))
    assert Places.of(host).factor(capital, TUNING) == TUNING.place_clash
    assert Places.of(capital).factor(host, TUNING) == TUNING.place_clash
    # Half a name is not the name.
    partial = {t: v for t, v in capital.items() if t != "w:harbor"}
    assert Places.of(host).factor(partial, TUNING) == TUNING.region_clash


def test_two_towns_of_one_name_still_clash() -> None:
    ohio = _terms((1, "USA", "Ohio"), extra=(f"{TOWN_NAME}springfield", "w:springfield"))
    illinois = _terms((2, "USA", "Illinois"), extra=(f"{TOWN_NAME}springfield",
                                                     "w:springfield"))
    assert Places.of(ohio).factor(illinois, TUNING) == TUNING.region_clash
    assert Places.of(illinois).factor(ohio, TUNING) == TUNING.region_clash


def test_town_names_weigh_nothing() -> None:
    from sitrep.store import open_store
    from sitrep.stories.vectors import Idf

    with open_store(":memory:") as store:
        idf = Idf(store, TUNING.idf_power)
        base = {"w:fire": 0.6, "w:mill": 0.8}
        idf.prepare(base)
        assert weighted_norm(base | {f"{TOWN_NAME}glen_harbor": MARK}, idf) == \
            weighted_norm(base, idf)
