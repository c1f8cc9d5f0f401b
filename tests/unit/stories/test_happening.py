"""One happening, not only one subject: headline and lead markers (stories/happening.py)."""

from __future__ import annotations

from sitrep.models import Annotations, EntityMention
from sitrep.stories import Tuning
from sitrep.stories.assign import Places, Side, discount
from sitrep.stories.features import PROPER, profile, stop_words
from sitrep.stories.happening import (
    HEAD,
    LEAD,
    MARK,
    fold,
    happening_factor,
    markers,
    shares_happening,
    truncate_markers,
)
from sitrep.stories.protagonists import central_terms
from tests.support.store import make_article

TUNING = Tuning()


def _country(text: str, start: int) -> EntityMention:
    return EntityMention(start, start + len(text), text, "GPE", f"country-{text}", text,
                         place={"geonameid": 1, "name": text, "feature": "PCLI",
                                "country": "XXX"})


def _marks(title: str, text: str, *countries: str) -> dict[str, float]:
    ann = Annotations(entities=[_country(c, text.index(c)) for c in countries])
    return markers(make_article(text, title=title), ann, stop_words())


def test_fold_meets_the_forms_of_one_word() -> None:
    assert fold("launches") == fold("launched") == fold("launch") == fold("launching")
    assert fold("Syria's".lower()) == "syria"


def test_headline_markers_leave_out_the_countries_the_text_tags() -> None:
    marks = _marks("Militants attack train in Pakistan",
                   "Militants attacked a train in Pakistan on Tuesday.", "Pakistan")
    assert {f"{HEAD}train", f"{HEAD}attack", f"{LEAD}train"} <= set(marks)
    assert f"{HEAD}pakistan" not in marks and f"{LEAD}pakistan" not in marks
    assert all(v == MARK for v in marks.values())


def test_a_dateline_or_no_title_is_not_judged() -> None:
    assert _marks("APR 28", "The agency overturned the ruling on Tuesday.") == {}
    assert _marks("", "The agency overturned the ruling on Tuesday.") == {}
    assert shares_happening({"w:x": 1.0}, _marks("Train attack", "A train was attacked.")) is None


def test_one_subject_two_happenings_share_no_headline_word() -> None:
    constitution = _marks("Analysts see flaws in Syria's temporary constitution",
                          "Syria's new constitution faces criticism from legal experts.",
                          "Syria")
    appeal = _marks("UN urges end to violence in Syria",
                    "The UN envoy for Syria called for an end to the violence.", "Syria")
    assert shares_happening(constitution, appeal) is False
    assert happening_factor(constitution, appeal, 0.25) == 0.25


def test_two_angles_of_one_happening_share_one_either_way() -> None:
    attack = _marks("Militants attack train, take hostages",
                    "Militants attacked a passenger train and took hostages.")
    rescue = _marks("Military rescues passengers after attack",
                    "The military rescued nearly 200 passengers from the hijacked train.")
    # The rescue's headline has no "train", but the attack's headline word is in its lead.
    assert shares_happening(attack, rescue) is True
    assert shares_happening(rescue, attack) is True
    assert happening_factor(rescue, attack, 0.25) == 1.0


def test_the_discount_applies_the_happening_factor_only_when_asked() -> None:
    a = {"w:syria": 1.0, **_marks("Flaws in the constitution", "The constitution is new.")}
    b = {"w:syria": 1.0, **_marks("Envoy urges end to violence", "The envoy urged calm.")}
    span = (None, None)
    kept = discount(1.0, Side(Places.of(a), set(), span), b, span, TUNING, None)  # type: ignore[arg-type]
    assert kept == 1.0
    judged = discount(1.0, Side(Places.of(a), set(), span, a), b, span, TUNING, None)  # type: ignore[arg-type]
    assert judged == TUNING.no_happening


def test_a_centroid_keeps_its_most_held_markers_only() -> None:
    vec = {f"{LEAD}w{i}": MARK * (i + 1) / 100 for i in range(100)}
    vec[HEAD] = MARK
    kept = truncate_markers(vec, 10)
    assert HEAD in kept and len(kept) <= 11
    assert f"{LEAD}w99" in kept and f"{LEAD}w0" not in kept


def test_profile_carries_markers_that_weigh_nothing() -> None:
    terms = profile(make_article("Militants attacked a train.", title="Train attack"),
                    Annotations()).terms
    assert f"{HEAD}train" in terms and terms[f"{HEAD}train"] == MARK


def test_a_country_in_the_headline_is_no_protagonist() -> None:
    vec = {f"{PROPER}china": 0.0, f"{PROPER}huawei": 0.0, HEAD: MARK, f"{HEAD}huawei": MARK}
    central = central_terms(vec, names=False)
    assert f"{PROPER}huawei" in central and f"{PROPER}china" not in central
    # A profile stored without markers is not judged.
    assert f"{PROPER}china" in central_terms({f"{PROPER}china": 0.0}, names=False)
