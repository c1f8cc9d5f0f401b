"""Who a story names without taking part: a commentator quoted late in one outlet's
article, the outlet's own editor, one only asked about, a show's network; and a video player's teaser block, which is chrome. One small
story of four outlets built here."""

from __future__ import annotations

import functools

from sitrep.brief import build_brief
from sitrep.reconcile.chrome_text import is_chrome, is_chrome_line
from tests.support.brief import annotated, make

_OUTLETS = ("Alpha News", "Beta Post", "Gamma Wire", "Delta Daily")
_LEAD = ("Harbor Freight Lines said on Monday it would close its depot in Leeds, cutting 400 "
         "jobs. The company blamed falling orders. Workers protested outside the depot on "
         "Monday. ")
_BACKGROUND = ("The depot opened in 1998. It once employed 900 people. The town relied on "
               "the jobs. Union leaders asked for talks. The closure will take a year. ")
_REPORTS = (
    _LEAD + "Company spokeswoman Maria Lopez said the decision was final. " + _BACKGROUND
    + "Tom Keller, a shipping analyst at the Baltic Institute, said the closure was a sign "
    "of weak trade. Peter Hall, a spokesman for Harbor Freight Lines, said staff would be "
    "offered new posts.",
    _LEAD + "Consumer Editor Jane Moss explains what workers can claim. The depot featured "
    "in Starlane TV's series about truckers. " + _BACKGROUND,
    _LEAD + "The depot was the set of "
    "Starlane TV's drama Long Haul. " + _BACKGROUND,
    _LEAD + "The company has asked for permission to talk to Dan Cole, the former chief "
    "executive of Baltic Freight. Fans of Starlane TV's Long Haul visited the depot. "
    + _BACKGROUND,
)


@functools.cache
def _actors() -> tuple[str, ...]:
    pairs = annotated([make(text, id="abcd"[i], outlet=_OUTLETS[i], published="2019-03-05")
                       for i, text in enumerate(_REPORTS)])
    return tuple(a.name for a in build_brief(pairs, story_id="s").actors)


def test_a_spokesperson_one_outlet_quotes_early_is_listed() -> None:
    assert "Harbor Freight Lines" in _actors()
    assert "Maria Lopez" in _actors()


def test_a_commentator_one_outlet_quotes_late_is_not_listed() -> None:
    assert "Tom Keller" not in _actors()


def test_a_late_spokesperson_of_a_body_the_story_names_is_listed() -> None:
    assert "Peter Hall" in _actors()  # "a spokesman for Harbor Freight Lines"


def test_the_outlets_own_editor_is_not_listed() -> None:
    assert "Jane Moss" not in _actors()


def test_one_only_asked_about_in_one_outlet_is_not_listed() -> None:
    assert "Dan Cole" not in _actors()  # "permission to talk to Dan Cole"


def test_a_name_told_only_as_a_things_owner_is_not_listed() -> None:
    assert "Starlane TV" not in _actors()  # "Starlane TV's series", in three outlets


def test_a_video_teaser_block_is_chrome() -> None:
    block = ("JUST WATCHED Rebels free 21 girls Replay More Videos ... MUST WATCH Rebels "
             "free 21 girls 01:26")
    assert is_chrome_line(block)
    assert is_chrome("MUST WATCH Rebels free 21 girls 01:26")
    assert is_chrome_line("JUST WATCHED Rebels free 21 girls Replay ... MUST WATCH Rebels "
                          "free 21 girls")  # the headline told twice


def test_a_dateline_or_a_subhead_in_capitals_is_no_video_teaser() -> None:
    assert not is_chrome_line("NEW DELHI The government said on Monday it would act by "
                              "10:30.")
    assert not is_chrome_line("REALITY, NOT A THREAT")
    assert not is_chrome_line("US AND UK forces met on Monday. US AND UK forces left.")


def test_a_person_in_a_short_articles_lead_is_no_late_commentator() -> None:
    short = ("Harbor Freight Lines said on Monday it would close its depot in Leeds. "
             "Workers protested on Monday. Union leader Sam Okafor said the union would "
             "fight the closure. The depot opened in 1998.")
    pairs = annotated([make(text, id="abcd"[i], outlet=_OUTLETS[i], published="2019-03-05")
                       for i, text in enumerate((short, *_REPORTS[1:]))])
    assert "Sam Okafor" in [a.name for a in build_brief(pairs, story_id="s").actors]
