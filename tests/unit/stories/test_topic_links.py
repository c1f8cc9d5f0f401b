"""One subject is not one happening (issue 13m): analysis pieces, reports that share only
broad places, names the week writes everywhere, undated reports between dated ones."""

from __future__ import annotations

from typing import Any

from sitrep.models import Annotations, EntityMention
from sitrep.store import Store
from sitrep.stories import Assigner, Tuning
from sitrep.stories.assign import anchor_factor
from sitrep.stories.features import PROPER, profile, stop_words
from sitrep.stories.happening import (
    ANALYSIS,
    BROAD,
    DAY,
    HEAD,
    is_analysis,
    markers,
    shares_happening,
)
from sitrep.stories.linking import story_id
from sitrep.stories.protagonists import Cast, shared_protagonist
from sitrep.stories.state import StoryContext, absorb
from sitrep.stories.vectors import Idf
from tests.support.store import make_article
from tests.support.stories import ingest, story

TUNING = Tuning()


def _marks(title: str, text: str) -> dict[str, float]:
    return markers(make_article(text, title=title), Annotations(), stop_words())


def test_questions_and_comment_labels_are_analysis_headlines() -> None:
    assert is_analysis("Can the alliance outlast the summit?")
    assert is_analysis("Analysts: Velmora's new cabinet may court its neighbours")
    assert is_analysis("Experts: talks likely to stall")
    assert not is_analysis("Ministers: the bridge reopens on Monday")
    assert not is_analysis("Floods close the Ostrava bridge")
    assert ANALYSIS in _marks("Will the truce hold?", "The truce was signed on Monday.")


def test_an_analysis_must_name_in_its_headline_what_the_report_tells() -> None:
    report = _marks("Envoys agree ceasefire in the valley",
                    "Envoys agreed a thirty-day ceasefire in the valley on Tuesday.")
    # The analysis recounts the ceasefire in its lead; its headline names another matter.
    essay = _marks("Can the treaty bloc split its rivals?",
                   "As envoys agreed a ceasefire this week, the bloc weighed its rivals.")
    plain = {k: v for k, v in essay.items() if k != ANALYSIS}
    assert shares_happening(plain, report) is True  # a report: the lead is enough
    assert shares_happening(essay, report) is False
    assert shares_happening(report, essay) is False  # whichever side came first
    named = _marks("Will the ceasefire hold?", "Envoys agreed a ceasefire this week.")
    assert shares_happening(named, report) is True


def _side(*anchors: str, broad: tuple[str, ...] = (), head: tuple[str, ...] = ()
          ) -> dict[str, float]:
    out: dict[str, float] = {a: 0.1 for a in anchors}
    out.update({f"{BROAD}{a}": 1e-6 for a in broad})
    out.update({f"{HEAD}{w}": 1e-6 for w in head} | {HEAD: 1e-6})
    return out


def test_reports_sharing_only_broad_places_and_no_headline_word_are_a_topic_link() -> None:
    clinic = _side("e:velmora", "e:dentist", broad=("e:velmora",), head=("clinic", "tourism"))
    dispute = _side("e:velmora", "e:navy", broad=("e:velmora",), head=("dispute", "shoal"))
    anchors = {a for a in clinic if a.startswith("e:")}
    assert anchor_factor(anchors, dispute, TUNING, None, clinic) == TUNING.no_anchor
    # Without the sides' markers nothing is judged (a stored profile of an older store).
    assert anchor_factor(anchors, dispute, TUNING) == 1.0
    # A word in both headlines is a sign of one happening: the country counts.
    launch = _side("e:velmora", broad=("e:velmora",), head=("launch", "satellite"))
    again = _side("e:velmora", broad=("e:velmora",), head=("satellite", "orbit"))
    assert anchor_factor({"e:velmora"}, again, TUNING, None, launch) == 1.0
    # A shared person is no broad place.
    person = _side("e:velmora", "e:mira-osk", broad=("e:velmora",), head=("clinic",))
    other = _side("e:velmora", "e:mira-osk", broad=("e:velmora",), head=("shoal",))
    assert anchor_factor({"e:velmora", "e:mira-osk"}, other, TUNING, None, person) == 1.0


def _mention(text: str, start: int, kind: str, place: dict[str, Any] | None) -> EntityMention:
    return EntityMention(start, start + len(text), text, kind, f"id-{text}", text, place=place)


def test_profile_marks_the_broad_places_it_names() -> None:
    text = "Officials in Velmora said the Zentrox plant in Ostrava would close."
    country = _mention("Velmora", text.index("Velmora"), "GPE",
                       {"geonameid": 7, "name": "Velmora", "feature": "PCLI", "country": "VLM"})
    # A name the tagger calls a nationality is no place: its title word stays a name.
    group = _mention("Zentrox", text.index("Zentrox"), "NORP", None)
    terms = profile(make_article(text, title="Zentrox closes plant in Velmora",
                                 published="2031-04-02"),
                    Annotations(entities=[country, group])).terms
    assert f"{BROAD}e:id-Velmora" in terms
    assert f"{BROAD}e:{story_id(group)}" in terms  # as an anchor it is broad
    assert f"{PROPER}zentrox" in terms and f"{BROAD}{PROPER}zentrox" not in terms
    assert terms[f"{DAY}2031-04-02"] == 1e-6


def _idf(df: dict[str, int], n: int) -> Idf:
    idf = Idf(None, 1.5)  # type: ignore[arg-type]  # no store read: the counts are set
    idf.df, idf.n, idf._loaded_n = dict(df), n, True
    return idf


def test_a_name_written_in_many_reports_it_does_not_title_is_no_protagonist() -> None:
    a, b = Cast("a", {"c:ostrik": 3.0}), Cast("b", {"c:ostrik": 2.0})
    assert shared_protagonist(a, b, _idf({"c:ostrik": 5, "w:ostrik": 6}, 100), 0.9) == "c:ostrik"
    # The week's president: five titles, in twenty reports of many stories.
    assert shared_protagonist(a, b, _idf({"c:ostrik": 5, "w:ostrik": 20}, 100), 0.9) is None


def test_an_undated_member_cannot_back_a_report_dated_months_away(store: Store) -> None:
    text = ("Delegates of Velmora and Ostrava met in Tarnik to discuss the Vorlan pipeline "
            "and its financing by the Brandt consortium.")
    older = make_article("Ministers of the region warned about shipping costs in the strait.",
                         title="Shipping costs worry ministers", published="2030-01-10")
    undated = make_article(text, title="Pipeline talks in Tarnik")
    apart = Tuning(join=0.99, sure=0.99, bridge=1.0, recheck_every=0)
    ingest(store, [older, undated], apart)
    with store.stories.write("the two as one story"):
        ctx = StoryContext(store, Idf(store, apart.idf_power), apart, "2031-01-01T00:00:00Z")
        states = store.stories.states([story(store, older), story(store, undated)])
        absorb(ctx, states[story(store, older)], states[story(store, undated)])
    held = store.stories.states([story(store, older)])[story(store, older)]
    later = make_article(text + " A second round is planned.", title="Pipeline talks resume",
                         published="2031-06-01")
    near = make_article(text + " A second round is planned.", title="Pipeline talks resume",
                        published="2030-01-12")
    assigner = Assigner(store)
    with store.stories.write("judge the support"):
        for a in (later, near):
            assigner.idf.prepare(profile(a, None).terms)
        assert not assigner._supported(profile(later, None).terms, (0.15, held))
        assert assigner._supported(profile(near, None).terms, (0.15, held))
