"""One outlet's figures beyond its lead: the most central few are listed, lengths of time
are not, and the list never grows past its room."""

from __future__ import annotations

from sitrep.brief import build_brief
from sitrep.reconcile.config import BriefConfig
from tests.support.brief import story

_FILLER = (
    "Rescue teams from the Varnel district worked through the night along the river. "
    "Volunteers carried sandbags to the low streets near the old mill in Ostrava Bend. "
    "The regional governor visited the shelters on Tuesday and thanked the volunteers. "
)
_LONG = (
    "Floods swept through the town of Ostrava Bend on Monday, officials said. "
    + _FILLER * 6
    + "The governor said rebuilding the flooded bridge in Ostrava Bend would cost "
    "$4.5 million. "
    "Families from the flooded streets waited for six hours before the rescue boats came. "
)
_SHORT = "Floods hit Ostrava Bend on Monday and rescue teams worked through the night."


def _numbers(config: BriefConfig) -> list[str]:
    pairs = story((_LONG, "2031-03-04"), (_SHORT, "2031-03-04"))
    brief = build_brief(pairs, story_id="s", config=config)
    return [p.value for n in brief.numbers for p in n.points]


def test_a_central_figure_beyond_the_lead_is_listed() -> None:
    assert _LONG.index("$4.5 million") > BriefConfig().numbers_lead_chars
    assert "$4.5 million" in _numbers(BriefConfig())
    assert "$4.5 million" not in _numbers(BriefConfig(numbers_late_max=0))


def test_a_late_length_of_time_is_not_listed() -> None:
    assert "six hours" not in _numbers(BriefConfig(numbers_late_max=5))


def test_late_figures_only_fill_the_room_left() -> None:
    assert "$4.5 million" not in _numbers(BriefConfig(numbers_max=0))


def test_a_narrow_range_is_precise_and_hundreds_is_not() -> None:
    lead = ("Wheat prices in Ostrava Bend rose between 20 and 30 percent after the floods "
            "on Monday, the governor said. Hundreds of homes were flooded.")
    pairs = story((lead, "2031-03-04"), (_SHORT, "2031-03-04"))
    values = [p.value for n in build_brief(pairs, story_id="s").numbers for p in n.points]
    assert any("20 and 30 percent" in v for v in values)
    assert not any("undreds" in v for v in values)


def test_late_ages_of_a_guessed_person_that_differ_are_not_listed() -> None:
    # "The 36-year-old" and "The 38-year-old" are guessed to be the last person named:
    # differing, they may be two people, so the figure is held back as in the lead.
    text = (_LONG + "Rescuers pulled Anton Kessler from the river near the mill. The "
            "36-year-old was taken to hospital. Later Anton Kessler thanked the crews in a "
            "video. The 38-year-old said the water rose fast. ")
    pairs = story((text, "2031-03-04"), (_SHORT, "2031-03-04"))
    brief = build_brief(pairs, story_id="s", config=BriefConfig(numbers_late_max=5))
    values = [p.value for n in brief.numbers for p in n.points]
    assert "$4.5 million" in values  # the late list itself still works here
    assert not any("year-old" in v for v in values)
